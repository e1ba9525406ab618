"""Properties of ``analyze`` over any text: an Article or a clear error, and a sound one.

For strings, bytes decoded as the CLI decodes them, and German-looking pages damaged in
the ways crawls are: analysis returns an Article or raises a ChronikError with a one-line
message; every offset anywhere in the Article lies inside ``text`` with start ≤ end and
covers the text it claims; every entity a quote, event or actor names exists; and the
Article serialises to JSON that validates against docs/schema.json.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from chronik.errors import ChronikError
from chronik.ingest.readers import read_input
from chronik.model import Article, Event, Quote, Span
from chronik.pipeline import analyze
from chronik.resources import Resources
from chronik.settings import Settings

from .conftest import ROBUST
from .spans import reference_problems, span_problems, spans_of
from .strategies import any_text, damaged_page, page

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def analysed_or_refused(text: str, resources: Resources, **meta: str | None) -> Article | None:
    """The Article, or None after checking that the refusal is a clear ChronikError."""
    try:
        return analyze(text, resources=resources, **meta)
    except ChronikError as error:
        message = str(error)
        assert message.startswith("[E") and "\n" not in message, message
        return None


def check_article(article: Article) -> None:
    assert span_problems(article) == []
    assert reference_problems(article) == []
    data = json.loads(article.model_dump_json())
    errors = [error.message for error in VALIDATOR.iter_errors(data)]
    assert errors == []
    assert Article.model_validate(data) == article


@ROBUST
@given(any_text())
def test_properties_any_text_gives_a_sound_article_or_a_clear_error(
    resources: Resources, text: str
) -> None:
    article = analysed_or_refused(text, resources)
    if article is not None:
        assert article.text == text
        check_article(article)


@ROBUST
@given(page())
def test_properties_german_pages_are_analysed(resources: Resources, text: str) -> None:
    article = analyze(text, resources=resources, published="2024-03-11")
    check_article(article)
    # Which deeper stages the pages reach (pytest --hypothesis-show-statistics).
    for stage in ("quotes", "events", "entities"):
        event(f"{stage}: {bool(getattr(article, stage))}")
    event(f"captions: {bool(article.structure.captions)}")


@ROBUST
@given(damaged_page(), st.sampled_from(["2024-03-11", None]), st.sampled_from(["", "Blatt"]))
def test_properties_damaged_pages_with_metadata(
    resources: Resources, text: str, published: str | None, outlet: str
) -> None:
    article = analysed_or_refused(text, resources, published=published, outlet=outlet or None)
    if article is not None:
        check_article(article)


def _bytes_as_cli_reads_them(data: bytes, suffix: str) -> list[object]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return list(read_input(str(path), Settings()))


def _encoded_page() -> st.SearchStrategy[bytes]:
    encodings = st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig"])
    return st.builds(lambda text, code: text.encode(code, errors="replace"), page(), encodings)


@ROBUST
@given(
    st.one_of(st.binary(max_size=600), _encoded_page()),
    st.sampled_from([".txt", ".html", ".jsonl", ""]),
)
def test_properties_any_bytes_as_the_cli_reads_them(
    resources: Resources, data: bytes, suffix: str
) -> None:
    for document in _bytes_as_cli_reads_them(data, suffix):
        if isinstance(document, ChronikError):
            assert str(document).startswith("[E") and "\n" not in str(document)
            continue
        article = analysed_or_refused(
            document.text,  # type: ignore[attr-defined]
            resources,
            published=document.published,  # type: ignore[attr-defined]
        )
        if article is not None:
            check_article(article)


def test_properties_span_walker_finds_spans_in_every_part(resources: Resources) -> None:
    text = (
        "Ausland\n\nTreffen in Wien\n\nWien – Der Außenminister Karl Dorn traf am Montag "
        "seinen Amtskollegen aus Frankreich. „Wir wollen reden“, sagte Dorn.\n\n"
        "Dorn und Brenner in WienFoto: dpa\n\nLesen Sie auch: Neue Gespräche in Paris"
    )
    article = analyze(text, resources=resources, published="2024-03-11")
    paths = {path.split("[")[0] for path, _ in spans_of(article)}
    assert {
        "article.structure.title",
        "article.structure.dateline",
        "article.sentences",
        "article.entities",  # mentions, reached through the entity list
    } <= {p if "mentions" not in p else "article.entities" for p in paths}
    assert any(".quotes" in path and ".content" in path for path, _ in spans_of(article))


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [(5, 3, "not inside"), (0, 999, "not inside"), (0, 2, "is not the covered")],
)
def test_properties_span_walker_reports_bad_offsets(start: int, end: int, problem: str) -> None:
    text = "Ei" if problem == "not inside" else "xx"
    bad = Article(id="x", text="Ein Text.", language="de")
    bad.sentences.append(Span(start=start, end=end, text=text))
    [found] = span_problems(bad)
    assert problem in found and "article.sentences[0]" in found


def test_properties_reference_walker_reports_unknown_entities() -> None:
    content = Span(start=0, end=3, text="Ein")
    quote = Quote(id="q1", form="direct", content=content, speaker="e9")
    article = Article(id="x", text="Ein Text.", language="de", quotes=[quote])
    assert reference_problems(article) == ["article.quotes[0].speaker: unknown entity 'e9'"]


def test_properties_reference_walker_reports_unknown_quotes() -> None:
    evidence = Span(start=0, end=3, text="Ein")
    event = Event(id="v1", type="CONSULT", evidence=evidence, confidence=0.5, quote="q7")
    article = Article(id="x", text="Ein Text.", language="de", events=[event])
    assert reference_problems(article) == ["article.events[0].quote: unknown quote 'q7'"]
