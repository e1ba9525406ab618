"""``chronik fingerprints learn``: paragraphs that recur across an outlet's articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chronik.errors import ChronikError, InputError
from chronik.ingest.readers import read_input
from chronik.interfaces.errors import fail
from chronik.settings import Settings
from chronik.structure.fingerprints import learn_fingerprints


def learn(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt/.html/.jsonl) or -.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Fingerprint file to write.")],
    outlet: Annotated[
        str | None, typer.Option(help="Outlet of documents that do not name one.")
    ] = None,
) -> None:
    """Learn outlet fingerprints; give them to 'chronik analyze --fingerprints'.

    Example: chronik fingerprints learn crawl.jsonl -o fingerprints.json
    """
    settings = Settings.from_env()

    def documents():  # type: ignore[no-untyped-def]
        for path in inputs:
            for item in read_input(path, settings, defaults={"outlet": outlet}):
                if not isinstance(item, InputError):
                    yield item.outlet, item.text

    try:
        fingerprints = learn_fingerprints(documents(), settings)
        fingerprints.save(output)
    except ChronikError as error:
        fail(error)
    outlets = len(fingerprints.by_outlet)
    typer.echo(f"{len(fingerprints)} recurring paragraphs from {outlets} outlets -> {output}")
