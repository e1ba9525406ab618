"""Events across articles: reports of one meeting link into one corpus event."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from chronik.resources import Resources
from chronik.store import ingest
from chronik.store.linking import Report, cluster_reports

from .conftest import rows

MOSCOW = (
    (
        "moscow-1",
        "2024-03-13",
        "Lawrow empfängt Amirabdollahian",
        "Der russische Außenminister Sergej Lawrow traf am Dienstag in Moskau den iranischen "
        "Außenminister Hossein Amirabdollahian. Die beiden Minister sprachen über das "
        "Atomabkommen und den Handel zwischen ihren Ländern.",
    ),
    (
        "moscow-2",
        "2024-03-12",
        "Amirabdollahian zu Gast in Moskau",
        "Der iranische Außenminister Hossein Amirabdollahian ist am Dienstag in Moskau mit "
        "seinem russischen Amtskollegen Sergej Lawrow zusammengetroffen. Nach Angaben aus "
        "Teheran ging es um regionale Sicherheit.",
    ),
    (
        "moscow-3",
        "2024-03-14",
        "Treffen in Moskau",
        "Bei einem Treffen in Moskau hat der russische Außenminister Sergej Lawrow mit dem "
        "iranischen Außenminister Hossein Amirabdollahian über Wirtschaftsfragen beraten.",
    ),
)
TEHRAN = (
    "tehran-1",
    "2024-04-17",
    "Lawrow in Teheran",
    "Der russische Außenminister Sergej Lawrow traf am Dienstag in Teheran den iranischen "
    "Außenminister Hossein Amirabdollahian. Es war das zweite Treffen der beiden Minister "
    "in diesem Frühjahr.",
)


def _write(path: Path, articles: tuple[tuple[str, str, str, str], ...]) -> Path:
    lines = [
        json.dumps(
            {
                "id": key,
                "published": published,
                "outlet": f"Outlet {key}",
                "text": f"{title}\n\n{body}\n",
            },
            ensure_ascii=False,
        )
        for key, published, title, body in articles
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_linking_three_reports_of_one_meeting_are_one_corpus_event(
    tmp_path: Path, resources: Resources
) -> None:
    db = tmp_path / "l.duckdb"
    ingest([str(_write(tmp_path / "in.jsonl", MOSCOW))], db, resources=resources)
    events = rows(
        db,
        "SELECT type, source_countries, target_countries, location, date_first, date_last, "
        "reports, outlets, first_report_article, first_report_date FROM corpus_events",
    )
    assert events == [
        (
            "CONSULT",
            ["RUS"],
            ["IRN"],
            "RUS",
            dt.date(2024, 3, 12),
            dt.date(2024, 3, 14),
            3,
            3,
            "moscow-2",
            dt.date(2024, 3, 12),
        )
    ] or events == [
        (
            "CONSULT",
            ["IRN"],
            ["RUS"],
            "RUS",
            dt.date(2024, 3, 12),
            dt.date(2024, 3, 14),
            3,
            3,
            "moscow-2",
            dt.date(2024, 3, 12),
        )
    ]
    linked = rows(db, "SELECT DISTINCT article_id FROM corpus_event_reports ORDER BY 1")
    assert linked == [("moscow-1",), ("moscow-2",), ("moscow-3",)]


def test_linking_two_meetings_a_month_apart_are_two_corpus_events(
    tmp_path: Path, resources: Resources
) -> None:
    db = tmp_path / "l.duckdb"
    ingest([str(_write(tmp_path / "in.jsonl", (MOSCOW[0], TEHRAN)))], db, resources=resources)
    events = rows(db, "SELECT date_first, reports FROM corpus_events ORDER BY date_first")
    assert events == [(dt.date(2024, 3, 12), 1), (dt.date(2024, 4, 16), 1)]


def _report(
    key: str,
    day: int,
    *,
    country: str | None = "RUS",
    group: str | None = None,
    sources: tuple[str, ...] = ("RUS",),
    kind: str = "CONSULT",
) -> Report:
    date = dt.date(2024, 3, day)
    return Report(key, "v1", kind, country, date, date, None, None, group, sources, ("IRN",))


def test_linking_needs_compatible_place_and_window_unless_duplicates() -> None:
    clusters = cluster_reports(
        [
            _report("a", 10),
            _report("b", 12, country=None),  # unknown place, within the window: linked
            _report("c", 11, country="IRN"),  # another country: not linked
            _report("d", 13),  # three days after the first: not linked
            _report("e", 20, group="g"),
            _report("f", 25, group="g"),  # a near-duplicate of e: linked despite the date
        ]
    )
    assert sorted(sorted(r.article_id for r in c.reports) for c in clusters) == [
        ["a", "b"],
        ["c"],
        ["d"],
        ["e", "f"],
    ]


def test_linking_reversed_actors_link_only_for_symmetric_types() -> None:
    forward = _report("a", 10, kind="ASSAULT")
    backward = Report(
        "b",
        "v1",
        "ASSAULT",
        "RUS",
        forward.date,
        forward.date,
        None,
        None,
        None,
        ("IRN",),
        ("RUS",),
    )
    assert len(cluster_reports([forward, backward])) == 2
    meeting = _report("c", 10)
    reversed_meeting = Report(
        "d",
        "v1",
        "CONSULT",
        "RUS",
        meeting.date,
        meeting.date,
        None,
        None,
        None,
        ("IRN",),
        ("RUS",),
    )
    assert len(cluster_reports([meeting, reversed_meeting])) == 1
