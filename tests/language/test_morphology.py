"""The faster word analysis gives HanTa's own results (scores, ties and paths)."""

from __future__ import annotations

from typing import Any

import pytest

from chronik.language.de.morphology import MorphologyModel
from chronik.language.de.tagger import GermanTagger, LemmaEndings

# Short and long words, inflection, compounds, names, numbers, punctuation, hyphens,
# umlauts, foreign words, invented forms.
_LISTED = """
der die das ein eine einem einen und oder aber nicht auch schon noch nur sehr
ich du er sie es wir ihr mich dich sich uns euch mein dein sein ihr unser
ist war sind waren hat hatte haben hätten wird wurde würde werden worden sei wäre
kann könnte muss müsste soll sollte will wollte darf dürfte mag möchte
geht ging gegangen läuft lief gelaufen sagt sagte gesagt erklärt erklärte erklärten
zurückgewiesen zurückzuweisen anzukündigen vorgestellt aufgehört hinausgeworfen
haus häuser hauses häusern kind kinder kindern frau frauen mann männer männern
regierung regierungen regierungschef regierungschefin regierungsbildung
bundeskanzler bundeskanzlerin bundesregierung bundesländer bundestagswahl
verteidigungsministerium verteidigungsministeriums außenministerin außenministertreffen
wasserstofftankstellennetz sicherheitsratsresolutionen flüchtlingsunterkünfte
arbeitslosenversicherung krankenhausfinanzierung energiewendegesetz
donaudampfschifffahrtsgesellschaftskapitän rindfleischetikettierungsüberwachung
schön schöner schönsten größte größeren übermäßig ärgerlich ökonomisch übel
grün grüne grünen grünes rot rote roten schnell schneller am schnellsten
straße straßen fußball fußballer weiß weißen heißt hieß groß größer
öffentlich öffentlichen überhaupt übernommen überzeugt ärzte ärztin öl
müller meier schmidt schulze weber köhler merkel scholz habeck lindner baerbock
berlin münchen köln düsseldorf wien zürich graz linz österreich schweiz
deutschland frankreich italien ukraine russland china brasilien
washington moskau peking kiew brüssel straßburg
siemens volkswagen lufthansa telekom bmw daimler bayer basf
donnerstag freitag januar februar märz dezember frühjahr sommer
1 2 12 100 1.000 1.500 2015 1990er 3,5 0,1 +0,3 -15,7 10.000 50er 20-jährige
1. 2. 31. 100. 3:1 2:0 12:30 50% 5% €
. , ; : ! ? ... - -- – — ( ) [ ] / " ' „ “ ” » « % & § * + = @ #
e-mail e-mails eu-kommission eu-außenministertreffen us-präsident us-präsidenten
ceo-posten cdu-chef spd-fraktion fpö-chef övp-klubobmann nato-gipfel
corona-krise covid-19 sars-cov-2 social-media-plattform start-up start-ups
-arbeiten -journalistin anti- nicht-regierungsorganisation hin-und-her
handy handys computer software internet website websites online offline
smartphone smartphones app apps download update updates cloud streaming
manager managerin managern team teams trainer trainerin coach meeting
okay cool sorry fake news hashtag twitter facebook youtube
a b x ab zu im am vom zum zur beim ins ans aufs übers
in an auf aus bei mit nach seit von vor über unter zwischen gegen ohne um für durch
weil dass ob wenn als wie obwohl damit sodass nachdem bevor während
heute gestern morgen jetzt damals immer nie oft manchmal bald später
hier dort da dahin daher darum deshalb trotzdem dennoch jedoch zudem
vielleicht wahrscheinlich sicherlich tatsächlich offenbar angeblich
ungewöhnlich unglaublich unverständlich unabhängigkeit unabhängigkeitserklärung
verantwortung verantwortlich verantwortlichen zuständigkeit zuständigen
entscheidung entscheidungen entschieden entscheidend entscheidende
wahlkampf wahlkampfauftakt wahlergebnis wahlergebnisse wahlbeteiligung
klimawandel klimaschutz klimaschutzgesetz klimaneutralität
gesundheitsministerin gesundheitssystem gesundheitsversorgung
atomkraftwerk atomkraftwerke kohleausstieg erneuerbaren
zusammenarbeit zusammenarbeiten zusammengearbeitet zusammenzuarbeiten
auseinandersetzung auseinandersetzungen auseinandergesetzt
herausforderung herausforderungen herausgefordert
schnellstmöglich bestmöglich größtmöglichen frühestens spätestens
xyzzy blorf quetzalcoatl grmpf schnabbeldiwupp flurbelkram ähmm äh
zzzzzzzzzz aaaaaaaa qqq ÄÖÜ ßß éclair café naïve señor
"""
WORDS = [
    *_LISTED.split(),
    "",
    "x",
    "ä",
    "ü",
    "ß",
    "1.000.000",
    "12-megapixel-kamera",
    "5-milliarden-minuten-marke",
    "000-einwohner-stadt",
    "#hashtag",
    "@nutzername",
    "www.example.de",
    "https://example.org/pfad",
    "o'neill",
    "d'alema",
    "rock'n'roll",
]


