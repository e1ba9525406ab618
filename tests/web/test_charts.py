"""The SVG charts: buckets, counts, layout, and escaping of labels."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from chronik.interfaces.web.charts import network_svg, timeline_svg


def _titles(svg: str) -> list[str]:
    return re.findall(r"<title>([^<]*)</title>", svg)


def test_charts_timeline_counts_per_day_and_type() -> None:
    rows = [
        {"day": "2024-03-01", "type": "CONSULT", "events": 2},
        {"day": "2024-03-01", "type": "ACCUSE", "events": 1},
        {"day": "2024-03-04", "type": "CONSULT", "events": 3},
    ]
    svg = timeline_svg(rows)
    ET.fromstring(svg)  # well-formed
    assert _titles(svg) == [
        "2024-03-01 ACCUSE: 1",
        "2024-03-01 CONSULT: 2",
        "2024-03-04 CONSULT: 3",
    ]
    # Four days from the first to the last, the empty ones included, as bar labels.
    assert re.findall(r'class="axis" text-anchor="middle">([^<]*)<', svg) == [
        "2024-03-01",
        "2024-03-02",
        "2024-03-03",
        "2024-03-04",
    ]


def test_charts_timeline_uses_months_over_a_long_span() -> None:
    rows = [
        {"day": "2023-11-20", "type": "AID", "events": 1},
        {"day": "2024-02-02", "type": "AID", "events": 4},
        {"day": "2024-02-27", "type": "AID", "events": 1},
    ]
    assert _titles(timeline_svg(rows)) == ["2023-11 AID: 1", "2024-02 AID: 5"]


def test_charts_timeline_without_rows_says_so() -> None:
    assert "No events to draw." in timeline_svg([])


def test_charts_network_draws_nodes_and_one_edge_per_type() -> None:
    rows = [
        {"source": "RUS", "target": "UKR", "type": "ASSAULT", "events": 5},
        {"source": "RUS", "target": "UKR", "type": "CONSULT", "events": 1},
        {"source": "UKR", "target": "RUS", "type": "ACCUSE", "events": 2},
        {"source": "FRA", "target": "FRA", "type": "PROTEST", "events": 1},
        {"source": "DEU", "target": None, "type": "AID", "events": 9},
    ]
    svg = network_svg(rows)
    ET.fromstring(svg)
    assert re.findall(r'href="/actors\?actor=([A-Z]+)"', svg) == ["RUS", "UKR", "FRA"]
    assert svg.count('class="edge"') == 4
    assert "RUS → UKR ASSAULT: 5" in _titles(svg)
    # Two directions between the same countries bend apart, so their paths differ.
    paths = re.findall(r'<path d="([^"]+)" class="edge"', svg)
    assert len(set(paths)) == 4
    assert network_svg(rows) == svg  # deterministic


def test_charts_network_keeps_the_most_active_nodes() -> None:
    rows = [{"source": f"A{n:02d}", "target": "HUB", "type": "AID", "events": 1} for n in range(40)]
    svg = network_svg(rows, max_nodes=5)
    assert re.findall(r'href="/actors\?actor=([A-Z0-9]+)"', svg) == [
        "HUB",
        "A00",
        "A01",
        "A02",
        "A03",
    ]


def test_charts_escape_labels() -> None:
    rows = [{"source": "<b>", "target": "X&Y", "type": '"><script>', "events": 1}]
    svg = network_svg(rows)
    ET.fromstring(svg)
    assert "<b>" not in svg
    assert "<script>" not in svg
    assert "&lt;b&gt;" in svg
    timeline = timeline_svg([{"day": "2024-01-01", "type": "<i>", "events": 1}])
    ET.fromstring(timeline)
    assert "<i>" not in timeline
