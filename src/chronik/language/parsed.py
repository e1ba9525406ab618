"""What a language layer returns: a spaCy Doc over the whole text and its analysed sentences."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Doc, Span

from chronik.structure.paragraphs import Unit


@dataclass(frozen=True)
class Sentence:
    """A sentence of an analysed paragraph: token range in the Doc, and the paragraph's role."""

    start: int  # first token index
    end: int  # token index after the last
    role: str  # title | lead | body
    paragraph: int  # index of the paragraph among the analysed units


@dataclass
class Parsed:
    """The Doc (``doc.text`` equals the Article text) and the sentences later stages read.

    Tokens outside analysed paragraphs (boilerplate, related lines, captions) exist in the
    Doc so that offsets line up, but carry no tags and belong to no Sentence.
    ``separable`` maps a finite verb's token index to its detached particle's index.
    """

    doc: Doc
    sentences: list[Sentence]
    language: str
    tagged: bool
    separable: dict[int, int] = field(default_factory=dict)

    def spans(self) -> Iterator[tuple[Sentence, Span]]:
        for sentence in self.sentences:
            yield sentence, self.doc[sentence.start : sentence.end]


class LanguageLayer(Protocol):
    """Turns text plus the paragraphs to analyse into a Parsed document."""

    code: str

    def process(self, text: str, units: list[Unit]) -> Parsed: ...
