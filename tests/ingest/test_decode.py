from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronik.errors import BinaryDocumentError, EmptyDocumentError, InputError
from chronik.ingest.decode import decode_bytes

TEXT = "Die Außenministerin traf in Brüssel ihren Amtskollegen."


def test_decode_utf8_unchanged() -> None:
    assert decode_bytes(TEXT.encode("utf-8"), "a.txt") == TEXT


def test_decode_windows_1252() -> None:
    assert decode_bytes(TEXT.encode("cp1252"), "a.txt") == TEXT


def test_decode_utf16_with_bom() -> None:
    data = codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")
    assert decode_bytes(data, "a.txt") == TEXT


def test_decode_mixed_encodings_line_by_line() -> None:
    data = "Erste Zeile: Grüße".encode() + b"\n" + "Zweite Zeile: Größe".encode("cp1252")
    assert decode_bytes(data, "a.txt") == "Erste Zeile: Grüße\nZweite Zeile: Größe"


def test_decode_repairs_mojibake() -> None:
    doubled = TEXT.encode("utf-8").decode("cp1252").encode("utf-8")
    assert decode_bytes(doubled, "a.txt") == TEXT


def test_decode_normalises_line_ends_and_drops_nul() -> None:
    assert decode_bytes(b"Zeile eins\r\nZeile\x00 zwei\r", "a.txt") == "Zeile eins\nZeile zwei\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", codecs.BOM_UTF8])
def test_decode_empty_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyDocumentError, match=r"a\.txt: the document is empty"):
        decode_bytes(data, "a.txt")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n...", "PDF"),
        (b"PK\x03\x04\x14\x00rest", "ZIP"),
        (b"\x1f\x8b\x08\x00compressed", "gzip"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
    ],
)
def test_decode_binary_formats_are_named(data: bytes, kind: str) -> None:
    with pytest.raises(BinaryDocumentError, match=kind):
        decode_bytes(data, "page.html")


def test_decode_control_characters_mean_binary() -> None:
    with pytest.raises(BinaryDocumentError, match="control characters"):
        decode_bytes(bytes(range(1, 32)) * 50 + b"text", "x.txt")


@given(st.binary(max_size=2000))
def test_decode_any_bytes_give_text_or_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "fuzz.bin")
    except InputError as error:
        assert str(error).startswith("[E1")
        assert "\n" not in str(error)
    else:
        assert isinstance(text, str)
        assert text.strip()
