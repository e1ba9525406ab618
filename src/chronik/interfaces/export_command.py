"""``chronik export``: events as PLOVER JSON Lines, a GDELT-style table, CSV or Parquet,
from the store (the whole corpus or a query) or from analysed articles in JSON Lines."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from pydantic import ValidationError

from chronik.errors import ChronikError, UsageError
from chronik.events.lexicon import EventLexicon
from chronik.exports.gdelt import COLUMNS, gdelt_row
from chronik.exports.plover import plover_record
from chronik.interfaces.errors import fail
from chronik.model import Article, Event
from chronik.store.database import DEFAULT_DB, Store
from chronik.store.queries import EventFilter, event_query, run, write_parquet


class ExportFormat(StrEnum):
    plover = "plover"
    gdelt = "gdelt"
    csv = "csv"
    parquet = "parquet"


def export(
    output: Annotated[str, typer.Argument(help="File to write, or - for stdout.")] = "-",
    output_format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.plover,
    db: Annotated[Path, typer.Option(help="The store to export from.")] = DEFAULT_DB,
    source: Annotated[
        Path | None,
        typer.Option("--from", help="Analysed articles (JSON Lines) instead of the store."),
    ] = None,
    actor: Annotated[str | None, typer.Option(help="ISO3 code or part of a name.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    outlet: Annotated[str | None, typer.Option(help="Part of an outlet name.")] = None,
) -> None:
    """Write events for event-data tools: the whole corpus, or those a query selects.

    Example: chronik export events.jsonl --format plover --actor RUS --since 2021-10-01
    """
    try:
        where = EventFilter(actor, event_type, _date(since), _date(until), outlet)
        if output_format in (ExportFormat.csv, ExportFormat.parquet):
            _table(output, output_format, db, where, source)
            return
        articles = _from_jsonl(source, where) if source else _from_store(db, where)
        with _opened(output) as handle:
            _write(articles, handle, output_format)
    except ChronikError as error:
        fail(error)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise UsageError(f"{value!r} is not a date (YYYY-MM-DD)") from None


class _opened:
    def __init__(self, output: str) -> None:
        self._output = output
        self._handle: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self._output == "-":
            return sys.stdout
        try:
            self._handle = open(self._output, "w", encoding="utf-8")
        except OSError as error:
            raise UsageError(f"{self._output}: cannot write ({error.strerror or error})") from None
        return self._handle

    def __exit__(self, *_: object) -> None:
        if self._handle is not None:
            self._handle.close()


def _from_store(db: Path, where: EventFilter) -> Iterator[tuple[Article, list[Event]]]:
    with Store.open(db, read_only=True) as store:
        selected = run(store, event_query(where, per_article=True))
        wanted: dict[str, set[str]] = {}
        for row in selected.rows:
            wanted.setdefault(row[0], set()).add(row[1])
        for article_id, event_ids in wanted.items():
            found = store.connection.execute(
                "SELECT article_json FROM articles WHERE id = ?", [article_id]
            ).fetchone()
            if found is None:
                continue
            article = Article.model_validate_json(found[0])
            yield article, [e for e in article.events if e.id in event_ids]


def _from_jsonl(source: Path, where: EventFilter) -> Iterator[tuple[Article, list[Event]]]:
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise UsageError(f"{source}: cannot read ({error.strerror or error})") from None
    skipped = 0
    for line in lines:
        if not line.strip():
            continue
        try:
            article = Article.model_validate_json(line)
        except ValidationError:
            skipped += 1  # error records of a batch ({"id", "error"}) carry no events
            continue
        yield article, [e for e in article.events if _matches(article, e, where)]
    if skipped:
        sys.stderr.write(f"chronik: {source}: {skipped} lines are not articles and were skipped\n")


def _matches(article: Article, event: Event, where: EventFilter) -> bool:
    sides = [*event.source, *event.target]
    if where.type and event.type != where.type.upper():
        return False
    if where.actor and not any(
        where.actor in (a.country or "") or where.actor in a.text for a in sides
    ):
        return False
    if where.outlet and where.outlet.lower() not in (article.source.outlet or "").lower():
        return False
    day = event.date.value if event.date and event.date.precision == "day" else article.published
    if where.since and (day is None or day < where.since.isoformat()):
        return False
    return not (where.until and (day is None or day > where.until.isoformat()))


def _write(
    articles: Iterator[tuple[Article, list[Event]]], handle: TextIO, output_format: ExportFormat
) -> None:
    writer = (
        csv.writer(handle, delimiter="\t", lineterminator="\n")
        if output_format == ExportFormat.gdelt
        else None
    )
    if writer is not None:
        writer.writerow(COLUMNS)
    lexicon = EventLexicon.load()
    for article, events in articles:
        for event in events:
            if writer is not None:
                writer.writerow(gdelt_row(article, event, lexicon))
            else:
                handle.write(json.dumps(plover_record(article, event), ensure_ascii=False) + "\n")


def _table(
    output: str, output_format: ExportFormat, db: Path, where: EventFilter, source: Path | None
) -> None:
    if source is not None:
        raise UsageError("csv and parquet export read the store: drop --from, give --db")
    with Store.open(db, read_only=True) as store:
        query = event_query(where, per_article=True)
        if output_format == ExportFormat.parquet:
            if output == "-":
                raise UsageError("parquet needs an output file")
            write_parquet(store, query, Path(output))
            return
        result = run(store, query)
    with _opened(output) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
