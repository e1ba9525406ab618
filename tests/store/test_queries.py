"""Queries on a store: events (corpus and per article), quotes, actors, and their CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from chronik.interfaces.cli import app
from chronik.resources import Resources
from chronik.store import Store, ingest
from chronik.store.queries import EventFilter, actor_query, event_query, quote_query, run

from .test_linking import MOSCOW, TEHRAN, _write

QUOTED = (
    "quote-1",
    "2024-03-20",
    "Kahr verteidigt Plan",
    "Bürgermeisterin Elke Kahr sagte am Mittwoch: „Die Straßenbahn ist die Zukunft unserer Stadt.“",
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> Path:
    folder = tmp_path_factory.mktemp("queries")
    source = _write(folder / "in.jsonl", (*MOSCOW, TEHRAN, QUOTED))
    path = folder / "q.duckdb"
    ingest([str(source)], path, resources=resources)
    return path


def _ask(db: Path, query: object) -> list[dict[str, object]]:
    with Store.open(db, read_only=True) as store:
        result = run(store, query)  # type: ignore[arg-type]
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


def test_queries_events_are_corpus_events_with_report_counts(db: Path) -> None:
    found = _ask(db, event_query(EventFilter(actor="RUS", type="consult")))
    assert [(row["date_first"], row["reports"]) for row in found] == [
        (dt.date(2024, 3, 12), 3),
        (dt.date(2024, 4, 16), 1),
    ]
    since = _ask(db, event_query(EventFilter(actor="IRN", since=dt.date(2024, 4, 1))))
    assert [row["reports"] for row in since] == [1]
    assert _ask(db, event_query(EventFilter(actor="FRA"))) == []
    outlet = _ask(db, event_query(EventFilter(outlet="moscow-3")))
    assert [row["reports"] for row in outlet] == [3]


def test_queries_events_per_article_are_raw_rows(db: Path) -> None:
    found = _ask(db, event_query(EventFilter(type="CONSULT"), per_article=True))
    assert sorted(row["article_id"] for row in found) == [
        "moscow-1",
        "moscow-2",
        "moscow-3",
        "tehran-1",
    ]
    until = _ask(db, event_query(EventFilter(until=dt.date(2024, 3, 12)), per_article=True))
    assert sorted(row["article_id"] for row in until) == ["moscow-1", "moscow-2"]


def test_queries_quotes_by_speaker_and_text(db: Path) -> None:
    found = _ask(db, quote_query(speaker="kahr"))
    assert [row["article_id"] for row in found] == ["quote-1"]
    assert "Straßenbahn" in str(found[0]["quote"])
    assert _ask(db, quote_query(text="Straßenbahn")) == found
    assert _ask(db, quote_query(speaker="Lawrow", text="Straßenbahn")) == []


def test_queries_actors_count_who_acts_on_whom(db: Path) -> None:
    found = _ask(db, actor_query())
    consult = [row for row in found if row["type"] == "CONSULT"]
    assert sum(int(row["events"]) for row in consult) == 2  # type: ignore[call-overload]
    assert sum(int(row["reports"]) for row in consult) == 4  # type: ignore[call-overload]


def test_queries_actors_cross_every_source_with_every_target() -> None:
    connection = duckdb.connect()
    connection.execute(
        "CREATE TABLE corpus_events (source_countries VARCHAR[], target_countries VARCHAR[], "
        "type VARCHAR, reports INTEGER)"
    )
    connection.execute(
        "INSERT INTO corpus_events VALUES (['RUS'], ['DEU', 'POL'], 'ACCUSE', 2), "
        "(['FRA', 'DEU'], [], 'CONSULT', 1)"
    )
    rows = connection.execute(actor_query().sql).fetchall()
    pairs = {(source, target, kind) for source, target, kind, _, _ in rows}
    assert pairs == {
        ("RUS", "DEU", "ACCUSE"),
        ("RUS", "POL", "ACCUSE"),
        ("FRA", None, "CONSULT"),
        ("DEU", None, "CONSULT"),
    }


def test_queries_cli_formats(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(app, ["events", "--db", str(db), "--actor", "RUS", "--format", "csv"])
    assert done.exit_code == 0, done.output
    table = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [row["reports"] for row in table] == ["3", "1"]
    done = runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "Kahr", "--format", "json"])
    assert json.loads(done.stdout)[0]["speaker"] == "Elke Kahr"
    done = runner.invoke(app, ["actors", "--db", str(db)])
    assert done.exit_code == 0 and "CONSULT" in done.stdout
    parquet = tmp_path / "e.parquet"
    options = ["--db", str(db), "--per-article", "--format", "parquet", "--output", str(parquet)]
    done = runner.invoke(app, ["events", *options])
    assert done.exit_code == 0, done.output
    assert duckdb.sql(f"SELECT count(*) FROM '{parquet}'").fetchall()[0][0] >= 4
    done = runner.invoke(app, ["events", "--db", str(db), "--format", "parquet"])
    assert done.exit_code == 2
    done = runner.invoke(app, ["events", "--db", str(db), "--since", "März"])
    assert done.exit_code == 2
