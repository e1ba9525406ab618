"""The DuckDB file: open or create it, write one article in one transaction, read counts.

DuckDB allows one writing process per file; a second process gets a lock error, which
becomes a one-line UsageError here. Every write is its own transaction, so a process
killed at any moment leaves either all of an article's rows or none of them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from chronik import __version__
from chronik.errors import UsageError
from chronik.store.records import ArticleRows, Row
from chronik.store.schema import ARTICLE_TABLES, SCHEMA_VERSION, TABLES, create_schema

DEFAULT_DB = Path("chronik.duckdb")

# An INSERT from one list-of-structs parameter: one statement per table and article,
# far cheaper than one statement per row. BY NAME matches the dict keys to columns.
_INSERT = "INSERT INTO {table} BY NAME SELECT unnest(row) FROM (SELECT unnest(?) AS row)"


class StoreError(UsageError):
    """The database refused a write (disk full, file damaged); the run stops."""

    code = "E210"


@dataclass(frozen=True)
class Failure:
    """A document that could not be read or analysed, and why (one line)."""

    input_name: str
    record_id: str | None
    code: str
    reason: str


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


class Store:
    """One open DuckDB store. Use ``Store.open(path)``; close it (or use ``with``)."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: Path | str = DEFAULT_DB, *, read_only: bool = False) -> Store:
        """Open ``path``, creating the file and its tables unless ``read_only``."""
        path = Path(path)
        if read_only and not path.is_file():
            raise UsageError(f"{path}: no such database (create it with 'chronik ingest')")
        if not read_only and path.parent and not path.parent.is_dir():
            raise UsageError(f"{path}: cannot create the database (no folder {path.parent})")
        try:
            connection = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as error:
            raise _open_error(path, error) from None
        store = cls(connection, path)
        try:
            store._check_schema(read_only)
        except BaseException:
            connection.close()
            raise
        return store

    def _check_schema(self, read_only: bool) -> None:
        try:
            if read_only:
                row = self.connection.execute(
                    "SELECT value FROM meta WHERE key = 'schema_version'"
                ).fetchone()
                version = str(row[0]) if row else "?"
            else:
                version = create_schema(self.connection)
        except duckdb.Error as error:
            raise UsageError(f"{self.path}: not a Chronik store ({_first_line(error)})") from None
        if version != SCHEMA_VERSION:
            raise UsageError(
                f"{self.path}: schema version {version}, this Chronik reads {SCHEMA_VERSION}"
            )

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_article(self, article_id: str, content_id: str) -> bool:
        """True when an article with this id or this content hash is stored."""
        row = self.connection.execute(
            "SELECT 1 FROM articles WHERE id = ? OR content_id = ? LIMIT 1",
            [article_id, content_id],
        ).fetchone()
        return row is not None

    def write_article(self, rows: ArticleRows, run_id: int | None = None) -> bool:
        """Write all rows of one article in one transaction, and forget its old failure.

        Returns False (and writes nothing) when the article is already stored.
        """
        for row in rows.tables.get("articles", []):
            row["run_id"] = run_id
        input_names = [row["input_name"] for row in rows.tables.get("articles", [])]
        try:
            with self._transaction():
                for table in ARTICLE_TABLES:
                    self._insert(table, rows.tables.get(table, []))
                for name in input_names:
                    self.connection.execute("DELETE FROM failures WHERE input_name = ?", [name])
        except duckdb.ConstraintException:
            return False
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: cannot write ({_first_line(error)})") from None
        return True

    def _insert(self, table: str, rows: list[Row]) -> None:
        if rows:
            self.connection.execute(_INSERT.format(table=table), [rows])

    def record_failure(self, failure: Failure) -> None:
        """Record (or count again) a failed document; keyed by its input name."""
        now, name = _now(), failure.input_name
        details = [failure.record_id, failure.code, failure.reason]
        # Select, then update or insert: DuckDB 1.0 fails on INSERT … ON CONFLICT here.
        with self._transaction():
            seen = self.connection.execute(
                "SELECT 1 FROM failures WHERE input_name = ?", [name]
            ).fetchone()
            if seen:
                self.connection.execute(
                    "UPDATE failures SET record_id = ?, code = ?, reason = ?, last_seen = ?, "
                    "attempts = attempts + 1 WHERE input_name = ?",
                    [*details, now, name],
                )
            else:
                self.connection.execute(
                    "INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?, 1)", [name, *details, now, now]
                )

    def start_run(self, inputs: Sequence[str], workers: int) -> int:
        with self._transaction():
            row = self.connection.execute(
                "INSERT INTO runs (started, inputs, workers, chronik_version) "
                "VALUES (?, ?, ?, ?) RETURNING run_id",
                [_now(), list(inputs), workers, __version__],
            ).fetchone()
        return int(row[0]) if row else 0

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        with self._transaction():
            self.connection.execute(
                "UPDATE runs SET finished = ?, documents_read = ?, articles_new = ?, "
                "duplicates = ?, failed = ? WHERE run_id = ?",
                [
                    _now(),
                    counts["read"],
                    counts["new"],
                    counts["duplicates"],
                    counts["failed"],
                    run_id,
                ],
            )

    def counts(self) -> dict[str, int]:
        """Rows per table (meta excluded)."""
        result = {}
        for table in TABLES:
            if table != "meta":
                row = self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
                result[table] = int(row[0]) if row else 0
        return result

    def failures(self) -> list[Failure]:
        rows = self.connection.execute(
            "SELECT input_name, record_id, code, reason FROM failures ORDER BY first_seen, "
            "input_name"
        ).fetchall()
        return [Failure(*row) for row in rows]

    def query(self, sql: str) -> QueryResult:
        """Run one SQL statement; a DuckDB error becomes a one-line UsageError."""
        try:
            cursor = self.connection.execute(sql)
            names = [item[0] for item in cursor.description or []]
            return QueryResult(names, cursor.fetchall() if names else [])
        except duckdb.Error as error:
            raise UsageError(f"SQL error: {_first_line(error)}") from None

    def _transaction(self) -> _Transaction:
        return _Transaction(self.connection, self.path)


