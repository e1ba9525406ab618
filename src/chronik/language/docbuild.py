"""Build a spaCy Doc whose text is exactly the input text, from token offsets.

Between tokens, a single space becomes the previous token's trailing space; any other
gap (line breaks, several spaces) becomes a whitespace token, as spaCy does itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.vocab import Vocab

_WORDS = re.compile(r"\S+")
SPACE_TAG = "_SP"


@dataclass
class TokenPlan:
    """Tokens to build, in text order: offsets, sentence starts, tags and lemmas (or None)."""

    starts: list[int]
    ends: list[int]
    sent_starts: list[bool]
    tags: list[str]
    lemmas: list[str]

    @classmethod
    def empty(cls) -> TokenPlan:
        return cls([], [], [], [], [])

    def add(
        self, start: int, end: int, *, sent_start: bool, tag: str = "", lemma: str = ""
    ) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.sent_starts.append(sent_start)
        self.tags.append(tag)
        self.lemmas.append(lemma)

    def add_plain(self, text: str, start: int, end: int) -> None:
        """Whitespace-separated tokens without tags, for text that is not analysed."""
        first = True
        for match in _WORDS.finditer(text, start, end):
            self.add(match.start(), match.end(), sent_start=first)
            first = False


@dataclass
class _Columns:
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    sent_starts: list[bool] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)

    def token(self, word: str, sent_start: bool, tag: str, lemma: str) -> None:
        self.words.append(word)
        self.spaces.append(False)
        self.sent_starts.append(sent_start)
        self.tags.append(tag)
        self.lemmas.append(lemma or word)

    def gap(self, gap: str) -> None:
        if not gap:
            return
        if gap == " " and self.words:
            self.spaces[-1] = True
            return
        self.token(gap, False, SPACE_TAG if gap.isspace() else "", gap)


def build_doc(vocab: Vocab, text: str, plan: TokenPlan) -> tuple[Doc, list[int]]:
    """The Doc, and for each planned token its index in the Doc (which adds space tokens)."""
    indices: list[int] = []
    columns = _Columns()
    position = 0
    for index, start in enumerate(plan.starts):
        columns.gap(text[position:start])
        end = plan.ends[index]
        indices.append(len(columns.words))
        columns.token(
            text[start:end], plan.sent_starts[index], plan.tags[index], plan.lemmas[index]
        )
        position = end
    columns.gap(text[position:])
    doc = Doc(
        vocab,
        words=columns.words,
        spaces=columns.spaces,
        sent_starts=columns.sent_starts or None,
        tags=columns.tags or None,
        lemmas=columns.lemmas or None,
    )
    doc.user_data["text"] = text  # spaCy rebuilds doc.text on every access
    return doc, indices


def text_of(doc: Doc) -> str:
    """The Doc's text, cached (``doc.text`` joins all tokens each time)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text