@pytest.fixture(scope="module")
def model(hanta_model: Any) -> MorphologyModel:
    return MorphologyModel(hanta_model)


def _same_scores(ours: list[tuple[int, float]], theirs: list[tuple[int, float]]) -> bool:
    """Same tags in the same order with bit-identical scores (of the same number type)."""
    return len(ours) == len(theirs) and all(
        a[0] == b[0] and a[1] == b[1] and type(a[1]) is type(b[1])
        for a, b in zip(ours, theirs, strict=True)
    )


def test_word_list_is_long_and_varied() -> None:
    assert len(set(WORDS)) >= 300
    assert any(len(word) > 30 for word in WORDS)


def test_tag_scores_are_hantas(model: MorphologyModel, hanta_model: Any) -> None:
    differing = [
        word
        for word in WORDS
        if not _same_scores(model.tag_scores(word), hanta_model.analyze_forward(word))
    ]
    assert differing == []


def test_best_paths_are_hantas_for_each_likely_tag(
    model: MorphologyModel, hanta_model: Any
) -> None:
    differing = []
    checked = 0
    for word in WORDS:
        if not word:
            continue
        for pos, _ in hanta_model.analyze_forward(word)[:3]:
            checked += 1
            if model.best_path(word, -pos) != hanta_model.analyze_viterbi(word, -pos):
                differing.append((word, pos))
    assert checked > len(WORDS)
    assert differing == []


def test_best_path_of_an_impossible_tag_is_hantas_unknown_path(
    model: MorphologyModel, hanta_model: Any
) -> None:
    # A sentence-level tag (punctuation) for a plain word has no morpheme path.
    target = -hanta_model.tag2int["$."]
    assert model.best_path("haus", target) == hanta_model.analyze_viterbi("haus", target)


def test_repeated_analyses_give_the_same_results(model: MorphologyModel) -> None:
    first = [model.tag_scores(word) for word in WORDS[:50]]
    assert [model.tag_scores(word) for word in WORDS[:50]] == first


def test_results_do_not_depend_on_what_was_analysed_before(
    hanta_model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Segment rows are shared between words ending alike and forgotten when the memo
    # is full: analysing in another order, with a tiny memo, must not change a result.
    import chronik.language.de.morphology as morphology

    monkeypatch.setattr(morphology, "MAX_ROWS", 4)
    monkeypatch.setattr(morphology, "MAX_REMEMBERED", 4)
    backwards = MorphologyModel(hanta_model)
    words = [word for word in reversed(WORDS) if word]
    differing = []
    for word in words:
        if not _same_scores(backwards.tag_scores(word), hanta_model.analyze_forward(word)):
            differing.append(word)
        pos = hanta_model.analyze_forward(word)[0][0]
        if backwards.best_path(word, -pos) != hanta_model.analyze_viterbi(word, -pos):
            differing.append(word)
    assert differing == []


def test_words_ending_alike_share_their_segment_rows(model: MorphologyModel) -> None:
    model.tag_scores("regierungen")
    assert model._segments.row("sitzungen", 4, True) is model._segments.row("regierungen", 6, True)
    # From a word's start, and in a short word, a row is its own.
    assert model._segments.row("ungen", 0, True) is not model._segments.row("sitzungen", 4, True)


def test_the_german_tagger_uses_it_with_the_same_lemmas_as_hanta(hanta_model: Any) -> None:
    tagger = GermanTagger()
    words = ["Die", "Regierungschefin", "erklärte", "die", "Flurbelkramverordnungen", "."]
    tags, lemmas = tagger.tag(words)
    assert lemmas[1] == hanta_model.analyze("Regierungschefin", pos="NN")[0]
    assert tags[-1] == "$."


def test_lemma_endings_are_hantas(hanta_model: Any) -> None:
    endings = LemmaEndings(hanta_model)
    stems = [[word] for word in WORDS if word] + [["zurück", "weis"], ["ge", "sag"], ["a"]]
    positions = [*hanta_model.tag2int, "VV(FIN)", "NN", "ADJ(A)", "UNBEKANNT"]
    differing = [
        (stem, pos)
        for stem in stems
        for pos in positions
        if endings(stem, pos) != hanta_model.makelemma(stem, pos)
    ]
    assert differing == []
