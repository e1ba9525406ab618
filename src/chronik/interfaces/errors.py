"""How the command line reports errors: one line on stderr, then a fixed exit status."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

from chronik.errors import ChronikError

EXIT_USAGE = 2  # usage errors and unreadable input, as click uses for bad options
EXIT_INTERNAL = 1


def fail(error: ChronikError | str, status: int = EXIT_USAGE) -> NoReturn:
    sys.stderr.write(f"chronik: {error}\n")
    raise typer.Exit(status)


def internal(error: BaseException, document: str) -> str:
    """A one-line description of an unexpected failure, for error records and messages."""
    detail = " ".join(str(error).split())[:300]
    return f"[E900] {document}: internal error {type(error).__name__}: {detail} (please report)"
