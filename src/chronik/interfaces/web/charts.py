"""Charts as SVG text, drawn here: a timeline of event counts and a network of actors.

Every label is escaped, sizes come from the data only, and the layout is deterministic
(the same rows give the same picture), so the charts can be tested as text and need no
script in the browser.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from chronik.interfaces.web.palette import event_colour

Row = dict[str, object]
_MAX_DAYS = 62  # above this span, bars are months
_MAX_MONTHS = 120  # above this, years


@dataclass(frozen=True)
class _Plot:
    """The drawing area of the timeline, inside its axes."""

    left: float
    top: float
    width: float
    height: float
    highest: int  # the largest bar, drawn full height

    def y(self, value: float) -> float:
        return self.top + self.height - self.height * value / self.highest


def timeline_svg(rows: list[Row], *, width: int = 760, height: int = 260) -> str:
    """Stacked bars of event counts per day (or month, or year), coloured by type."""
    days = [dt.date.fromisoformat(str(row["day"])[:10]) for row in rows]
    if not days:
        return _empty(width, "No events to draw.")
    unit = _unit(min(days), max(days))
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, row in zip(days, rows, strict=True):
        counts[_bucket(day, unit)][str(row["type"])] += _count(row["events"])
    buckets = _buckets(min(days), max(days), unit)
    types = sorted({t for per_type in counts.values() for t in per_type})
    highest = max(sum(per_type.values()) for per_type in counts.values())
    plot = _Plot(40, 10, width - 50, height - 70, highest)
    parts = [_open(width, height, "Event counts by type over time")]
    for tick in sorted({0, math.ceil(highest / 2), highest}):
        y = plot.y(tick)
        parts.append(
            f'<line x1="{plot.left}" x2="{plot.left + plot.width}" y1="{y:.1f}" y2="{y:.1f}" '
            f'class="grid"/><text x="{plot.left - 4}" y="{y + 4:.1f}" class="axis" '
            f'text-anchor="end">{tick}</text>'
        )
    every = max(1, math.ceil(len(buckets) / 12))  # at most about 12 date labels
    for index, bucket in enumerate(buckets):
        parts += _bar(plot, index, len(buckets), bucket, counts.get(bucket, {}), types)
        if index % every == 0:
            x = plot.left + (index + 0.5) * plot.width / len(buckets)
            parts.append(
                f'<text x="{x:.1f}" y="{plot.top + plot.height + 14}" class="axis" '
                f'text-anchor="middle">{escape(bucket)}</text>'
            )
    parts.append(_legend(types, plot.left, height - 24))
    parts.append("</svg>")
    return "\n".join(parts)


def _bar(
    plot: _Plot, index: int, count: int, bucket: str, values: dict[str, int], types: list[str]
) -> list[str]:
    """One stacked bar: a rectangle per type, bottom up, each with its count as tooltip."""
    step = plot.width / count
    x, below, parts = plot.left + index * step, 0, []
    for event_type in types:
        value = values.get(event_type, 0)
        if not value:
            continue
        top, bottom = plot.y(below + value), plot.y(below)
        below += value
        tip = escape(f"{bucket} {event_type}: {value}")
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{top:.1f}" width="{max(step - 2, 1):.1f}" '
            f'height="{bottom - top:.1f}" fill="{event_colour(event_type)}">'
            f"<title>{tip}</title></rect>"
        )
    return parts


def _unit(first: dt.date, last: dt.date) -> str:
    if (last - first).days <= _MAX_DAYS:
        return "day"
    months = (last.year - first.year) * 12 + last.month - first.month
    return "month" if months <= _MAX_MONTHS else "year"


def _bucket(day: dt.date, unit: str) -> str:
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[unit]


def _buckets(first: dt.date, last: dt.date, unit: str) -> list[str]:
    """Every bucket from first to last, so that gaps in time show as gaps."""
    if unit == "day":
        return [(first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
    if unit == "year":
        return [str(year) for year in range(first.year, last.year + 1)]
    result, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def network_svg(rows: list[Row], *, max_nodes: int = 30, size: int = 640) -> str:
    """Who acts on whom: countries on a circle, one curved arrow per (source, target, type)."""
    edges = [row for row in rows if row.get("source") and row.get("target")]
    weight: dict[str, int] = defaultdict(int)
    for row in edges:
        weight[str(row["source"])] += _count(row["events"])
        weight[str(row["target"])] += _count(row["events"])
    if not weight:
        return _empty(size, "No events with a source and a target country.")
    nodes = sorted(weight, key=lambda node: (-weight[node], node))[:max_nodes]
    where = _circle(nodes, size)
    kept = [row for row in edges if row["source"] in where and row["target"] in where]
    types = sorted({str(row["type"]) for row in kept})
    parts = [_open(size, size + 40, "Network of who acts on whom, by event type"), _markers(types)]
    heaviest = max(weight[node] for node in nodes)
    radii = {node: 6 + 14 * math.sqrt(weight[node] / heaviest) for node in nodes}
    parts += _edges(kept, where, radii)
    for node in nodes:
        x, y = where[node]
        radius = radii[node]
        href = escape(f"/actors?actor={quote(node)}")
        parts.append(
            f'<a href="{href}" class="node"><circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}">'
            f"<title>{escape(node)}: {weight[node]} events</title></circle>"
            f'<text x="{x:.1f}" y="{y - radius - 4:.1f}" text-anchor="middle">'
            f"{escape(node)}</text></a>"
        )
    parts.append(_legend(types, 10, size + 20))
    parts.append("</svg>")
    return "\n".join(parts)


def _circle(nodes: list[str], size: int) -> dict[str, tuple[float, float]]:
    centre, radius = size / 2, size / 2 - 60
    if len(nodes) == 1:
        return {nodes[0]: (centre, centre)}
    step = 2 * math.pi / len(nodes)
    return {
        node: (
            centre + radius * math.cos(i * step - math.pi / 2),
            centre + radius * math.sin(i * step - math.pi / 2),
        )
        for i, node in enumerate(nodes)
    }


def _edges(
    rows: list[Row], where: dict[str, tuple[float, float]], radii: dict[str, float]
) -> list[str]:
    by_pair: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        by_pair[(str(row["source"]), str(row["target"]))].append(row)
    parts = []
    for (source, target), pair_rows in sorted(by_pair.items()):
        for index, row in enumerate(sorted(pair_rows, key=lambda r: str(r["type"]))):
            event_type, count = str(row["type"]), _count(row["events"])
            path = _path(where[source], where[target], 14 + 16 * index, radii[target] + 2)
            width = 1 + 1.5 * math.log2(count + 1)
            tip = escape(f"{source} → {target} {event_type}: {count}")
            parts.append(
                f'<path d="{path}" class="edge" stroke="{event_colour(event_type)}" '
                f'stroke-width="{width:.1f}" marker-end="url(#arrow-{escape(event_type)})">'
                f"<title>{tip}</title></path>"
            )
    return parts


def _path(start: tuple[float, float], end: tuple[float, float], bend: float, gap: float) -> str:
    """A curve from start to the rim of the target node (``gap`` from its centre)."""
    (x1, y1), (x2, y2) = start, end
    if (x1, y1) == (x2, y2):  # an actor acting on itself: a loop above the node
        return f"M{x1:.1f},{y1:.1f} c{-bend:.1f},{-2 * bend:.1f} {bend:.1f},{-2 * bend:.1f} 0,0"
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy)
    # Bend to the right of the direction of travel: A→B and B→A never overlap.
    cx, cy = (x1 + x2) / 2 - dy / length * bend, (y1 + y2) / 2 + dx / length * bend
    # The curve arrives along control point → end; stop short there so the arrow shows.
    tx, ty = x2 - cx, y2 - cy
    tangent = math.hypot(tx, ty) or 1.0
    x2, y2 = x2 - tx / tangent * gap, y2 - ty / tangent * gap
    return f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"


def _markers(types: list[str]) -> str:
    markers = "".join(
        f'<marker id="arrow-{escape(t)}" viewBox="0 0 10 10" refX="9" refY="5" '
        f'markerWidth="6" markerHeight="6" orient="auto-start-reverse">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{event_colour(t)}"/></marker>'
        for t in types
    )
    return f"<defs>{markers}</defs>"


def _legend(types: list[str], x: float, y: float) -> str:
    items = []
    for index, event_type in enumerate(types):
        left = x + (index % 8) * 92
        top = y + (index // 8) * 16
        items.append(
            f'<rect x="{left:.0f}" y="{top - 9:.0f}" width="10" height="10" '
            f'fill="{event_colour(event_type)}"/>'
            f'<text x="{left + 14:.0f}" y="{top:.0f}" class="legend">{escape(event_type)}</text>'
        )
    return f'<g class="legend">{"".join(items)}</g>'


def _count(value: object) -> int:
    return int(str(value))


def _open(width: int, height: int, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(label)}">'
    )


def _empty(width: int, message: str) -> str:
    return f'{_open(width, 40, message)}<text x="10" y="24">{escape(message)}</text></svg>'
