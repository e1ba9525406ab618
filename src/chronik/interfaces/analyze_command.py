"""``chronik analyze PATH``: analyse one document or a JSONL file of documents."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from chronik.errors import ChronikError, InputError
from chronik.evaluation.spkatt import article_to_spkatt
from chronik.ingest.document import RawDocument
from chronik.ingest.readers import open_input
from chronik.interfaces.errors import EXIT_INTERNAL, fail, internal
from chronik.interfaces.render import render_article
from chronik.model import Article
from chronik.pipeline import analyze as analyze_text
from chronik.resources import Resources
from chronik.settings import Settings
from chronik.structure.fingerprints import Fingerprints


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    spkatt = "spkatt"


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"


def analyze(
    path: Annotated[str, typer.Argument(help="A .txt/.md/.html/.jsonl file, or - for stdin.")],
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Name of the outlet, e.g. 'RT DE'.")] = None,
    url: Annotated[str | None, typer.Option(help="URL of the article.")] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            help="text (default on a terminal), json, jsonl, or spkatt "
            "(quotes in the GermEval 2023 SpkAtt JSON format).",
        ),
    ] = None,
    input_format: Annotated[
        InputFormat, typer.Option(help="Read the input as this format, whatever its suffix.")
    ] = InputFormat.auto,
    fingerprints: Annotated[
        Path | None, typer.Option(help="Outlet fingerprints from 'chronik fingerprints learn'.")
    ] = None,
) -> None:
    """Analyse a news article: structure, entities, quotes, events.

    Example: chronik analyze examples/wire-report.txt --published 2024-03-11 --format json
    """
    settings = Settings.from_env()
    try:
        known = Fingerprints.load(fingerprints) if fingerprints else None
        opened = open_input(
            path,
            settings,
            input_format=input_format.value,
            defaults={"published": published, "outlet": outlet, "url": url},
        )
        resources = Resources(settings)
        results = (_analyse(item, resources, known) for item in opened.documents)
        chosen = output_format or _default_format(opened.is_batch)
        if opened.is_batch:
            _batch(results, chosen, resources)
        else:
            _single(next(results), chosen, resources)
    except ChronikError as error:
        fail(error)


def _analyse(
    item: RawDocument | InputError, resources: Resources, fingerprints: Fingerprints | None
) -> Article | tuple[str | None, str]:
    if isinstance(item, InputError):
        return (_record_id(item), str(item))
    try:
        return analyze_text(
            item.text, **item.metadata(), fingerprints=fingerprints, resources=resources
        )
    except InputError as error:
        error.document = item.name
        return (item.id, str(error))
    except Exception as error:  # noqa: BLE001 - one document's failure must not stop a batch
        return (item.id, internal(error, item.name))


def _record_id(error: InputError) -> str | None:
    document = error.document or ""
    if "(id " in document:
        return document.rsplit("(id ", 1)[1].rstrip(")")
    return None


def _default_format(batch: bool) -> OutputFormat:
    if sys.stdout.isatty():
        return OutputFormat.text
    return OutputFormat.jsonl if batch else OutputFormat.json


def _single(
    result: Article | tuple[str | None, str], chosen: OutputFormat, resources: Resources
) -> None:
    if isinstance(result, tuple):
        message = result[1]
        fail(message, status=EXIT_INTERNAL if "[E900]" in message else 2)
    if chosen == OutputFormat.text:
        render_article(result)
    elif chosen == OutputFormat.spkatt:
        document = article_to_spkatt(result, resources.german.tokenizer)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    elif chosen == OutputFormat.json:
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(result.model_dump_json() + "\n")


def _batch(
    results: Iterator[Article | tuple[str | None, str]], chosen: OutputFormat, resources: Resources
) -> None:
    """Write each result as soon as it is ready, in input order."""
    failed = total = 0
    if chosen == OutputFormat.json:
        sys.stdout.write("[")
    for result in results:
        failed += isinstance(result, tuple)
        if chosen == OutputFormat.text:
            _render_or_report(result)
        elif chosen == OutputFormat.spkatt:
            line = (
                _json_line(result)
                if isinstance(result, tuple)
                else json.dumps(
                    article_to_spkatt(result, resources.german.tokenizer), ensure_ascii=False
                )
            )
            sys.stdout.write(line + "\n")
        elif chosen == OutputFormat.json:
            sys.stdout.write(("\n" if total == 0 else ",\n") + _json_line(result))
        else:
            sys.stdout.write(_json_line(result) + "\n")
        sys.stdout.flush()
        total += 1
    if chosen == OutputFormat.json:
        sys.stdout.write("\n]\n")
    if failed:
        sys.stderr.write(f"chronik: {failed} of {total} documents could not be analysed\n")


def _render_or_report(result: Article | tuple[str | None, str]) -> None:
    if isinstance(result, tuple):
        sys.stderr.write(f"chronik: {result[1]}\n")
    else:
        render_article(result)


def _json_line(result: Article | tuple[str | None, str]) -> str:
    if isinstance(result, tuple):
        return json.dumps({"id": result[0], "error": result[1]}, ensure_ascii=False)
    return result.model_dump_json()
