"""One real event, many reports: link article events into corpus events.

Two article events report the same real event when they have the same PLOVER type, the
same source and target countries (either way round for CONSULT and COOPERATE, where
who meets whom is symmetric), compatible places (the same country, or one unknown),
and dates within a window (default ±2 days of the corpus event's first date). An event
without a day-precise date is dated by its article's publication date. Events in
near-duplicate articles (``duplicate_groups``) link whatever their dates: a rewrite of
a wire report is one more report of its events.

Only asserted events are linked (a denied or planned meeting is not an event that
happened); events without any actor country stay corpus events of their own, since
nothing says which other report they match. The tables are rebuilt from all stored
events, so the result does not depend on the order the articles came in.

    update_corpus(store)   # after an ingest run: duplicates, then corpus events
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

import duckdb

from chronik.store.database import Store, rollback_quietly, write_error
from chronik.store.duplicates import DUPLICATE_THRESHOLD, update_duplicates

DATE_WINDOW_DAYS = 2
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE"})

_EVENTS = """
SELECT e.article_id, e.event_id, e.type, e.location_country, e.date_value, e.date_precision,
       a.published, a.analysed_at, a.outlet, g.group_id,
       list_sort(list_distinct(list(s.country) FILTER (WHERE s.country IS NOT NULL))),
       list_sort(list_distinct(list(t.country) FILTER (WHERE t.country IS NOT NULL)))
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN duplicate_groups g ON g.article_id = e.article_id
LEFT JOIN event_actors s ON s.article_id = e.article_id AND s.event_id = e.event_id
     AND s.role = 'source'
LEFT JOIN event_actors t ON t.article_id = e.article_id AND t.event_id = e.event_id
     AND t.role = 'target'
WHERE coalesce(e.modality, 'asserted') = 'asserted'
GROUP BY ALL
"""


@dataclass
class Report:
    article_id: str
    event_id: str
    type: str
    country: str | None
    date: dt.date | None
    published: dt.date | None
    analysed_at: Any
    outlet: str | None
    group_id: str | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]

    def key(self) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        sides = (self.sources, self.targets)
        if self.type in SYMMETRIC_TYPES:
            sides = tuple(sorted(sides))  # type: ignore[assignment]
        return (self.type, *sides)

    def order(self) -> tuple[Any, ...]:
        """Reports sorted by date, undated last; then by when the article was stored."""
        published = self.published or dt.date.max
        return (
            self.date or dt.date.max,
            published,
            self.analysed_at,
            self.article_id,
            self.event_id,
        )


@dataclass
class Cluster:
    reports: list[Report] = field(default_factory=list)
    country: str | None = None
    first: dt.date | None = None

    def accepts(self, report: Report, window: int) -> bool:
        if self.country and report.country and self.country != report.country:
            return False
        if self.first is None or report.date is None:
            return False
        return abs((report.date - self.first).days) <= window

    def add(self, report: Report) -> None:
        self.reports.append(report)
        self.country = self.country or report.country
        self.first = self.first or report.date


def update_corpus(
    store: Store, *, threshold: float = DUPLICATE_THRESHOLD, window: int = DATE_WINDOW_DAYS
) -> None:
    """Group near-duplicates of new articles and rebuild the corpus events, in one
    transaction (a run killed here leaves both as they were; the next run redoes it)."""
    connection = store.connection
    empty = connection.execute("SELECT count(*) FROM corpus_event_reports").fetchone()
    connection.begin()
    try:
        signed = update_duplicates(connection, threshold)
        if signed or (empty and empty[0] == 0):
            link_events(connection, window)
        connection.commit()
    except BaseException as error:
        rollback_quietly(connection)  # after a failed commit there is nothing to undo
        if isinstance(error, duckdb.Error):  # disk full: one line, not a traceback
            raise write_error(store.path, error, "cannot update the corpus tables") from None
        raise


def link_events(connection: Any, window: int = DATE_WINDOW_DAYS) -> int:
    """Rebuild ``corpus_events`` and ``corpus_event_reports``; returns the corpus events."""
    reports = [_report(row) for row in connection.execute(_EVENTS).fetchall()]
    clusters = cluster_reports(reports, window)
    connection.execute("DELETE FROM corpus_event_reports")
    connection.execute("DELETE FROM corpus_events")
    events, links = [], []
    for cluster in clusters:
        event = _corpus_event(cluster)
        events.append(event)
        links += [
            {
                "corpus_event_id": event["corpus_event_id"],
                "article_id": r.article_id,
                "event_id": r.event_id,
            }
            for r in cluster.reports
        ]
    for table, rows in (("corpus_events", events), ("corpus_event_reports", links)):
        if rows:
            connection.execute(
                f"INSERT INTO {table} BY NAME SELECT unnest(row) FROM (SELECT unnest(?) AS row)",
                [rows],
            )
    return len(events)


def cluster_reports(reports: list[Report], window: int = DATE_WINDOW_DAYS) -> list[Cluster]:
    """Reports in clusters of one real event each (see the module docstring)."""
    clusters: list[Cluster] = []
    open_by_key: dict[tuple[Any, ...], list[Cluster]] = {}
    by_group: dict[tuple[Any, ...], Cluster] = {}
    for report in sorted(reports, key=Report.order):
        key: tuple[Any, ...] = report.key()
        if not report.sources and not report.targets:
            chosen = None  # no actor country: nothing to match it with
            key = (*key, report.article_id, report.event_id)
        else:
            chosen = by_group.get((key, report.group_id)) if report.group_id else None
            if chosen is None:
                candidates = open_by_key.get(key, [])
                chosen = next((c for c in candidates if c.accepts(report, window)), None)
        if chosen is None:
            chosen = Cluster()
            clusters.append(chosen)
            open_by_key.setdefault(key, []).append(chosen)
        chosen.add(report)
        if report.group_id:
            by_group.setdefault((key, report.group_id), chosen)
    return clusters


def _report(row: tuple[Any, ...]) -> Report:
    article_id, event_id, kind, country, value, precision, published = row[:7]
    analysed_at, outlet, group_id, sources, targets = row[7:]
    date = _day(value) if precision == "day" else None
    return Report(
        article_id,
        event_id,
        kind,
        country,
        date or published,
        published,
        analysed_at,
        outlet,
        group_id,
        tuple(sources or ()),
        tuple(targets or ()),
    )


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _corpus_event(cluster: Cluster) -> dict[str, Any]:
    reports = cluster.reports
    first = min(reports, key=lambda r: (r.published or dt.date.max, r.analysed_at, r.article_id))
    dates = [r.date for r in reports if r.date is not None]
    seed = f"{first.article_id}\t{first.event_id}".encode()
    return {
        "corpus_event_id": "c" + hashlib.sha1(seed).hexdigest()[:16],  # an id, not security
        "type": first.type,
        "source_countries": list(first.sources),
        "target_countries": list(first.targets),
        "location": cluster.country,
        "date_first": min(dates, default=None),
        "date_last": max(dates, default=None),
        "reports": len(reports),
        "outlets": len({r.outlet for r in reports if r.outlet}),
        "first_report_article": first.article_id,
        "first_report_date": first.published,
    }
