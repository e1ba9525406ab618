"""A query result as text: aligned table, CSV or JSON (``chronik sql`` and the query
commands write the same formats)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal

from chronik.store.database import QueryResult

MAX_CELL = 80  # characters of one cell in the table format; csv and json are complete


def as_json(result: QueryResult) -> str:
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    return json.dumps(rows, ensure_ascii=False, indent=1, default=_plain) + "\n"


def as_csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([cell(value) for value in row] for row in result.rows)
    return buffer.getvalue()


def as_table(result: QueryResult) -> str:
    """Columns aligned with spaces; long cells cut at MAX_CELL characters."""
    cells = [[_short(cell(value)) for value in row] for row in result.rows]
    widths = [
        max([len(name), *(len(row[index]) for row in cells)])
        for index, name in enumerate(result.columns)
    ]
    lines = [
        "  ".join(name.ljust(width) for name, width in zip(result.columns, widths, strict=True)),
        "  ".join("-" * width for width in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    noun = "row" if len(cells) == 1 else "rows"
    return "\n".join(line.rstrip() for line in lines) + f"\n({len(cells)} {noun})\n"


def cell(value: object) -> str:
    """One value as text: lists and structs as JSON, NULL as empty."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=_plain)
    return str(value)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _plain(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)
