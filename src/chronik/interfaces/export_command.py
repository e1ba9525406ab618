"""``chronik export``: events of analysed articles as PLOVER JSON Lines or a GDELT-style table."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from pydantic import ValidationError

from chronik.events.lexicon import EventLexicon
from chronik.exports.gdelt import COLUMNS, gdelt_row
from chronik.exports.plover import plover_records
from chronik.interfaces.errors import fail
from chronik.model import Article


class ExportFormat(StrEnum):
    plover = "plover"
    gdelt = "gdelt"


def export(
    source: Annotated[
        Path, typer.Argument(help="Articles as JSON Lines (chronik analyze --format jsonl).")
    ],
    output: Annotated[str, typer.Argument(help="File to write, or - for stdout.")] = "-",
    output_format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.plover,
) -> None:
    """Write the events of analysed articles for event-data tools.

    Example: chronik export articles.jsonl events.jsonl --format plover
    """
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        fail(f"{source}: cannot read ({error.strerror or error})")
    handle: TextIO = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    try:
        _write(lines, source, handle, output_format)
    finally:
        if handle is not sys.stdout:
            handle.close()


def _write(lines: list[str], source: Path, handle: TextIO, output_format: ExportFormat) -> None:
    writer = (
        csv.writer(handle, delimiter="\t", lineterminator="\n")
        if output_format == ExportFormat.gdelt
        else None
    )
    if writer is not None:
        writer.writerow(COLUMNS)
    lexicon = EventLexicon.load()
    skipped = 0
    for line in lines:
        if not line.strip():
            continue
        try:
            article = Article.model_validate_json(line)
        except ValidationError:
            skipped += 1  # error records of a batch ({"id", "error"}) carry no events
            continue
        if writer is not None:
            for event in article.events:
                writer.writerow(gdelt_row(article, event, lexicon))
        else:
            for record in plover_records(article):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if skipped:
        sys.stderr.write(f"chronik: {source}: {skipped} lines are not articles and were skipped\n")
