"""The German layer: tokens, sentences per paragraph, STTS tags, lemmas, separable verbs."""

from __future__ import annotations

import pytest

from chronik.language.de.separable import attach_particles
from chronik.language.de.tagger import stts
from chronik.language.parsed import Parsed
from chronik.resources import Resources
from chronik.structure import segment


def _parse(resources: Resources, text: str) -> Parsed:
    return resources.german.process(text, segment(text).analysed())


def _lemma_of(parsed: Parsed, word: str) -> str:
    return next(token.lemma_ for token in parsed.doc if token.text == word)


@pytest.mark.parametrize(
    ("sentence", "verb", "lemma"),
    [
        ("Das teilte die Ministerin am Montag in Berlin mit.", "teilte", "mitteilen"),
        ("Der Botschafter wies auf die Gefahr einer Eskalation hin.", "wies", "hinweisen"),
        ("Er schlug seinem Amtskollegen ein Treffen im Mai vor.", "schlug", "vorschlagen"),
        ("Die Regierung kündigte neue Sanktionen gegen das Regime an.", "kündigte", "ankündigen"),
        ("Sie hob hervor, dass die Gespräche konstruktiv gewesen seien.", "hob", "hervorheben"),
        ("Der Minister, der gestern ankam, teilte heute Einzelheiten mit.", "teilte", "mitteilen"),
    ],
)
def test_german_separable_particle_joins_verb_lemma(
    resources: Resources, sentence: str, verb: str, lemma: str
) -> None:
    parsed = _parse(resources, sentence)
    assert _lemma_of(parsed, verb) == lemma
    [(verb_index, particle_index)] = parsed.separable.items()
    assert parsed.doc[verb_index].text == verb
    assert parsed.doc[particle_index].tag_ in ("PTKVZ", "APPR", "ADV", "ADJD")


@pytest.mark.parametrize(
    "sentence",
    [
        "Russland ist bereit, die Zusammenarbeit auszubauen.",
        "Die Delegation reiste mit dem Zug an den Rhein.",
        "Er sagte, dass die Truppen morgen abziehen.",
    ],
)
def test_german_no_false_separable_verbs(resources: Resources, sentence: str) -> None:
    parsed = _parse(resources, sentence)
    joined = {parsed.doc[v].text: parsed.doc[v].lemma_ for v in parsed.separable}
    assert joined in ({}, {"reiste": "anreisen"})


def test_german_attach_particles_skips_embedded_clause() -> None:
    words = "Er teilte , als er ankam , mit .".split()
    tags = ["PPER", "VVFIN", "$,", "KOUS", "PPER", "VVFIN", "$,", "PTKVZ", "$."]
    lemmas = ["er", "teilen", ",", "als", "er", "ankommen", ",", "mit", "."]
    assert attach_particles(words, tags, lemmas) == {1: 7}


def test_german_doc_text_is_the_input(resources: Resources) -> None:
    text = "Titel\n\nErster  Absatz mit\tTab.\r\nZweiter Absatz.\n\n© 2024 Verlag. Alle Rechte vorbehalten."
    parsed = _parse(resources, text)
    assert parsed.doc.text == text
    for token in parsed.doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_german_sentences_never_cross_paragraphs(resources: Resources) -> None:
    text = "Kurzer Titel\n\nDer erste Absatz endet ohne Punkt\n\nder zweite beginnt klein."
    parsed = _parse(resources, text)
    for sentence in parsed.sentences:
        span = parsed.doc[sentence.start : sentence.end]
        assert "\n\n" not in span.text


def test_german_boilerplate_has_no_sentences_or_tags(resources: Resources) -> None:
    text = (
        "Titel der Meldung\n\nDer Vorspann erzählt, was geschah.\n\nDer Text folgt hier.\n\n"
        "© 2024 Verlag. Alle Rechte vorbehalten."
    )
    parsed = _parse(resources, text)
    footer = text.index("©")
    assert all(parsed.doc[s.start].idx < footer for s in parsed.sentences)
    assert all(not token.tag_ for token in parsed.doc if token.idx >= footer)


def test_german_tags_are_stts(resources: Resources) -> None:
    parsed = _parse(resources, "Die russische Regierung hat das Treffen abgesagt.")
    tags = [token.tag_ for token in parsed.doc]
    assert tags == ["ART", "ADJA", "NN", "VAFIN", "ART", "NN", "VVPP", "$."]
    assert [token.lemma_ for token in parsed.doc][:3] == ["der", "russisch", "Regierung"]


def test_german_glued_caption_credit_is_split(resources: Resources) -> None:
    tokens = resources.german.tokenizer.sentences("bereit auszubauenQuelle: dpa", 0, 28)
    words = ["bereit auszubauenQuelle: dpa"[a:b] for a, b in tokens[0].offsets]
    assert "auszubauen" in words and "Quelle" in words


def test_german_stts_conversion() -> None:
    assert [stts(t) for t in ("VV(FIN)", "ADJ(A)", "$(", "$.", "NN")] == [
        "VVFIN",
        "ADJA",
        "$(",
        "$.",
        "NN",
    ]


def test_german_quotes_are_tagged_as_punctuation(resources: Resources) -> None:
    parsed = _parse(resources, "„Wir sind bereit“, sagte sie.")
    quote_tags = {token.tag_ for token in parsed.doc if token.text in "„“"}
    assert quote_tags <= {"$(", "$,", "$."}
