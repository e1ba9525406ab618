"""The ``chronik`` command. Commands are thin: library errors become one-line messages."""

from __future__ import annotations

import sys

import typer

from chronik import __version__
from chronik.interfaces import (
    analyze_command,
    eval_command,
    export_command,
    fingerprint_command,
    ingest_command,
    query_command,
    schema_command,
    serve_command,
    store_command,
)

app = typer.Typer(
    name="chronik",
    help="German news articles to evidence-linked records: structure, entities, quotes, events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command("analyze")(analyze_command.analyze)
app.command("schema")(schema_command.schema)
app.command("export")(export_command.export)
app.command("ingest")(ingest_command.ingest)
app.command("status")(store_command.status)
app.command("sql")(store_command.sql)
app.command("events")(query_command.events)
app.command("quotes")(query_command.quotes)
app.command("actors")(query_command.actors)
app.command("serve")(serve_command.serve)
fingerprints = typer.Typer(
    help="Learn outlet boilerplate from a collection of articles.", no_args_is_help=True
)
fingerprints.command("learn")(fingerprint_command.learn)
app.add_typer(fingerprints, name="fingerprints")
evaluation = typer.Typer(help="Score Chronik against gold data.", no_args_is_help=True)
evaluation.command("ner")(eval_command.ner)
evaluation.command("quotes")(eval_command.quotes)
evaluation.command("tagging")(eval_command.tagging)
app.add_typer(evaluation, name="eval")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"chronik {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Chronik: German news to structured, evidence-linked records."""


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("chronik: interrupted\n")
        sys.exit(130)
