"""What an ingest reads: INPUT paths expanded to files, and CSV files read as documents.

Folders are searched recursively for the suffixes in ``INGEST_SUFFIXES`` (hidden files
and folders are skipped). Text, HTML and JSONL files go through
``chronik.ingest.readers``; CSV files are read here, in one of two layouts:

- a header row with a ``text`` column (and optionally ``id``, ``published``, ``title``,
  ``outlet``, ``url``; other columns are kept as ``extra``), delimiter ``,`` ``;`` or tab;
- the 10kGNAD layout ``label;'text'``: no header, semicolon, single-quote quoting
  (quotes inside doubled), recognised from the first line; the label goes to ``extra``.

Every document, or the reason it cannot be read, comes out in input order.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from chronik.errors import InputError, RecordError, UsageError
from chronik.ingest.document import RawDocument
from chronik.ingest.readers import open_input
from chronik.ingest.spkatt import read_spkatt
from chronik.settings import Settings

INGEST_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".jsonl", ".csv", ".json"})
META_COLUMNS = ("published", "title", "outlet", "url")
_GNAD_LINE = re.compile(r"[^;'\"\r\n]{1,60};'")


@dataclass(frozen=True)
class InputItem:
    """One document (or why it could not be read) and input fields Chronik does not use."""

    document: RawDocument | InputError
    extra: dict[str, str] | None = None


def expand_inputs(paths: Sequence[str]) -> list[str]:
    """Files to read, in a stable order; raises UsageError for a path that does not exist."""
    found: list[str] = []
    for path in paths:
        candidate = Path(path)
        if path == "-" or candidate.is_file():
            found.append(path)
        elif candidate.is_dir():
            found.extend(str(file) for file in _folder_files(candidate))
        else:
            raise UsageError(f"{path}: no such file or folder")
    if not found:
        suffixes = ", ".join(sorted(INGEST_SUFFIXES))
        raise UsageError(f"no input files found (folders are searched for {suffixes})")
    return list(dict.fromkeys(found))


def _folder_files(folder: Path) -> list[Path]:
    return sorted(
        file
        for file in folder.rglob("*")
        if file.suffix.lower() in INGEST_SUFFIXES
        and not any(part.startswith(".") for part in file.relative_to(folder).parts)
        and file.is_file()
    )


def read_items(
    path: str, settings: Settings, defaults: dict[str, str | None] | None = None
) -> Iterator[InputItem]:
    """The documents of one input file (or ``-``), each with its extra fields."""
    defaults = defaults or {}
    if path != "-" and Path(path).suffix.lower() == ".csv":
        yield from read_csv(path, settings, defaults)
        return
    if path != "-" and Path(path).suffix.lower() == ".json":  # a GermEval SpkAtt document
        try:
            document = read_spkatt(Path(path))
            yield InputItem(replace(document, outlet=document.outlet or defaults.get("outlet")))
        except InputError as error:
            yield InputItem(error)
        return
    try:
        opened = open_input(path, settings, defaults=defaults)
    except UsageError as error:
        # In a batch, one unreadable file is that file's failure, not the run's.
        yield InputItem(InputError(error.reason, document=path))
        return
    for document in opened.documents:
        yield InputItem(document)


def read_csv(
    path: str, settings: Settings, defaults: dict[str, str | None] | None = None
) -> Iterator[InputItem]:
    """Documents from a CSV file: a ``text`` column, or the 10kGNAD ``label;'text'`` layout."""
    defaults = defaults or {}
    # Articles can be longer than csv's default field limit (131,072 characters).
    csv.field_size_limit(max(csv.field_size_limit(), settings.max_bytes))
    try:
        handle = open(path, encoding="utf-8-sig", errors="replace", newline="")  # noqa: SIM115
    except OSError as error:
        yield InputItem(InputError(f"cannot read ({error.strerror or error})", document=path))
        return
    with handle:
        head = handle.read(4096)
        handle.seek(0)
        if _GNAD_LINE.match(head):
            yield from _gnad_items(handle, path, defaults)
        else:
            yield from _header_items(handle, head, path, defaults)


def _gnad_items(handle: TextIO, path: str, defaults: dict[str, str | None]) -> Iterator[InputItem]:
    rows = csv.reader(handle, delimiter=";", quotechar="'", doublequote=True)
    for number, row in _numbered(rows, path):
        if isinstance(row, InputError):
            yield InputItem(row)
        elif len(row) != 2:
            reason = f"row {number} has {len(row)} fields; expected label;'text'"
            yield InputItem(RecordError(reason, document=f"{path}:{number}"))
        else:
            document = RawDocument(text=row[1], name=f"{path}:{number}", **_meta({}, defaults))
            yield InputItem(document, {"label": row[0]})


def _header_items(
    handle: TextIO, head: str, path: str, defaults: dict[str, str | None]
) -> Iterator[InputItem]:
    first_line = head.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    rows = csv.reader(handle, delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(rows, [])]
    except csv.Error as error:
        yield InputItem(InputError(f"the CSV header cannot be read ({error})", document=path))
        return
    if "text" not in header:
        reason = "a CSV file needs a header with a 'text' column (or the 10kGNAD layout)"
        yield InputItem(InputError(reason, document=path))
        return
    for number, row in _numbered(rows, path):
        if isinstance(row, InputError):
            yield InputItem(row)
            continue
        fields = dict(zip(header, row, strict=False))
        yield _header_item(fields, number, path, defaults)


def _header_item(
    fields: dict[str, str], number: int, path: str, defaults: dict[str, str | None]
) -> InputItem:
    given_id = fields.get("id") or None
    name = f"{path}:{number}" + (f" (id {given_id})" if given_id else "")
    if "published" not in fields and fields.get("date"):
        fields["published"] = fields.pop("date")
    extra = {
        key: value
        for key, value in fields.items()
        if key not in (*META_COLUMNS, "id", "text") and value
    }
    if fields.get("text") is None:
        return InputItem(RecordError(f"row {number} has no text field", document=name))
    document = RawDocument(text=fields["text"], id=given_id, name=name, **_meta(fields, defaults))
    return InputItem(document, extra or None)


def _numbered(rows: Iterator[list[str]], path: str) -> Iterator[tuple[int, list[str] | InputError]]:
    """Rows numbered from 1, skipping blank ones; a malformed row becomes a RecordError."""
    number = 0
    while True:
        number += 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            yield number, RecordError(f"row {number}: {error}", document=f"{path}:{number}")
            continue
        if not any(cell.strip() for cell in row):
            number -= 1
            continue
        yield number, row


def _meta(fields: dict[str, str], defaults: dict[str, str | None]) -> dict[str, str | None]:
    return {key: fields.get(key) or defaults.get(key) for key in META_COLUMNS}


def count_documents(path: str) -> int | None:
    """How many documents ``path`` holds, cheaply (for a progress bar); None for stdin."""
    if path == "-":
        return None
    suffix = Path(path).suffix.lower()
    try:
        if suffix == ".jsonl":
            with open(path, "rb") as handle:
                return sum(1 for line in handle if line.strip())
        if suffix == ".csv":
            return sum(1 for _ in read_csv(path, Settings()))
    except OSError:
        return 1
    return 1