class _Transaction:
    """BEGIN … COMMIT, or ROLLBACK when the block raises (so nothing is half written).

    A database error (disk full, damaged file) becomes a one-line StoreError; a
    ConstraintException passes through (write_article reads it as "already stored").
    """

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path) -> None:
        self.connection = connection
        self.path = path

    def __enter__(self) -> None:
        self.connection.begin()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, *rest: object
    ) -> None:
        if kind is None:
            try:
                self.connection.commit()
            except duckdb.Error as failed:
                rollback_quietly(self.connection)
                raise write_error(self.path, failed) from None
            return
        rollback_quietly(self.connection)
        if isinstance(error, duckdb.Error) and not isinstance(error, duckdb.ConstraintException):
            raise write_error(self.path, error) from None


def rollback_quietly(connection: duckdb.DuckDBPyConnection) -> None:
    """Roll back; a transaction DuckDB already ended (a failed commit) is no second error."""
    with contextlib.suppress(duckdb.TransactionException):
        connection.rollback()


def write_error(path: Path, error: BaseException, action: str = "cannot write") -> StoreError:
    """The one-line StoreError for a failed write (the first line of DuckDB's message)."""
    return StoreError(f"{path}: {action} ({_first_line(error)})")


def _open_error(path: Path, error: duckdb.Error) -> UsageError:
    message = _first_line(error)
    if "lock" in message.lower():
        holder = re.search(r"\(PID (\d+)\)", message)
        who = f"another process (PID {holder.group(1)})" if holder else "another process"
        return UsageError(
            f"{path}: the database is locked by {who}; DuckDB allows one writer, so wait "
            "for it to finish or choose another --db"
        )
    return UsageError(f"{path}: cannot open the database ({message})")


def _first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    if "pending query result" in lines[0] and len(lines) > 1:
        # DuckDB 1.0 wraps the real reason: "… closed pending query result\nError: …".
        return lines[1].removeprefix("Error: ")
    return lines[0]


def _now() -> dt.datetime:
    """UTC without a zone: DuckDB's TIMESTAMP, documented as UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
