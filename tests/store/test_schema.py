from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from chronik.errors import UsageError
from chronik.store.database import Store
from chronik.store.schema import SCHEMA_VERSION, TABLES, VIEWS, columns

ROOT = Path(__file__).resolve().parents[2]


def test_schema_creates_every_table_with_its_columns(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        for table in TABLES:
            found = store.query(
                f"SELECT column_name FROM information_schema.columns "
                f"WHERE table_name = '{table}' ORDER BY ordinal_position"
            )
            assert tuple(row[0] for row in found.rows) == columns(table), table
        version = store.query("SELECT value FROM meta WHERE key = 'schema_version'").rows
        assert version == [(SCHEMA_VERSION,)]
        assert store.query("SELECT * FROM sources").rows == []


def test_schema_reopening_keeps_the_data(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        store.start_run(["x"], 1)
    with Store.open(db) as store:
        assert store.counts()["runs"] == 1
        assert store.counts()["articles"] == 0


def test_schema_other_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store.open(db).close()
    connection = duckdb.connect(str(db))
    connection.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    connection.close()
    with pytest.raises(UsageError, match="schema version 999"):
        Store.open(db)


def test_schema_a_file_that_is_no_store_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    connection = duckdb.connect(str(other))
    connection.execute("CREATE TABLE t (x INTEGER)")
    connection.close()
    with pytest.raises(UsageError, match="not a Chronik store"):
        Store.open(other, read_only=True)
    with pytest.raises(UsageError, match="no such database"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_schema_docs_describe_every_table_and_column() -> None:
    text = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    for table in (*TABLES, *VIEWS):
        section = re.search(rf"^### `{table}`\n(.+?)(?=^### |\Z)", text, re.MULTILINE | re.DOTALL)
        assert section is not None, f"docs/store.md has no section for {table}"
        if table in TABLES:
            for column in columns(table):
                assert f"`{column}`" in section.group(1), f"{table}.{column} is not documented"
