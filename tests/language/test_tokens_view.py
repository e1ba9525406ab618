"""Token columns shared by the stages: the same strings as the Doc's tokens, built once."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from chronik.language.tokens_view import view


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
