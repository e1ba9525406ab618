"""Read inputs into RawDocuments: plain text, Markdown, HTML, JSON Lines, stdin.

A reader yields either a RawDocument or an InputError for each document, in input
order, so that one bad record is reported in its place and the others go on.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from chronik.errors import InputError, RecordError, UsageError
from chronik.ingest.decode import decode_bytes
from chronik.ingest.document import RawDocument
from chronik.ingest.html import extract_page, looks_like_html
from chronik.settings import Settings

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

DocumentOrError = RawDocument | InputError


@dataclass
class OpenedInput:
    """An input whose format is known; ``documents`` yields its documents in order."""

    name: str
    kind: str  # text | html | jsonl | auto (text, or HTML by content)
    documents: Iterator[DocumentOrError]

    @property
    def is_batch(self) -> bool:
        return self.kind == "jsonl"


def open_input(
    path: str,
    settings: Settings,
    *,
    defaults: dict[str, str | None] | None = None,
    input_format: str = "auto",
) -> OpenedInput:
    """Open one input: ``-`` for stdin, else a file path.

    ``input_format`` is auto (by suffix, else by content), text, html or jsonl. Raises
    UsageError when the input itself cannot be read (missing file, directory, permission).
    """
    defaults = defaults or {}
    if path == "-":
        data = _read_limited(sys.stdin.buffer, "<stdin>", settings)
        kind = _format_of(input_format, None, data[:4096])
        if kind == "jsonl":
            return OpenedInput(
                "<stdin>", kind, read_jsonl(io.BytesIO(data), "<stdin>", settings, defaults)
            )
        single = _document_from_bytes(data, "<stdin>", kind, settings, defaults)
        return OpenedInput("<stdin>", kind, iter([single]))
    if Path(path).is_dir():
        raise UsageError(f"{path}: is a directory; give a file or '-'")
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed when its documents are consumed
    except OSError as error:
        raise UsageError(f"{path}: cannot read ({error.strerror or error})") from error
    kind = _format_of(input_format, Path(path).suffix.lower(), handle.peek(4096)[:4096])
    return OpenedInput(path, kind, _file_documents(handle, path, kind, settings, defaults))


def read_input(
    path: str,
    settings: Settings,
    *,
    defaults: dict[str, str | None] | None = None,
    input_format: str = "auto",
) -> Iterator[DocumentOrError]:
    """The documents of one input (see ``open_input``)."""
    return open_input(path, settings, defaults=defaults, input_format=input_format).documents


def _file_documents(
    handle: BinaryIO, path: str, kind: str, settings: Settings, defaults: dict[str, str | None]
) -> Iterator[DocumentOrError]:
    with handle:
        if kind == "jsonl":
            yield from read_jsonl(handle, path, settings, defaults)
            return
        try:
            data = _read_limited(handle, path, settings)
        except UsageError as error:
            yield InputError(error.reason, document=path)
            return
    yield _document_from_bytes(data, path, kind, settings, defaults)


def _format_of(input_format: str, suffix: str | None, head: bytes) -> str:
    if input_format not in ("auto", "text", "html", "jsonl"):
        raise UsageError(f"unknown input format {input_format!r}: use auto, text, html or jsonl")
    if input_format != "auto":
        return input_format
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    first_line = head.lstrip().split(b"\n", 1)[0]
    if first_line.startswith(b"{") and first_line.rstrip().endswith(b"}"):
        return "jsonl"
    return "auto"


def _document_from_bytes(
    data: bytes, name: str, kind: str, settings: Settings, defaults: dict[str, str | None]
) -> DocumentOrError:
    try:
        text = decode_bytes(data, name, settings)
        if kind == "html" or (kind == "auto" and looks_like_html(text)):
            return _from_html(text, name, defaults)
        return RawDocument(text=text, name=name, **_meta(defaults))
    except InputError as error:
        return error


def read_jsonl(
    lines: Iterable[bytes],
    name: str,
    settings: Settings,
    defaults: dict[str, str | None] | None = None,
) -> Iterator[DocumentOrError]:
    """One document per line of ``{"id", "text"|"html", "published"?, "title"?, "outlet"?,
    "url"?}``; a line that is not such a record becomes a RecordError in its place.
    Lines are read one at a time, so a file of any length streams."""
    defaults = defaults or {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        if len(raw) > settings.max_bytes:
            yield RecordError(
                f"line {number} is longer than {settings.max_bytes:,} bytes", document=where
            )
            continue
        try:
            record = json.loads(raw.decode("utf-8", errors="replace"))
        except json.JSONDecodeError as error:
            yield RecordError(f"line {number} is not valid JSON ({error.msg})", document=where)
            continue
        yield _from_record(record, where, number, defaults)


def _from_record(
    record: object, where: str, number: int, defaults: dict[str, str | None]
) -> DocumentOrError:
    if not isinstance(record, dict):
        return RecordError(f"line {number} is not a JSON object", document=where)
    given_id = record.get("id")
    doc_id = None if given_id is None else str(given_id)
    name = f"{where} (id {doc_id})" if doc_id is not None else where
    meta = {
        key: _string(record.get(key)) or defaults.get(key)
        for key in ("published", "title", "outlet", "url")
    }
    try:
        if isinstance(record.get("text"), str):
            return RawDocument(text=record["text"], id=doc_id, name=name, **meta)
        if isinstance(record.get("html"), str):
            document = _from_html(record["html"], name, meta)
            return RawDocument(**{**document.__dict__, "id": doc_id})
        return RecordError('record has neither a "text" nor an "html" string', document=name)
    except InputError as error:
        error.document = error.document or name
        return error


def _from_html(html: str, name: str, defaults: dict[str, str | None]) -> RawDocument:
    page = extract_page(html, name=name, url=defaults.get("url"))
    return RawDocument(
        text=page.text,
        name=name,
        published=defaults.get("published") or page.published,
        title=defaults.get("title") or page.title,
        outlet=defaults.get("outlet") or page.outlet,
        url=defaults.get("url") or page.url,
    )


def _read_limited(handle: BinaryIO, name: str, settings: Settings) -> bytes:
    data = handle.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        reason = f"larger than {settings.max_bytes:,} bytes (raise CHRONIK_MAX_BYTES to read it)"
        raise UsageError(reason, document=name)
    return data


def _meta(defaults: dict[str, str | None]) -> dict[str, str | None]:
    return {key: defaults.get(key) for key in ("published", "title", "outlet", "url")}


def _string(value: object) -> str | None:
    return None if value is None else str(value)
