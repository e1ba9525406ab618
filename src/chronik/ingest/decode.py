"""Bytes to text: detect binary data, decode UTF-8 or the detected encoding, repair mojibake.

Layers, from cheap to costly (after trafilatura's utils): a byte-order mark; strict
UTF-8; UTF-8 line by line with a Windows-1252 fallback for lines that are not UTF-8
(files concatenated from two sources); charset detection; then ftfy for text that
was decoded twice somewhere upstream (``militÃ¤risch``).
"""

from __future__ import annotations

import codecs

import ftfy
from charset_normalizer import from_bytes

from chronik.errors import (
    BinaryDocumentError,
    DocumentTooLongError,
    EmptyDocumentError,
    EncodingError,
)
from chronik.settings import Settings

# Signatures of common binary formats that end up in crawls under a text name.
_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "gzip-compressed data",
    b"BZh": "bzip2-compressed data",
    b"\xfd7zXZ": "xz-compressed data",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"7z\xbc\xaf": "a 7-Zip archive",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\n\r\t\f\v")


def decode_bytes(data: bytes, name: str, settings: Settings | None = None) -> str:
    """Decode the bytes of one document, or raise an InputError naming it and the reason."""
    settings = settings or Settings()
    if not data.strip():
        raise EmptyDocumentError("the document is empty", document=name)
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryDocumentError(f"this is {kind}, not text", document=name)
    text = _decode(data, name)
    check_length(text, name, settings)  # before the costly repairs below
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    check_text(text, name, settings)
    if ftfy.badness.is_bad(text):
        text = ftfy.fix_encoding(text)
    return text


def check_length(text: str, name: str, settings: Settings) -> None:
    """Refuse a document longer than the configured limit, saying how to raise it."""
    if len(text) > settings.max_chars:
        raise DocumentTooLongError(
            f"{len(text):,} characters exceed the limit of {settings.max_chars:,} "
            "(raise CHRONIK_MAX_CHARS to analyse it)",
            document=name,
        )


def check_text(text: str, name: str, settings: Settings) -> None:
    """Refuse text that is empty or mostly control characters (binary data read as text)."""
    if not text.strip():
        raise EmptyDocumentError("the document is empty", document=name)
    sample = text[:100_000]
    controls = sum(1 for char in sample if char < " " and char not in _ALLOWED_CONTROLS)
    if controls > settings.max_control_share * len(sample):
        raise BinaryDocumentError(
            f"{controls} control characters in the first {len(sample)}: binary data, not text",
            document=name,
        )


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if data.count(b"\x00") > len(data) // 4:
        # UTF-16 without a byte-order mark, or binary data: let detection decide.
        return _detect(data, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mixed files: lines that are valid UTF-8 with non-ASCII content show that the file is
    # UTF-8 at heart; its other lines are then read as Windows-1252.
    lines = data.split(b"\n")
    decoded, utf8_lines = [], 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="replace"))
    if utf8_lines:
        return "\n".join(decoded)
    return _detect(data, name)


def _detect(data: bytes, name: str) -> str:
    best = from_bytes(data[:2_000_000]).best()
    if best is None or best.encoding is None:
        raise EncodingError("cannot determine the text encoding (binary data?)", document=name)
    return data.decode(best.encoding, errors="replace")
