"""The widened compound shortcut: lower-case adjective compounds, fronts that are
compounds themselves, hyphenated words (with a known or an analysed last part), and
the words it must leave to the full analysis."""

from __future__ import annotations

import pytest

from chronik.language.de.tagger import CompoundHeads, GermanTagger

TAGGER = GermanTagger()
HEADS = CompoundHeads(TAGGER._tagger)


def _tag(word: str) -> tuple[str, str]:
    tags, lemmas = TAGGER.tag(["Die", word, "kam", "."])
    return tags[1], lemmas[1]


@pytest.mark.parametrize(
    ("word", "head", "tag", "lemma"),
    [
        # A lower-case word needs an adjective head; the front stays as it is.
        ("umweltpolitischen", "politischen", "ADJA", "umweltpolitisch"),
        ("klimapolitischer", "politischer", "ADJA", "klimapolitisch"),
        # The front is itself a compound whose inner part has a linking ``s``.
        ("Weltgesundheitsorganisation", "organisation", "NN", "Weltgesundheitsorganisation"),
        ("Kohleausstiegsgesetzes", "gesetzes", "NN", "Kohleausstiegsgesetz"),
        # After a hyphen the head keeps its case in the lemma.
        ("WLAN-Zugang", "Zugang", "NN", "WLAN-Zugang"),
        ("Online-Zugriffe", "Zugriffe", "NN", "Online-Zugriff"),
        ("25-jährigen", "jährigen", "ADJA", "25-jährig"),
        # The part after the last hyphen is unknown: it is analysed on its own.
        ("Sandbox-Simulationen", "Simulationen", "NN", "Sandbox-Simulation"),
    ],
)
def test_compound_is_analysed_by_its_head(word: str, head: str, tag: str, lemma: str) -> None:
    front = HEADS.front_length(word)
    assert front is not None
    assert word[front:] == head
    assert _tag(word) == (tag, lemma)


@pytest.mark.parametrize(
    "word",
    [
        # Verb heads are left alone: the front changes the form (zu-infinitives).
        "wiederzuwählen",
        "nachzuverhandeln",
        # A capitalised word of 10 or 11 letters without a hyphen may well be a name.
        "Lindenbauer",
        # Known words are not split.
        "Gesundheitsministerin",
    ],
)
def test_no_shortcut(word: str) -> None:
    assert HEADS.front_length(word) is None


def test_zu_infinitive_keeps_its_full_analysis() -> None:
    assert _tag("nachzuverhandeln") == ("VVIZU", "nachverhandeln")


def test_capitalised_word_needs_a_noun_head() -> None:
    # The same known adjective tail does not make a capitalised word a compound noun.
    assert HEADS.front_length("Umweltpolitischen") is None


def test_unknown_part_after_a_place_name_keeps_the_name() -> None:
    tags, lemmas = TAGGER.tag(["Die", "Wohnung", "liegt", "in", "Jena-Burgau", "."])
    assert (tags[4], lemmas[4]) == ("NE", "Jena-Burgau")
