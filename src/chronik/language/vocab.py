"""The spaCy vocabulary every Doc of a process shares, with the word attributes Chronik reads.

spaCy computes each lexical attribute of a word form the first time it meets the form,
and ``analyze`` frees an article's forms when it ends (a memory zone), so that work
recurs for every article. Strings such as the norm, shape, prefix and suffix cost most
and nothing in Chronik reads them; the lower-cased form and the cheap character-class
flags (``is_punct``, ``is_space``, ``is_alpha``, …) are kept. A Doc from Chronik
therefore has empty ``norm_``, ``shape_``, ``prefix_``, ``suffix_`` and ``lang_``, and
``is_stop``/``like_num``/``like_url``/``like_email`` are False.

A language layer also registers the word forms of its lexicon once, when it loads
(``register_forms``): a lexeme made outside a memory zone stays, so the common words of
every article are looked up instead of made again.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import IDS
from spacy.vocab import Vocab

KEPT_ATTRIBUTES = frozenset(
    {
        "LOWER",
        "IS_ALPHA",
        "IS_ASCII",
        "IS_BRACKET",
        "IS_CURRENCY",
        "IS_DIGIT",
        "IS_LEFT_PUNCT",
        "IS_LOWER",
        "IS_PUNCT",
        "IS_QUOTE",
        "IS_RIGHT_PUNCT",
        "IS_SPACE",
        "IS_TITLE",
        "IS_UPPER",
    }
)


def german_vocab() -> Vocab:
    """spaCy's German vocabulary computing only the attributes in ``KEPT_ATTRIBUTES``."""
    import spacy

    vocab = spacy.blank("de").vocab
    kept = {IDS[name] for name in KEPT_ATTRIBUTES}
    vocab.lex_attr_getters = {
        attribute: getter
        for attribute, getter in vocab.lex_attr_getters.items()
        if attribute in kept
    }
    return vocab


def register_forms(vocab: Vocab, forms: Iterable[str]) -> None:
    """Make the lexemes of ``forms`` now, to last as long as ``vocab``. Call it outside
    any memory zone (a zone frees what was made inside it when it ends)."""
    for form in forms:
        vocab[form]
