"""Per-document token columns, built once and shared by the stages that scan every token.

Indexing a spaCy Doc (``doc[i]``) creates a new Token object each time, and each
``token.text`` or ``token.tag_`` looks its string up again; stages that walk every
token of every sentence pay this many times over. ``view(doc)`` gives the texts, tags,
lemmas and lower-case forms of a Doc, kept in ``doc.user_data`` by the Doc's builder
or read once from the Doc (which is not changed after the language layer built it).
Only strings are kept there, no Token objects, so the Doc does not end up in a
reference cycle with its own tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

_KEY = "chronik.tokens_view"


@dataclass(frozen=True)
class TokenView:
    """Columns indexed like the Doc: ``texts[i] == doc[i].text``, ``tags[i] == doc[i].tag_``."""

    texts: list[str]
    tags: list[str]
    lemmas: list[str]
    lowers: list[str]

    @classmethod
    def of(cls, doc: Doc) -> TokenView:
        tokens = list(doc)
        return cls(
            texts=[token.text for token in tokens],
            tags=[token.tag_ for token in tokens],
            lemmas=[token.lemma_ for token in tokens],
            lowers=[token.lower_ for token in tokens],
        )


def keep_view(doc: Doc, columns: TokenView) -> None:
    """Keep columns already known for ``doc`` (the Doc's builder has them at hand)."""
    doc.user_data[_KEY] = columns


def view(doc: Doc) -> TokenView:
    """The Doc's token columns, built on first use."""
    found = doc.user_data.get(_KEY)
    if found is None or len(found.texts) != len(doc):
        found = doc.user_data[_KEY] = TokenView.of(doc)
    return found
