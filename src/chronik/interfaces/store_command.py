"""``chronik status`` and ``chronik sql``: look into a store without changing it."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from chronik.errors import ChronikError
from chronik.interfaces.errors import fail
from chronik.interfaces.results import as_csv, as_json, as_table
from chronik.store.database import DEFAULT_DB, Store

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB file.")]


class SqlFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def status(db: DbOption = DEFAULT_DB) -> None:
    """Show what a store holds: rows per table, the last runs, and every failed document
    with its reason.

    Example: chronik status --db corpus.duckdb
    """
    try:
        with Store.open(db, read_only=True) as store:
            counts = store.counts()
            runs = store.query(
                "SELECT run_id, started, finished, documents_read, articles_new, duplicates, "
                "failed FROM runs ORDER BY run_id DESC LIMIT 5"
            )
            failures = store.failures()
    except ChronikError as error:
        fail(error)
    size = db.stat().st_size / 1_000_000
    typer.echo(f"{db}: {size:.1f} MB")
    width = max(len(table) for table in counts)
    for table, count in counts.items():
        typer.echo(f"  {table:<{width}}  {count:>10,}")
    for run in runs.rows:
        typer.echo(_run_line(run))
    typer.echo(f"failures: {len(failures)}")
    for failure in failures:
        typer.echo(f"  {failure.input_name}: [{failure.code}] {failure.reason}")


def _run_line(run: tuple[Any, ...]) -> str:
    run_id, started, finished, read, new, duplicates, failed = run
    when = f"{started:%Y-%m-%d %H:%M:%S} UTC"
    if finished is None:
        return f"run {run_id}: started {when}, did not finish (stopped or still running)"
    return (
        f"run {run_id}: started {when}, read {read}, new {new}, duplicates {duplicates}, "
        f"failed {failed}"
    )


def sql(
    query: Annotated[str, typer.Argument(help="One SQL statement (DuckDB dialect).")],
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[
        SqlFormat, typer.Option("--format", help="table (aligned text), csv or json.")
    ] = SqlFormat.table,
) -> None:
    """Run a read-only SQL query on a store; docs/store.md describes the tables.

    Example: chronik sql "SELECT type, count(*) AS n FROM events GROUP BY type" --format csv
    """
    try:
        with Store.open(db, read_only=True) as store:
            result = store.query(query)
    except ChronikError as error:
        fail(error)
    if output_format == SqlFormat.json:
        sys.stdout.write(as_json(result))
    elif output_format == SqlFormat.csv:
        sys.stdout.write(as_csv(result))
    else:
        sys.stdout.write(as_table(result))
