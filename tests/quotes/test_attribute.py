"""Quotation attribution on sentences written for these tests."""

from __future__ import annotations

import pytest

import chronik
from chronik.model import Article, Quote
from chronik.resources import Resources

INTRO = "Meldung aus Berlin\n\nDer Vorspann nennt das Thema der Meldung in einem Satz.\n\n"


def _analyse(resources: Resources, body: str) -> Article:
    return chronik.analyze(INTRO + body, published="2024-03-05", resources=resources)


def _speaker(article: Article, quote: Quote) -> str | None:
    names = {e.id: e.name for e in article.entities}
    return names.get(quote.speaker or "")


def _only(article: Article) -> Quote:
    assert len(article.quotes) == 1, [q.content.text for q in article.quotes]
    return article.quotes[0]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("„", "“"), ("»", "«"), ("«", "»"), ("“", "”"), ('"', '"')],
)
def test_attribute_direct_quote_in_every_mark_style(
    resources: Resources, opening: str, closing: str
) -> None:
    body = (
        f"{opening}Wir werden die Grenze nicht schließen{closing}, sagte die Ministerin "
        "Anna Berger am Montag."
    )
    article = _analyse(resources, body)
    quote = _only(article)
    assert quote.form == "direct"
    assert quote.content.text == "Wir werden die Grenze nicht schließen"
    assert quote.cue is not None and quote.cue.text == "sagte"
    assert _speaker(article, quote) == "Anna Berger"


def test_attribute_quote_interrupted_by_its_frame(resources: Resources) -> None:
    body = "„Die Lage ist ernst“, sagte Jonas Keller, „aber wir haben einen Plan für den Winter.“"
    article = _analyse(resources, body)
    quote = _only(article)
    assert quote.content_parts is not None and len(quote.content_parts) == 2
    assert quote.content_parts[1].text.startswith("aber wir haben")
    assert _speaker(article, quote) == "Jonas Keller"


def test_attribute_colon_frame_and_continuation_paragraph(resources: Resources) -> None:
    body = (
        "Die Bürgermeisterin Petra Lang besuchte das Hochwassergebiet. Sie sagte:\n\n"
        "„Wir lassen niemanden allein.“\n\n„Der Wiederaufbau wird Jahre dauern.“\n\n"
        "Der Rat tagt am Freitag."
    )
    article = _analyse(resources, body)
    first, second = article.quotes
    assert first.cue is not None and first.cue.text == "sagte"
    assert _speaker(article, first) == "Petra Lang"
    assert second.cue is None
    assert _speaker(article, second) == "Petra Lang"


def test_attribute_indirect_dass_with_separable_cue(resources: Resources) -> None:
    body = "Der Minister Karl Weber wies darauf hin, dass die Vorräte bis März reichen."
    article = _analyse(resources, body)
    quote = _only(article)
    assert quote.form == "indirect"
    assert quote.content.text == "die Vorräte bis März reichen"
    assert quote.cue_parts is not None and [c.text for c in quote.cue_parts] == ["wies", "hin"]
    assert _speaker(article, quote) == "Karl Weber"


def test_attribute_indirect_subjunctive_clause(resources: Resources) -> None:
    body = "Die Ministerin Eva Roth sagte, die Regierung sei zu Gesprächen bereit."
    article = _analyse(resources, body)
    quote = _only(article)
    assert quote.form == "indirect"
    assert quote.content.text == "die Regierung sei zu Gesprächen bereit"


@pytest.mark.parametrize(
    ("body", "content", "cue"),
    [
        (
            "Laut dem Sprecher Max Brandt wurden drei Schiffe kontrolliert.",
            "wurden drei Schiffe kontrolliert",
            "Laut",
        ),
        (
            "Dem Sprecher Max Brandt zufolge wurden drei Schiffe kontrolliert.",
            "wurden drei Schiffe kontrolliert",
            "zufolge",
        ),
        (
            "Drei Schiffe seien kontrolliert worden, so der Sprecher Max Brandt.",
            "Drei Schiffe seien kontrolliert worden",
            "so",
        ),
    ],
)
def test_attribute_attribution_markers(
    resources: Resources, body: str, content: str, cue: str
) -> None:
    article = _analyse(resources, body)
    quote = _only(article)
    assert quote.content.text == content
    assert quote.cue is not None and quote.cue.text == cue
    assert _speaker(article, quote) == "Max Brandt"


