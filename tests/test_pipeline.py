from __future__ import annotations

import datetime as dt
import json

import pytest

import chronik
from chronik.errors import DocumentTooLongError, EmptyDocumentError, InputError
from chronik.model import article_json_schema
from chronik.resources import Resources
from chronik.settings import Settings

ARTICLE = """Außenpolitik

Japan und Australien vertiefen Sicherheitspartnerschaft

Die Regierungen in Tokio und Canberra haben am Freitag ein neues Abkommen unterzeichnet.

Das Abkommen regelt gemeinsame Übungen der Streitkräfte. Der japanische Ministerpräsident sprach von einem historischen Schritt.

Mehr zum Thema - Spannungen im Südchinesischen Meer nehmen zu
"""


def _all_spans(article: chronik.Article):  # type: ignore[no-untyped-def]
    structure = article.structure
    yield from (s for s in (structure.rubric, structure.title, structure.lead) if s)
    yield from structure.body
    yield from structure.related
    yield from (item.span for item in structure.boilerplate)
    yield from article.sentences


def test_pipeline_public_api() -> None:
    assert set(chronik.__all__) == {
        "Article",
        "ChronikError",
        "InputError",
        "Resources",
        "Settings",
        "UsageError",
        "__version__",
        "analyze",
    }


def test_pipeline_article_keeps_text_and_spans_index_it(resources: Resources) -> None:
    article = chronik.analyze(
        ARTICLE,
        published="2024-03-01",
        outlet="Beispielblatt",
        url="https://www.beispiel.de/a",
        resources=resources,
    )
    assert article.text == ARTICLE
    assert article.language == "de"
    assert article.published == "2024-03-01"
    assert article.source.domain == "beispiel.de"
    for span in _all_spans(article):
        assert 0 <= span.start <= span.end <= len(ARTICLE)
        assert ARTICLE[span.start : span.end] == span.text
    for entity in article.entities:
        for mention in entity.mentions:
            assert ARTICLE[mention.start : mention.end] == mention.text
    for quote in article.quotes:
        assert ARTICLE[quote.content.start : quote.content.end] == quote.content.text
    assert [q.content.text for q in article.quotes] == ["von einem historischen Schritt"]


def test_pipeline_sentences_come_from_analysed_parts_only(resources: Resources) -> None:
    article = chronik.analyze(ARTICLE, resources=resources)
    related_start = ARTICLE.index("Mehr zum Thema")
    assert all(span.end <= related_start for span in article.sentences)
    assert article.sentences[0].text == "Japan und Australien vertiefen Sicherheitspartnerschaft"
    assert len(article.sentences) == 4


def test_pipeline_id_is_a_stable_content_hash(resources: Resources) -> None:
    first = chronik.analyze(ARTICLE, resources=resources)
    again = chronik.analyze(ARTICLE, resources=resources)
    other = chronik.analyze(ARTICLE + " Noch ein Satz.", resources=resources)
    assert first.id == again.id != other.id
    assert chronik.analyze(ARTICLE, id="given-7", resources=resources).id == "given-7"


def test_pipeline_output_serialises_and_follows_the_schema(resources: Resources) -> None:
    data = json.loads(chronik.analyze(ARTICLE, resources=resources).model_dump_json())
    schema = article_json_schema()
    assert set(schema["required"]) <= set(data)  # type: ignore[arg-type]
    for field in (
        "id",
        "text",
        "language",
        "published",
        "source",
        "structure",
        "sentences",
        "entities",
        "quotes",
        "events",
    ):
        assert field in data
    assert set(data["structure"]) >= {
        "rubric",
        "title",
        "lead",
        "captions",
        "body",
        "related",
        "boilerplate",
    }


def test_pipeline_non_german_gets_structure_and_a_note(resources: Resources) -> None:
    text = (
        "Election results\n\nThe ruling party lost its majority in parliament on Sunday, "
        "according to official figures released by the electoral commission.\n\n"
        "Turnout was the highest in two decades, officials said."
    )
    article = chronik.analyze(text, resources=resources)
    assert article.language == "en"
    assert article.structure.title is not None
    assert len(article.sentences) == 3
    assert any("German-only" in note for note in article.notes)


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_pipeline_empty_text_is_refused(resources: Resources, text: str) -> None:
    with pytest.raises(EmptyDocumentError):
        chronik.analyze(text, resources=resources)


def test_pipeline_too_long_text_is_refused_with_the_limit() -> None:
    small = Resources(Settings(max_chars=1000))
    with pytest.raises(DocumentTooLongError, match="1,000"):
        chronik.analyze("Wort " * 300, resources=small)


def test_pipeline_bad_published_date_is_an_input_error(resources: Resources) -> None:
    with pytest.raises(InputError, match="not an ISO date"):
        chronik.analyze(ARTICLE, published="19.10.2021", resources=resources)


def test_pipeline_published_accepts_dates_and_timestamps(resources: Resources) -> None:
    assert (
        chronik.analyze(ARTICLE, published=dt.date(2021, 10, 19), resources=resources).published
        == "2021-10-19"
    )
    assert (
        chronik.analyze(
            ARTICLE, published="2021-10-19T08:15:00+02:00", resources=resources
        ).published
        == "2021-10-19"
    )


def test_pipeline_non_string_input_is_an_input_error(resources: Resources) -> None:
    with pytest.raises(InputError, match="expected text"):
        chronik.analyze(b"bytes", resources=resources)  # type: ignore[arg-type]


def test_pipeline_large_document_within_limit_is_analysed(resources: Resources) -> None:
    paragraph = "Der Rat tagte am Montag in Brüssel und beriet über den Haushalt. " * 40
    text = "Titel\n\n" + "\n\n".join([paragraph] * 60)
    article = chronik.analyze(text, resources=resources)
    assert len(article.structure.body) >= 59
    assert article.sentences[-1].end <= len(text)


def test_pipeline_frees_the_word_forms_of_each_article(resources: Resources) -> None:
    # A long run meets ever new word forms; spaCy's shared vocabulary must not keep them.
    chronik.analyze("Vorlauf\n\nDer Minister traf am Montag seinen Kollegen.", resources=resources)
    before = len(resources.vocab.strings)
    chronik.analyze(
        "Zollstreit\n\nDie Quantenkryptografieforscherin Wiebke Ostermöller widersprach "
        "am Dienstag den Bienenzüchterverbänden aus Kleinsiebenbrunn.",
        resources=resources,
    )
    assert len(resources.vocab.strings) == before
