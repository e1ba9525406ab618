from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronik.errors import InputError, RecordError, UsageError
from chronik.ingest.document import RawDocument, content_id, domain_of
from chronik.ingest.readers import open_input, read_input
from chronik.settings import Settings

SETTINGS = Settings()
PAGE = """<!DOCTYPE html><html><head><title>Gipfel in Wien endet ohne Einigung</title>
<meta property="article:published_time" content="2024-05-02"></head><body>
<nav><a href="/">Startseite</a></nav><article><h1>Gipfel in Wien endet ohne Einigung</h1>
<p>Die Verhandlungen über ein neues Abkommen sind am Donnerstag ohne Ergebnis zu Ende
gegangen, wie die Delegationen nach zwei Tagen mitteilten.</p>
<p>Beide Seiten wollen die Gespräche im Herbst fortsetzen, hieß es aus Kreisen der
Delegationen in der österreichischen Hauptstadt.</p></article></body></html>"""


def _documents(path: Path, **kwargs: str) -> list[RawDocument | InputError]:
    return list(read_input(str(path), SETTINGS, **kwargs))  # type: ignore[arg-type]


def test_readers_text_file(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text("Ein Text über Politik.", encoding="utf-8")
    [document] = _documents(file)
    assert isinstance(document, RawDocument)
    assert document.text == "Ein Text über Politik."
    assert document.name == str(file)


def test_readers_html_file_extracts_title_text_and_date(tmp_path: Path) -> None:
    file = tmp_path / "page.html"
    file.write_text(PAGE, encoding="utf-8")
    [document] = _documents(file)
    assert isinstance(document, RawDocument)
    assert document.text.startswith("Gipfel in Wien endet ohne Einigung\n")
    assert "Startseite" not in document.text
    assert document.title == "Gipfel in Wien endet ohne Einigung"
    assert document.published == "2024-05-02"


def test_readers_html_without_text_is_an_input_error(tmp_path: Path) -> None:
    file = tmp_path / "empty.html"
    file.write_text(
        "<html><head><title>x</title></head><body><script>var a;</script></body></html>",
        encoding="utf-8",
    )
    [error] = _documents(file)
    assert isinstance(error, InputError)
    assert "no main text" in str(error)


def test_readers_deeply_nested_html_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "deep.html"
    file.write_text("<html><body>" + "<div>" * 10_000 + "Text" + "</div>" * 10_000, "utf-8")
    [error] = _documents(file)
    assert isinstance(error, InputError)
    assert "nested deeper" in str(error)


def test_readers_jsonl_keeps_order_ids_and_reports_broken_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": "Erster Text.", "published": "2024-01-02"}),
        "{not json",
        json.dumps({"id": 7, "html": PAGE, "outlet": "Wiener Blatt"}),
        json.dumps({"id": "c3"}),
        json.dumps(["a", "list"]),
    ]
    file = tmp_path / "batch.jsonl"
    file.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    first, broken, second, missing, listed = _documents(file)
    assert isinstance(first, RawDocument) and first.id == "a1"
    assert first.published == "2024-01-02"
    assert isinstance(broken, RecordError) and "line 2 is not valid JSON" in str(broken)
    assert isinstance(second, RawDocument) and second.id == "7"
    assert second.outlet == "Wiener Blatt" and second.published == "2024-05-02"
    assert isinstance(missing, RecordError) and "id c3" in str(missing)
    assert isinstance(listed, RecordError) and "not a JSON object" in str(listed)


def test_readers_defaults_fill_missing_metadata(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text("Text.", encoding="utf-8")
    [document] = list(read_input(str(file), SETTINGS, defaults={"outlet": "Kurier"}))
    assert isinstance(document, RawDocument) and document.outlet == "Kurier"


def test_readers_jsonl_detected_by_content_without_suffix(tmp_path: Path) -> None:
    file = tmp_path / "batch.data"
    file.write_text('{"id": "x", "text": "Hallo."}\n', encoding="utf-8")
    opened = open_input(str(file), SETTINGS)
    assert opened.is_batch
    assert [d.id for d in opened.documents] == ["x"]  # type: ignore[union-attr]


@pytest.mark.parametrize("make", ["missing", "directory"])
def test_readers_unreadable_input_is_a_usage_error(tmp_path: Path, make: str) -> None:
    path = tmp_path / "nothing.txt" if make == "missing" else tmp_path
    with pytest.raises(UsageError, match=str(path)):
        open_input(str(path), SETTINGS)


def test_readers_oversized_file_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "big.txt"
    file.write_bytes(b"x" * 2000)
    [error] = list(read_input(str(file), Settings(max_bytes=1000)))
    assert isinstance(error, InputError) and "larger than 1,000 bytes" in str(error)


def test_readers_content_id_ignores_whitespace_only_changes() -> None:
    assert content_id("Ein  Text\nhier") == content_id("Ein Text hier ")
    assert content_id("Ein Text") != content_id("Ein Test")


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.example.org/a/b", "example.org"),
        ("example.com/x", "example.com"),
        (None, None),
        ("", None),
    ],
)
def test_readers_domain_of(url: str | None, domain: str | None) -> None:
    assert domain_of(url) == domain


def test_readers_spkatt_json_becomes_text_with_title_and_date(tmp_path: Path) -> None:
    from chronik.ingest.spkatt import read_spkatt

    path = tmp_path / "doc.json"
    path.write_text(
        json.dumps(
            {
                "DocumentName": "12 - Gipfel in Wien endet (2006-05-04)",
                "Sentences": [
                    {
                        "SentenceId": 0,
                        "Tokens": [
                            "Die",
                            "Delegation",
                            "sagte",
                            ",",
                            "„",
                            "wir",
                            "bleiben",
                            "“",
                            ".",
                        ],
                    }
                ],
                "Annotations": [],
            }
        ),
        encoding="utf-8",
    )
    document = read_spkatt(path)
    assert document.text == "Gipfel in Wien endet\n\nDie Delegation sagte, „wir bleiben“."
    assert (document.title, document.published) == ("Gipfel in Wien endet", "2006-05-04")


def test_readers_spkatt_json_broken_is_an_input_error(tmp_path: Path) -> None:
    from chronik.ingest.spkatt import read_spkatt

    path = tmp_path / "x.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="not a SpkAtt JSON file"):
        read_spkatt(path)
