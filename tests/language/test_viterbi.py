"""Chronik's sentence Viterbi chooses exactly the tags HanTa's own search chooses."""

from __future__ import annotations

from typing import Any

import pytest

from chronik.language.de.tagger import _for_tagger
from chronik.language.de.viterbi import SentenceViterbi, sentence_codes
from chronik.resources import Resources

SENTENCES = [
    "Die Regierung kündigte am Montag neue Sanktionen gegen das Regime an .",
    "Der Außenminister traf in Wien mit Vertretern aus Polen zusammen .",
    "„ Wir lassen uns nicht erpressen “ , sagte die Kanzlerin .",
    "» Das ist ein guter Tag für die Region « , erklärte der Sprecher .",
    '" Niemand hat die Absicht , die Verhandlungen abzubrechen " , betonte er .',
    "Die Polizei nahm in Graz mehrere Demonstranten fest .",
    "Er schlug seinem Amtskollegen ein Treffen im Mai vor .",
    "Sie hob hervor , dass die Gespräche konstruktiv gewesen seien .",
    "Der Minister , der gestern ankam , teilte heute Einzelheiten mit .",
    "Die Türkei bombardierte Stellungen der Kurdenmiliz im Norden Syriens .",
    "Laut Angaben des Verteidigungsministeriums wurden drei Soldaten verletzt .",
    "Hallo .",
    "Warum ?",
    "Ja",
    "Grüße",
    "Quirxelbumpf",
    "Der Blorfgantz sprach mit Wuzzelkrax über Trumplefrätz .",
    "Xqzv wkrpt jjjh plomb !",
    "Am 3. März 2023 stiegen die Preise um 4,5 Prozent .",
    "Die CDU / CSU-Fraktion lehnte den Antrag ab .",
    "Weitere Informationen unter www.example.org oder info@example.de .",
    "Das Unternehmen meldete einen Umsatz von 12 Millionen Euro .",
    "Ob das Abkommen hält , ist unklar .",
    "Man werde die Truppen bis Freitag abziehen , hieß es aus Moskau .",
    "„ Es gebe keinen Grund zur Sorge “ .",
    "Wie viele Menschen starben , blieb zunächst offen .",
    "Gestern Abend regnete es in Berlin .",
    "Die Bürgermeisterin warnte vor einer Eskalation der Lage in der Stadt .",
    "Nach Angaben der Behörden kamen mindestens zwölf Menschen ums Leben .",
    "DIE GRÜNEN FORDERN NEUWAHLEN",
    "die kleinen buchstaben am satzanfang sind selten",
    "Er sagte : „ Wir haben alles versucht . Es hat nicht gereicht . “",
    "( dpa ) Der Prozess beginnt im Oktober .",
    "Lkw-Fahrer blockierten die A1 zwischen Linz und Salzburg .",
    "Sie wolle , so die Ministerin , „ alles tun “ , um zu helfen .",
    "Trump twitterte : „ Fake News ! “ 😀",
]


@pytest.fixture(scope="module")
def hanta(resources: Resources) -> Any:
    return resources.german.tagger._tagger


@pytest.mark.parametrize("sentence", SENTENCES)
def test_same_tags_as_hanta(hanta: Any, sentence: str) -> None:
    words = [_for_tagger(word) for word in sentence.split()]
    assert sentence_codes(hanta, words) == hanta.tag_sent_viterbi(words)


class _Unanalysable:
    """HanTa's tables, with no reading at all (or only UNKNOWN) for chosen words."""

    _debug = False

    def __init__(self, hanta: Any, empty: dict[str, list[tuple[int, float]]]) -> None:
        self._hanta = hanta
        self._empty = empty
        self.LP_trans_word = hanta.LP_trans_word

    def _tag_word(self, word: str, **options: Any) -> list[tuple[int, float]]:
        if word in self._empty:
            return self._empty[word]
        return self._hanta._tag_word(word, **options)


@pytest.mark.parametrize("readings", [[], [(3, -20.0)]])
@pytest.mark.parametrize(
    "sentence", ["Der Xyz kam .", "Xyz", "Xyz Xyz", "„ Xyz “ , sagte er .", "Er sagte Xyz"]
)
def test_word_without_readings_may_take_any_tag(
    hanta: Any, readings: list[tuple[int, float]], sentence: str
) -> None:
    model = _Unanalysable(hanta, {"Xyz": readings})
    words = sentence.split()
    expected = type(hanta).tag_sent_viterbi(model, words)
    assert SentenceViterbi(model).codes(words) == expected
    assert len(expected) == len(words)


def test_without_shared_tag_order_the_result_is_the_same(hanta: Any) -> None:
    # A model whose states list the following tags in different orders takes the
    # slower path through each state's own order; the tags must not change.
    search = SentenceViterbi(hanta)
    search._rank = None
    for sentence in SENTENCES[:8]:
        words = [_for_tagger(word) for word in sentence.split()]
        assert search.codes(words) == hanta.tag_sent_viterbi(words)
