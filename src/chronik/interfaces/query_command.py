"""``chronik events``, ``chronik quotes`` and ``chronik actors``: ask a store the usual questions.

Thin commands over chronik.store.queries; the store is opened read-only.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from chronik.errors import ChronikError
from chronik.interfaces.errors import fail
from chronik.interfaces.results import as_csv, as_json, as_table, cell
from chronik.store.database import DEFAULT_DB, QueryResult, Store
from chronik.store.queries import (
    EventFilter,
    Query,
    actor_query,
    event_query,
    quote_query,
    run,
    write_parquet,
)

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB file.")]


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", help="table, csv, json, or parquet (needs --output)."),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="File to write instead of stdout.")
]


def events(
    actor: Annotated[
        str | None, typer.Option(help="ISO 3166-1 alpha-3 country code, or part of a name.")
    ] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    since: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Part of an outlet name.")] = None,
    per_article: Annotated[
        bool, typer.Option("--per-article", help="One row per article event, not per real event.")
    ] = False,
    db: DbOption = DEFAULT_DB,
    output_format: FormatOption = OutputFormat.table,
    output: OutputOption = None,
) -> None:
    """List events: one row per real event with its number of reports and outlets, or
    with --per-article one row per event found in an article.

    Example: chronik events --actor RUS --type CONSULT --since 2024-03-01 --format csv
    """
    where = EventFilter(actor, event_type, _date(since, "--since"), _date(until, "--until"), outlet)
    _answer(db, event_query(where, per_article=per_article), output_format, output)


def quotes(
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    text: Annotated[str | None, typer.Option(help="Part of what was said.")] = None,
    db: DbOption = DEFAULT_DB,
    output_format: FormatOption = OutputFormat.table,
    output: OutputOption = None,
) -> None:
    """List quotes with their speakers, in order of publication.

    Example: chronik quotes --speaker Schoigu --format json
    """
    _answer(db, quote_query(speaker, text), output_format, output)


def actors(
    db: DbOption = DEFAULT_DB,
    output_format: FormatOption = OutputFormat.table,
    output: OutputOption = None,
) -> None:
    """Who acts on whom: real events counted by source country, target country and type.

    Example: chronik actors --db corpus.duckdb --format csv --output actors.csv
    """
    _answer(db, actor_query(), output_format, output)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option}: '{value}' is not a date (YYYY-MM-DD)")


def _answer(db: Path, query: Query, output_format: OutputFormat, output: Path | None) -> None:
    if output_format == OutputFormat.parquet and output is None:
        fail("--format parquet needs --output FILE")
    try:
        with Store.open(db, read_only=True) as store:
            if output_format == OutputFormat.parquet and output is not None:
                write_parquet(store, query, output)
                return
            result = run(store, query)
    except ChronikError as error:
        fail(error)
    if output is None and output_format == OutputFormat.table and sys.stdout.isatty():
        _rich_table(result)
        return
    text = _render(result, output_format)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def _render(result: QueryResult, output_format: OutputFormat) -> str:
    if output_format == OutputFormat.json:
        return as_json(result)
    if output_format == OutputFormat.csv:
        return as_csv(result)
    return as_table(result)


def _rich_table(result: QueryResult) -> None:
    from rich.console import Console  # only on a terminal
    from rich.table import Table

    table = Table(*result.columns, caption=f"{len(result.rows)} rows")
    for row in result.rows:
        table.add_row(*(cell(value) for value in row))
    Console().print(table)
