"""Unknown long compounds are tagged and lemmatised by their known head noun."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.errors import InputError
from chronik.evaluation.tagging import evaluate, read_conllu
from chronik.language.de.tagger import CompoundHeads, GermanTagger

TAGGER = GermanTagger()


def _heads() -> CompoundHeads:
    return CompoundHeads(TAGGER._tagger)


@pytest.mark.parametrize(
    ("words", "index", "lemma"),
    [
        (
            ["Das", "Netz", "des", "Wasserstofftankstellennetzes", "wächst", "."],
            3,
            "Wasserstofftankstellennetz",
        ),
        (["Das", "EU-Außenministertreffens", "endete", "."], 1, "EU-Außenministertreffen"),
        (["Die", "Sicherheitsratsresolutionen", "gelten", "."], 1, "Sicherheitsratsresolution"),
    ],
)
def test_compound_noun_takes_its_heads_tag_and_lemma(
    words: list[str], index: int, lemma: str
) -> None:
    tags, lemmas = TAGGER.tag(words)
    assert tags[index] == "NN"
    assert lemmas[index] == lemma


def test_front_is_a_known_word_with_a_linking_element() -> None:
    heads = _heads()
    word = "Wasserstofftankstellennetzes"
    front = heads.front_length(word)
    assert front is not None
    assert word[front:].lower() == "netzes"


@pytest.mark.parametrize(
    "word",
    [
        "zurückzuweisen",  # a verb form: its front changes the form
        "Österreichischer",  # ends in a short chance word, not a noun compound
        "Kurzwort",  # too short to be worth it
        "Xqzvbnmrtplkwnetzes",  # the front is no known word
    ],
)
def test_no_shortcut_for_words_that_are_not_noun_compounds(word: str) -> None:
    assert _heads().front_length(word) is None


def test_verb_with_zu_keeps_its_own_analysis() -> None:
    tags, lemmas = TAGGER.tag(["Er", "wollte", "die", "Vorwürfe", "zurückzuweisen", "."])
    assert tags[4] == "VVIZU"
    assert lemmas[4] == "zurückweisen"


CONLLU = """# sent_id = 1
# text = Die Ministerin besuchte Kiew.
1\tDie\tder\tDET\tART\t_\t2\tdet\t_\t_
2\tMinisterin\tMinisterin\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tbesuchte\tbesuchen\tVERB\tVVFIN\t_\t0\troot\t_\t_
4\tKiew\tKiew\tPROPN\tNE\t_\t3\tobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t$.\t_\t3\tpunct\t_\t_

# sent_id = 2
1-2\tzum\t_\t_\t_\t_\t_\t_\t_\t_
1\tzu\tzu\tADP\tAPPR\t_\t3\tcase\t_\t_
2\tdem\tder\tDET\tART\t_\t3\tdet\t_\t_
3\tTreffen\tTreffen\tNOUN\tNN\t_\t0\troot\t_\t_
"""


def test_tagging_evaluation_reads_conllu_and_scores(tmp_path: Path) -> None:
    path = tmp_path / "gold.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    sentences = read_conllu(path)
    assert [s.words for s in sentences] == [
        ["Die", "Ministerin", "besuchte", "Kiew", "."],
        ["zu", "dem", "Treffen"],
    ]
    scores = evaluate(TAGGER, sentences)
    assert scores.tokens == 8
    assert scores.content == 3  # Ministerin, besuchte, Treffen
    assert 0.5 < scores.tag_accuracy <= 1.0
    assert scores.lemma_accuracy == 1.0


def test_tagging_evaluation_rejects_a_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.conllu"
    path.write_text("1\tDie\tder\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1 has 3 columns"):
        read_conllu(path)
