"""Data tables: the lexicons and knowledge-base files that ship inside the package.

Every table is a UTF-8, tab-separated file. It opens with ``#`` comment lines that
state at least ``source:``, ``licence:`` and ``scope:``; then one header row naming
the columns; then the rows. Empty cells are empty strings; a cell holding several
values separates them with ``|``. Keeping heuristics and knowledge in such files
(not in code) lets users read, review and extend them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from chronik.errors import ResourceError

REQUIRED_HEADER_KEYS = ("source", "licence", "scope")


@dataclass(frozen=True)
class Table:
    """A data table: its header metadata, its columns and its rows."""

    name: str
    meta: dict[str, str]
    columns: tuple[str, ...]
    rows: tuple[dict[str, str], ...] = field(repr=False)

    def __iter__(self) -> Iterator[dict[str, str]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> list[str]:
        return [row[name] for row in self.rows]


def split_multi(cell: str) -> list[str]:
    """The values of a multi-valued cell (``a|b|c``), without empties."""
    return [part.strip() for part in cell.split("|") if part.strip()]


def parse_table(text: str, name: str = "<table>") -> Table:
    """Parse the text of a table file; raise ResourceError naming the table when malformed."""
    meta: dict[str, str] = {}
    lines = text.splitlines()
    body_start = 0
    for body_start, line in enumerate(lines):  # noqa: B007 - index used after the loop
        if not line.startswith("#"):
            break
        key, sep, value = line.lstrip("# ").partition(":")
        if sep and key.strip() and " " not in key.strip():
            meta[key.strip().lower()] = value.strip()
    else:
        body_start = len(lines)
    missing = [key for key in REQUIRED_HEADER_KEYS if key not in meta]
    if missing:
        raise ResourceError(f"table {name}: header comment lacks {', '.join(missing)}")
    data = [line for line in lines[body_start:] if line.strip() and not line.startswith("#")]
    if not data:
        raise ResourceError(f"table {name}: no header row")
    reader = csv.reader(data, delimiter="\t", quoting=csv.QUOTE_NONE)
    columns = tuple(next(reader))
    rows = []
    for number, values in enumerate(reader, start=2):
        if len(values) > len(columns):
            raise ResourceError(
                f"table {name}: row {number} has {len(values)} cells, header has {len(columns)}"
            )
        padded = values + [""] * (len(columns) - len(values))
        rows.append(dict(zip(columns, (v.strip() for v in padded), strict=True)))
    return Table(name=name, meta=meta, columns=columns, rows=tuple(rows))


@cache
def load_table(package: str, filename: str) -> Table:
    """Load a table shipped as package data, e.g. ``load_table("chronik.kb", "countries.tsv")``.

    Tables live in a ``data`` folder next to the module that owns them.
    """
    path = resources.files(package).joinpath("data", filename)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as error:
        raise ResourceError(f"table {package}/{filename}: cannot read ({error})") from error
    return parse_table(text, name=f"{package}/{filename}")


def load_table_file(path: Path) -> Table:
    """Load a table from a path (for user-supplied tables)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ResourceError(f"table {path}: cannot read ({error})") from error
    return parse_table(text, name=str(path))
