"""Build a spaCy Doc whose text is exactly the input text, from token offsets.

Between tokens, a single space becomes the previous token's trailing space; any other
gap (line breaks, several spaces) becomes a whitespace token, as spaCy does itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.vocab import Vocab

from chronik.language.tokens_view import TokenView, keep_view

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

    def add_sentence(
        self, offsets: list[tuple[int, int]], tags: list[str], lemmas: list[str]
    ) -> None:
        """The tokens of one sentence at once (its first token starts the sentence)."""
        if not offsets:
            return
        self.starts.extend(start for start, _ in offsets)
        self.ends.extend(end for _, end in offsets)
        self.sent_starts.append(True)
        self.sent_starts.extend([False] * (len(offsets) - 1))
        self.tags.extend(tags)
        self.lemmas.extend(lemmas)

    def add_plain(self, text: str, start: int, end: int) -> None:
        """Whitespace-separated tokens without tags, for text that is not analysed."""
        first = True
        for match in _WORDS.finditer(text, start, end):
            self.add(match.start(), match.end(), sent_start=first)
            first = False


def build_doc(vocab: Vocab, text: str, plan: TokenPlan) -> tuple[Doc, list[int]]:
    """The Doc, and for each planned token its index in the Doc (which adds space tokens)."""
    # One flat loop over parallel columns: this runs for every token of every article.
    indices: list[int] = []
    words: list[str] = []
    spaces: list[bool] = []
    sent_starts: list[bool] = []
    tags: list[str] = []
    lemmas: list[str] = []
    position = 0
    for start, end, sent_start, tag, lemma in zip(
        plan.starts, plan.ends, plan.sent_starts, plan.tags, plan.lemmas, strict=True
    ):
        if start > position:
            _gap(text[position:start], words, spaces, sent_starts, tags, lemmas)
        word = text[start:end]
        indices.append(len(words))
        words.append(word)
        spaces.append(False)
        sent_starts.append(sent_start)
        tags.append(tag)
        lemmas.append(lemma or word)
        position = end
    if position < len(text):
        _gap(text[position:], words, spaces, sent_starts, tags, lemmas)
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        sent_starts=sent_starts or None,
        tags=tags or None,
        lemmas=lemmas or None,
    )
    doc.user_data["text"] = text  # spaCy rebuilds doc.text on every access
    # The columns the stages read are the ones just handed to spaCy (the vocabulary's
    # lower-cased form is ``str.lower``), so reading them back from the Doc is not needed.
    keep_view(doc, TokenView(words, tags, lemmas, [word.lower() for word in words]))
    return doc, indices


def _gap(
    gap: str,
    words: list[str],
    spaces: list[bool],
    sent_starts: list[bool],
    tags: list[str],
    lemmas: list[str],
) -> None:
    """Text between two tokens: one space is the previous token's trailing space, any
    other gap a token of its own."""
    if gap == " " and words:
        spaces[-1] = True
        return
    words.append(gap)
    spaces.append(False)
    sent_starts.append(False)
    tags.append(SPACE_TAG if gap.isspace() else "")
    lemmas.append(gap)


def text_of(doc: Doc) -> str:
    """The Doc's text, cached (``doc.text`` joins all tokens each time)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text