def test_attribute_cataphoric_frame_takes_the_previous_sentence(resources: Resources) -> None:
    body = (
        "Die Verhandlungen werden in der kommenden Woche fortgesetzt. Das teilte der "
        "Unterhändler Tom Fischer am Abend mit."
    )
    article = _analyse(resources, body)
    quote = _only(article)
    assert quote.content.text == "Die Verhandlungen werden in der kommenden Woche fortgesetzt"
    assert [c.text for c in quote.cue_parts or []] == ["teilte", "mit"]
    assert _speaker(article, quote) == "Tom Fischer"


def test_attribute_reported_speech_act_with_addressee(resources: Resources) -> None:
    body = (
        "Die Kommissarin Lena Vogt traf den Minister Paul Kurz. Sie schlug dem Minister "
        "vor, die Gespräche im Mai fortzusetzen."
    )
    article = _analyse(resources, body)
    quote = _only(article)
    assert quote.form == "reported"
    assert quote.content.text == "die Gespräche im Mai fortzusetzen"
    assert quote.addressee_span is not None and quote.addressee_span.text == "dem Minister"
    assert _speaker(article, quote) == "Lena Vogt"


def test_attribute_unknown_speaker_stays_null(resources: Resources) -> None:
    body = "„Wir haben keine Zeit mehr zu verlieren“, sagte ein Sprecher."
    article = _analyse(resources, body)
    quote = _only(article)
    assert quote.speaker is None
    assert quote.speaker_span is not None and quote.speaker_span.text == "ein Sprecher"


def test_attribute_scare_quotes_and_titles_are_not_quotes(resources: Resources) -> None:
    body = "Die sogenannte „Reform“ kostet die Stadt viel Geld. Der Film „Das Boot“ lief am Abend."
    assert _analyse(resources, body).quotes == []


def test_attribute_quoted_label_after_a_speech_verb_is_the_speakers_word(
    resources: Resources,
) -> None:
    # "nannte … eine „Friedensmission“": the label is the government's own word (SpkAtt
    # annotates it as direct speech with the cue "nannte")
    body = "Die Regierung nannte den Einsatz eine „Friedensmission“."
    quote = _only(_analyse(resources, body))
    assert quote.form == "direct"
    assert quote.content.text == "Friedensmission"
    assert quote.cue is not None and quote.cue.text == "nannte"
    assert quote.speaker_span is not None and quote.speaker_span.text == "Die Regierung"


def test_attribute_unclosed_quote_ends_with_its_paragraph(resources: Resources) -> None:
    body = "„Das ist der Anfang, sagte er und ging.\n\nDer zweite Absatz hat keine Zeichen."
    article = _analyse(resources, body)
    for quote in article.quotes:
        assert "zweite Absatz" not in quote.content.text


def test_attribute_free_indirect_continues_the_speaker(resources: Resources) -> None:
    body = (
        "Die Ministerin Eva Roth sagte, die Regierung sei zu Gesprächen bereit. Man habe "
        "bereits Vorschläge gemacht. Der Rat tagt morgen."
    )
    article = _analyse(resources, body)
    first, second = article.quotes
    assert second.form == "free_indirect"
    assert second.content.text == "Man habe bereits Vorschläge gemacht"
    assert _speaker(article, second) == _speaker(article, first) == "Eva Roth"


def test_attribute_subjunctive_after_a_person_sentence(resources: Resources) -> None:
    body = (
        "Der Innenminister Karl Weber stellte am Montag den Plan vor. Es gehe darum, die "
        "Grenzen besser zu sichern."
    )
    article = _analyse(resources, body)
    quote = _only(article)
    assert quote.form == "free_indirect"
    assert _speaker(article, quote) == "Karl Weber"


def test_attribute_indicative_sentence_is_no_free_indirect(resources: Resources) -> None:
    body = "Die Ministerin Eva Roth sagte, die Regierung sei bereit. Der Rat tagt morgen."
    assert len(_analyse(resources, body).quotes) == 1
