"""Defaults in one place; each can be overridden by an environment variable.

``CHRONIK_MAX_CHARS=5000000 chronik analyze big.txt`` raises the size limit for one run;
the Python API takes a ``Settings`` object (``Settings(max_chars=...)``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TypeVar

from chronik.errors import UsageError


@dataclass(frozen=True)
class Settings:
    # A news article is rarely above 100,000 characters; beyond this a "document" is
    # usually a data dump, and analysing it would stall a batch.
    max_chars: int = 1_000_000
    # Bytes read from one input file before decoding (a 20 MB file is read, then refused
    # by max_chars with a clear message instead of exhausting memory on a 5 GB one).
    max_bytes: int = 50_000_000
    # Seconds one document may take in `chronik ingest` before it is recorded as a failure
    # (E105) and the run goes on; 0 turns the limit off. A 100,000-character article
    # takes about 15 s, a typical one well under 1 s.
    max_seconds: float = 120.0
    # Share of control characters above which bytes are treated as binary, not text.
    max_control_share: float = 0.02
    # Below this many letters, language identification is not attempted.
    min_letters_for_language: int = 20
    # A paragraph seen in at least this many documents of one outlet is boilerplate.
    fingerprint_min_documents: int = 3
    # ... and in at least this share of that outlet's documents.
    fingerprint_min_share: float = 0.2
    # Use the statistical name tagger (entities/tagger) beside the rules and the KB.
    name_tagger: bool = True
    # Where evaluation and benchmark commands find the shared data sets.
    data_dir: Path = Path("../shared/data")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        environ = dict(os.environ if environ is None else environ)
        if "CHRONIK_DATA_DIR" not in environ and "CHRONIK_DATA" in environ:
            environ["CHRONIK_DATA_DIR"] = environ["CHRONIK_DATA"]
        return from_env(cls, "CHRONIK_", environ)


Config = TypeVar("Config")


def from_env(kind: type[Config], prefix: str, environ: dict[str, str] | None) -> Config:
    """The defaults of the dataclass ``kind``, each field overridden by the environment
    variable ``prefix`` + its upper-case name when that is set."""
    environ = dict(os.environ if environ is None else environ)
    changes: dict[str, object] = {}
    for item in fields(kind):  # type: ignore[arg-type]
        value = environ.get(f"{prefix}{item.name.upper()}")
        if value is not None:
            changes[item.name] = _convert(f"{prefix}{item.name.upper()}", value, item.type)
    return replace(kind(), **changes)  # type: ignore[type-var]


def _convert(name: str, value: str, kind: object) -> object:
    try:
        if kind in ("bool", bool):
            return value.strip().lower() in ("1", "true", "yes", "on")
        if kind in ("int", int):
            return int(value)
        if kind in ("float", float):
            return float(value)
        if kind in ("Path", Path):
            return Path(value)
    except ValueError as error:
        reason = f"setting {name}={value!r} is not valid ({error})"
        raise UsageError(reason) from error
    return value
