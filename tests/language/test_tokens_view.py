"""Token columns shared by the stages: the same strings as the Doc's tokens, built once."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from chronik.language.docbuild import TokenPlan, build_doc
from chronik.language.tokens_view import TokenView, view
from chronik.language.vocab import german_vocab


def _doc() -> Doc:
    words = ["Die", "Ministerin", "sagte", ",", "Russland", "sei", "bereit", "."]
    tags = ["ART", "NN", "VVFIN", "$,", "NE", "VAFIN", "ADJD", "$."]
    lemmas = ["die", "Ministerin", "sagen", ",", "Russland", "sein", "bereit", "."]
    return Doc(Vocab(), words=words, tags=tags, lemmas=lemmas)


def test_columns_match_the_tokens() -> None:
    doc = _doc()
    tokens = view(doc)
    assert tokens.texts == [token.text for token in doc]
    assert tokens.tags == [token.tag_ for token in doc]
    assert tokens.lemmas == [token.lemma_ for token in doc]
    assert tokens.lowers == [token.lower_ for token in doc]


def test_columns_are_built_once_per_doc() -> None:
    doc = _doc()
    assert view(doc) is view(doc)
    assert view(_doc()) is not view(doc)


def test_built_doc_carries_the_columns_it_was_built_from() -> None:
    text = "Schoigu  reiste\nnach Teheran."
    plan = TokenPlan.empty()
    plan.add_sentence([(0, 7), (9, 15)], ["NE", "VVFIN"], ["Schoigu", "reisen"])
    plan.add_plain(text, 15, len(text))
    doc, _ = build_doc(german_vocab(), text, plan)
    kept = view(doc)
    assert kept == TokenView.of(doc)  # the same columns as read back from the Doc
    assert kept.texts == ["Schoigu", "  ", "reiste", "\n", "nach", "Teheran."]
    assert kept.lemmas[2] == "reisen"
    assert kept.lowers[0] == "schoigu"
