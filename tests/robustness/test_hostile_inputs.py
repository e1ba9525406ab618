"""Hostile and extreme inputs: each works in bounded time or is refused in one line.

Already covered elsewhere (not repeated here): a 20 MB document through
``chronik analyze`` (tests/test_cli.py), HTML nested 10,000 levels deep and a JSONL file
with a broken line (tests/ingest/test_readers.py), magic numbers of binary formats and
NUL bytes in decoding (tests/ingest/test_decode.py), a file above max_bytes
(tests/ingest/test_readers.py).
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from chronik.errors import BinaryDocumentError, DocumentTooLongError, InputError
from chronik.ingest.html import extract_page
from chronik.ingest.readers import read_input
from chronik.pipeline import analyze
from chronik.resources import Resources
from chronik.settings import Settings
from chronik.store.ingest import ingest
from chronik.structure.segment import segment

from .helpers import ARTICLE, query, with_settings
from .spans import reference_problems, span_problems


def _one_line_error(error: object) -> str:
    message = str(error)
    assert message.startswith("[E") and "\n" not in message
    return message


def test_hostile_20_mb_file_fails_alone_and_the_ingest_goes_on(
    tmp_path: Path, resources: Resources
) -> None:
    big = tmp_path / "dump.txt"
    big.write_text("Die Tabelle enthält Messwerte aus Graz. " * 500_000, encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    summary = ingest([str(tmp_path)], tmp_path / "s.duckdb", resources=resources)
    assert (summary.new, summary.failed) == (1, 1)
    [(name, code, reason)] = query(
        tmp_path / "s.duckdb", "SELECT input_name, code, reason FROM failures"
    )
    assert name == str(big) and code == "E104"
    assert "exceed the limit of 1,000,000" in reason and "CHRONIK_MAX_CHARS" in reason


# The child's own peak (VmHWM): ru_maxrss keeps the parent's peak across fork and exec,
# and the test process holds the analysis resources.
_READ_AND_MEASURE = """
import resource, sys
from pathlib import Path
from chronik.ingest.readers import read_input
from chronik.settings import Settings
[error] = read_input(sys.argv[1], Settings())
print(error)
status = Path("/proc/self/status")
peak = [line.split()[1] for line in status.read_text().splitlines() if line.startswith("VmHWM")]
print(int(peak[0]) // 1024 if peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def test_hostile_huge_file_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    # A sparse 4 GB file: reading it whole would need 4 GB; the reader stops at max_bytes.
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(4_000_000_000)
    done = subprocess.run(
        [sys.executable, "-c", _READ_AND_MEASURE, str(huge)],
        capture_output=True,
        text=True,
        check=True,
    )
    message, peak_mb = done.stdout.splitlines()
    assert (
        message
        == f"[E100] {huge}: larger than 50,000,000 bytes (raise CHRONIK_MAX_BYTES to read it)"
    )
    assert int(peak_mb) < 1000


def test_hostile_1_mb_line_is_segmented_as_one_paragraph() -> None:
    line = ("Der Ausschuss beriet über den Haushalt des Landes. " * 20_000)[:1_000_000]
    segmentation = segment(line)
    [unit] = segmentation.units
    assert (unit.start, unit.end) == (0, len(line.rstrip()))


def test_hostile_1_mb_line_is_stopped_by_the_time_limit_and_the_run_goes_on(
    tmp_path: Path, resources: Resources
) -> None:
    # Analysing a 1 MB paragraph takes many minutes; max_seconds stops it in ingest.
    line = ("Der Ausschuss beriet über den Haushalt des Landes. " * 20_000)[:1_000_000]
    (tmp_path / "a-line.txt").write_text(line, encoding="utf-8")
    (tmp_path / "b-good.txt").write_text(ARTICLE, encoding="utf-8")
    limited = with_settings(resources, max_seconds=1.0)
    summary = ingest([str(tmp_path)], tmp_path / "t.duckdb", resources=limited)
    assert (summary.read, summary.new, summary.failed) == (2, 1, 1)
    [failure] = summary.failures
    assert failure.code == "E105" and failure.input_name.endswith("a-line.txt")
    assert "took longer than 1 s" in failure.reason and "CHRONIK_MAX_SECONDS" in failure.reason
    assert query(tmp_path / "t.duckdb", "SELECT count(*) FROM articles") == [(1,)]


@pytest.mark.parametrize("mark", ['"', "„", "»", "“”"])
def test_hostile_100_000_quotation_marks_are_segmented_and_time_limited(
    tmp_path: Path, resources: Resources, mark: str
) -> None:
    marks = (mark * 100_000)[:100_000]
    assert [(u.start, u.end) for u in segment(marks).units] == [(0, 100_000)]
    (tmp_path / "marks.txt").write_text(marks, encoding="utf-8")
    limited = with_settings(resources, max_seconds=0.5)
    summary = ingest([str(tmp_path)], tmp_path / "q.duckdb", resources=limited)
    assert summary.failed == 1 and summary.failures[0].code == "E105"


def test_hostile_quotation_marks_alone_give_no_quotes(resources: Resources) -> None:
    # 4,000 marks (the full 100,000 take about a minute: linear, 0.5 ms per token).
    article = analyze('„“»«"' * 800, resources=resources)
    assert article.quotes == [] and span_problems(article) == []


def test_hostile_unbalanced_quotes_end_at_their_paragraph(resources: Resources) -> None:
    text = (
        "Streit im Landtag\n\n"
        "„Wir lehnen den Entwurf ab, sagte die Abgeordnete Mira Dorn am Dienstag.\n\n"
        "Der Finanzminister Karl Wegener entgegnete, der Haushalt sei solide.\n\n"
        "Dorn warnte: »Das wird teuer. Der Minister hat „keine Ahnung.\n\n"
        "Ein Sprecher der Regierung wollte sich nicht äußern.“ Dann ging er.«"
    )
    article = analyze(text, resources=resources, published="2024-05-07")
    assert span_problems(article) == [] and reference_problems(article) == []
    paragraph_ends = [i for i, char in enumerate(text) if char == "\n"] + [len(text)]
    for quote in article.quotes:
        # No quote swallows the paragraphs after an unclosed mark.
        start = quote.content.start
        assert quote.content.end <= next(end for end in paragraph_ends if end >= start)
    assert any("solide" in q.content.text for q in article.quotes)


def _gzip_bomb() -> bytes:
    """20 MB of zeros compressed to a few kilobytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as packed:
        for _ in range(20):
            packed.write(b"\0" * 1_000_000)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", b"<p>" + b"A" * 20_000_000)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("payload", "kind"),
    [(_gzip_bomb(), "gzip-compressed data"), (_zip_bomb(), "a ZIP archive")],
    ids=["gzip", "zip"],
)
@pytest.mark.parametrize("suffix", [".html", ".txt", ""])
def test_hostile_compression_bomb_renamed_is_refused_as_binary(
    tmp_path: Path, payload: bytes, kind: str, suffix: str
) -> None:
    assert len(payload) < 100_000  # a bomb: tiny here, huge unpacked
    path = tmp_path / f"page{suffix}"
    path.write_bytes(payload)
    [error] = read_input(str(path), Settings())
    assert isinstance(error, BinaryDocumentError)
    assert _one_line_error(error) == f"[E102] {path}: this is {kind}, not text"


def test_hostile_compressed_data_after_a_blank_line_is_still_binary(tmp_path: Path) -> None:
    # No magic number at the start: the share of control characters gives it away.
    path = tmp_path / "page.html"
    path.write_bytes(b"\n\n" + _gzip_bomb())
    [error] = read_input(str(path), Settings())
    assert isinstance(error, InputError) and error.code in ("E102", "E103")
    _one_line_error(error)


def test_hostile_nul_bytes_in_a_string_keep_offsets_sound(resources: Resources) -> None:
    text = ARTICLE.replace("Wien", "Wi\x00en", 1).replace(" ", " \x00", 5)
    article = analyze(text, resources=resources)
    assert article.text == text and span_problems(article) == []
    assert article.sentences


def test_hostile_nul_bytes_in_a_file_are_dropped_or_refused(tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.txt"
    sparse.write_bytes(ARTICLE.encode("utf-8").replace(b" ", b" \x00", 3))
    [document] = read_input(str(sparse), Settings())
    assert not isinstance(document, InputError) and "\x00" not in document.text
    dense = tmp_path / "dense.txt"
    dense.write_bytes(b"\x00\x01\x02\x03" * 5000)
    [error] = read_input(str(dense), Settings())
    assert isinstance(error, InputError)
    _one_line_error(error)


_RIGHT_TO_LEFT_AND_ZERO_WIDTH = (
    "\u202eGespräche\u202c in Wien\u200b\n\n"
    "Die Außen\u00administerin Anna\u200bBrenner traf am Montag in \u2067Wien\u2069 "
    "ihren Amtskollegen aus Polen.\ufeff „Wir\u200d wollen reden“, sagte Brenner. "
    "\u200f\u200e\u2066Der Minister\u2069 kritisierte die Pläne.\n"
)
_MIXED_SCRIPTS = (
    "Treffen in Moskau\n\n"
    "Die Ministerin Anna Brenner (Анна Бреннер) reiste nach Moskau (Москва) und "
    "Peking (北京). Dort sagte sie: „Wir suchen den Dialog.“ In Kairo (القاهرة) "
    "traf sie am Dienstag Vertreter aus Ägypten. 🇩🇪🤝🇪🇬\n\n"
    "Москва – Переговоры продолжатся. 会谈将继续。 المحادثات ستستمر\n"
)


@pytest.mark.parametrize(
    "text",
    [_RIGHT_TO_LEFT_AND_ZERO_WIDTH, _MIXED_SCRIPTS],
    ids=["right-to-left-and-zero-width", "mixed-scripts"],
)
def test_hostile_characters_keep_spans_language_and_quotes(text: str, resources: Resources) -> None:
    article = analyze(text, resources=resources, published="2024-03-11")
    assert span_problems(article) == [] and reference_problems(article) == []
    assert article.language == "de" and article.quotes


def test_hostile_one_paragraph_in_another_language_does_not_decide(
    resources: Resources,
) -> None:
    # Paragraphs vote by length: a Russian paragraph in a German article (here, it
    # made the whole article 'crh' and lost its quotes), and the other way round.
    german = (
        "Die Außenministerin Anna Brenner reiste am Montag nach Moskau und traf dort "
        "Vertreter der Regierung. „Wir suchen den Dialog“, sagte Brenner nach dem Treffen."
    )
    russian = (
        "Министр иностранных дел прибыла в Москву в понедельник и встретилась с "
        "представителями правительства. Переговоры продолжатся в среду в столице."
    )
    mixed = f"Treffen in Moskau\n\n{german}\n\n{russian[:90]}\n"
    assert analyze(mixed, resources=resources).language == "de"
    mostly_russian = f"{russian}\n\n{russian}\n\n{german[:100]}\n"
    assert analyze(mostly_russian, resources=resources).language == "ru"


def test_hostile_jsonl_with_broken_lines_in_the_middle_ingests_the_rest(
    tmp_path: Path, resources: Resources
) -> None:
    good = [
        json.dumps({"id": f"a{n}", "text": ARTICLE.replace("Montag", day)})
        for n, day in enumerate(["Montag", "Dienstag", "Mittwoch", "Donnerstag"])
    ]
    broken = [b'{"id": "cut", "text": "Der Text bricht ab', b"\xff\xfe\x00garbage", b"[1, 2]"]
    lines = [good[0].encode(), good[1].encode(), *broken, good[2].encode(), good[3].encode()]
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"\n".join(lines) + b"\n")
    db = tmp_path / "j.duckdb"
    summary = ingest([str(feed)], db, resources=resources)
    assert (summary.read, summary.new, summary.failed) == (7, 4, 3)
    assert [f.input_name for f in summary.failures] == [f"{feed}:{n}" for n in (3, 4, 5)]
    assert all(f.code == "E110" for f in summary.failures)
    assert query(db, "SELECT id FROM articles ORDER BY id") == [(f"a{n}",) for n in range(4)]
    again = ingest([str(feed)], db, resources=resources)
    assert (again.new, again.duplicates, again.failed) == (0, 4, 3)


def test_hostile_html_page_of_navigation_only(resources: Resources) -> None:
    links = "".join(f'<li><a href="/r/{n}">Rubrik {n}</a></li>' for n in range(300))
    html = f"<html><body><nav><ul>{links}</ul></nav></body></html>"
    try:
        page = extract_page(html, name="nav.html")
    except InputError as error:
        assert "nav.html" in _one_line_error(error)
        return
    article = analyze(page.text, resources=resources)
    assert span_problems(article) == [] and article.events == []


def test_hostile_document_too_long_error_names_the_limit(resources: Resources) -> None:
    small = with_settings(resources, max_chars=100)
    with pytest.raises(DocumentTooLongError, match="exceed the limit of 100"):
        analyze("Wort " * 100, resources=small)
