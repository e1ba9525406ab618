"""PLOVER JSON Lines and GDELT-style exports of analysed articles."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

import chronik
from chronik.exports.gdelt import COLUMNS
from chronik.interfaces.cli import app
from chronik.resources import Resources

TEXT = (
    "Meldung\n\nEin Vorspann mit einem Satz.\n\nDie USA verhängten am Dienstag "
    "Sanktionen gegen Iran."
)


def _articles(tmp_path: Path, resources: Resources) -> Path:
    article = chronik.analyze(
        TEXT, published="2024-03-06", url="https://example.org/a", resources=resources
    )
    path = tmp_path / "articles.jsonl"
    path.write_text(
        article.model_dump_json() + "\n" + '{"id": "x", "error": "bad"}\n', encoding="utf-8"
    )
    return path


def test_exports_plover_jsonl(tmp_path: Path, resources: Resources) -> None:
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(
        app, ["export", str(out), "--from", str(_articles(tmp_path, resources))]
    )
    assert result.exit_code == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["event_type"] == "SANCTION"
    assert [a["country"] for a in record["actors"]] == ["USA"]
    assert [a["country"] for a in record["recipients"]] == ["IRN"]
    assert record["event_date"] == "2024-03-05"
    assert "Sanktionen" in record["evidence"]["text"]
    assert "1 lines are not articles" in result.stderr


def test_exports_gdelt_table(tmp_path: Path, resources: Resources) -> None:
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(
        app,
        ["export", str(out), "--from", str(_articles(tmp_path, resources)), "--format", "gdelt"],
    )
    assert result.exit_code == 0
    rows = list(csv.reader(out.open(encoding="utf-8"), delimiter="\t"))
    assert tuple(rows[0]) == COLUMNS
    row = dict(zip(COLUMNS, rows[1], strict=True))
    assert (row["Actor1CountryCode"], row["Actor2CountryCode"]) == ("USA", "IRN")
    assert row["QuadClass"] == "4"
    assert row["EventCode"] == "163" and row["GoldsteinScale"] == "-8.0"
    assert row["SQLDATE"] == "20240305"
    assert row["SOURCEURL"] == "https://example.org/a"


def test_exports_unreadable_input_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--from", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


def test_exports_from_the_store_with_a_query(tmp_path: Path, resources: Resources) -> None:
    from chronik.store.ingest import ingest

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "b.txt").write_text(
        "Meldung\n\nEin Vorspann.\n\nJapan lobte Kanada für seine Hilfe.", encoding="utf-8"
    )
    db = tmp_path / "c.duckdb"
    ingest([str(corpus)], db, workers=1, resources=resources)
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(app, ["export", str(out), "--db", str(db), "--actor", "IRN"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["event_type"] for r in records] == ["SANCTION"]
    table = tmp_path / "events.csv"
    result = CliRunner().invoke(app, ["export", str(table), "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.reader(table.open(encoding="utf-8")))
    assert {row[rows[0].index("type")] for row in rows[1:]} == {"SANCTION", "SUPPORT"}
    parquet = tmp_path / "events.parquet"
    result = CliRunner().invoke(
        app, ["export", str(parquet), "--db", str(db), "--format", "parquet", "--type", "SUPPORT"]
    )
    assert result.exit_code == 0 and parquet.stat().st_size > 0
