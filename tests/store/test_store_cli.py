from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronik.interfaces.cli import app
from chronik.resources import Resources
from chronik.store.ingest import ingest

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, folder: Path, resources: Resources) -> Path:
    path = tmp_path / "cli.duckdb"
    (folder / "empty.txt").write_text("", encoding="utf-8")
    ingest([str(folder)], path, resources=resources)
    return path


def test_store_cli_sql_table_csv_and_json(db: Path) -> None:
    query = "SELECT sentence_no, start_offset, text FROM sentences ORDER BY article_id, 1 LIMIT 2"
    table = runner.invoke(app, ["sql", query, "--db", str(db)])
    assert table.exit_code == 0, table.output
    header, rule, *lines = table.stdout.splitlines()
    assert header.split() == ["sentence_no", "start_offset", "text"]
    assert set(rule.replace(" ", "")) == {"-"}
    assert lines[-1] == "(2 rows)" and lines[0].split()[:2] == ["1", "0"]
    as_csv = runner.invoke(app, ["sql", query, "--db", str(db), "--format", "csv"])
    parsed = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert parsed[0] == ["sentence_no", "start_offset", "text"] and len(parsed) == 3
    as_json = runner.invoke(app, ["sql", query, "--db", str(db), "--format", "json"])
    records = json.loads(as_json.stdout)
    assert records[0]["sentence_no"] == 1 and records[0]["text"] == parsed[1][2]


def test_store_cli_sql_json_dates_lists_and_errors(db: Path) -> None:
    query = "SELECT DATE '2024-03-01' AS day, ['a', 'b'] AS roles, NULL AS nothing"
    result = runner.invoke(app, ["sql", query, "--db", str(db), "--format", "json"])
    assert json.loads(result.stdout) == [
        {"day": "2024-03-01", "roles": ["a", "b"], "nothing": None}
    ]
    wrong = runner.invoke(app, ["sql", "SELECT * FROM nowhere", "--db", str(db)])
    assert wrong.exit_code == 2 and "SQL error" in wrong.output
    # The store is opened read-only: a query cannot change it.
    write = runner.invoke(app, ["sql", "DELETE FROM articles", "--db", str(db)])
    assert write.exit_code == 2 and "read-only" in write.output


def test_store_cli_status_lists_counts_and_failures(db: Path, folder: Path) -> None:
    result = runner.invoke(app, ["status", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(line.split() == ["articles", "6"] for line in lines)
    assert "failures: 1" in lines
    assert f"  {folder / 'empty.txt'}: [E101] the document is empty" in lines
    assert any(line.startswith("run 1: started") and "new 6" in line for line in lines)


def test_store_cli_ingest_usage_errors_exit_2(tmp_path: Path, db: Path) -> None:
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--db", str(db)])
    assert missing.exit_code == 2 and "no such file or folder" in missing.output
    no_folder = runner.invoke(app, ["ingest", str(db), "--db", str(tmp_path / "x" / "y.duckdb")])
    assert no_folder.exit_code == 2 and "cannot create the database" in no_folder.output
    status = runner.invoke(app, ["status", "--db", str(tmp_path / "none.duckdb")])
    assert status.exit_code == 2 and "no such database" in status.output


def test_store_cli_locked_database_is_one_line_and_exit_2(tmp_path: Path, db: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
            "sys.stdin.read()",
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db), "--workers", "1"])
    finally:
        holder.communicate("")
    assert result.exit_code == 2
    [line] = result.output.strip().splitlines()
    assert "is locked by another process" in line and f"PID {holder.pid}" in line
