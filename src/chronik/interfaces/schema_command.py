"""``chronik schema``: the JSON Schema of the Article output."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from chronik.model import article_json_schema


def schema_text() -> str:
    return json.dumps(article_json_schema(), indent=2, ensure_ascii=False) + "\n"


def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of an Article.

    Example: chronik schema -o docs/schema.json
    """
    text = schema_text()
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
