"""``chronik status`` and ``chronik sql``: look into a store without changing it."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from chronik.errors import ChronikError
from chronik.interfaces.errors import fail
from chronik.store.database import DEFAULT_DB, QueryResult, Store

MAX_CELL = 80  # characters of one cell in the table format; csv and json are complete

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
        rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=_plain) + "\n")
    elif output_format == SqlFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_cell(value) for value in row] for row in result.rows)
    else:
        sys.stdout.write(render_table(result))


def render_table(result: QueryResult) -> str:
    """Columns aligned with spaces; long cells cut at MAX_CELL characters."""
    cells = [[_short(_cell(value)) for value in row] for row in result.rows]
    widths = [
        max([len(name), *(len(row[index]) for row in cells)])
        for index, name in enumerate(result.columns)
    ]
    lines = [
        "  ".join(name.ljust(width) for name, width in zip(result.columns, widths, strict=True)),
        "  ".join("-" * width for width in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    noun = "row" if len(cells) == 1 else "rows"
    return "\n".join(line.rstrip() for line in lines) + f"\n({len(cells)} {noun})\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=_plain)
    return str(value)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _plain(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)
