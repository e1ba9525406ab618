"""Direct quotes: spans between quotation marks, in every German style.

„…“ „…” »…« «…» “…” ”…” "…" are outer pairs; an inner pair (‚…‘) inside a quote does
not end it. A quote that is not closed by the end of its paragraph ends there (the next
paragraph of a long quote opens again by convention, and unbalanced marks in scraped
text must not swallow the article).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from chronik.language.docbuild import text_of
from chronik.language.parsed import Parsed
from chronik.language.tokens_view import view

_OUTER_CLOSERS = {
    "„": ("“", "”", '"'),
    "»": ("«",),
    "«": ("»",),
    "“": ("”",),
    "”": ("”",),
    '"': ('"',),
}
_STRAIGHT = '"'


@dataclass(frozen=True)
class MarkedSpan:
    opener: int  # token index of the opening mark
    closer: int | None  # token index of the closing mark, None when unclosed
    start: int  # first content token
    end: int  # token after the last content token
    paragraph: int


def marked_spans(parsed: Parsed) -> list[MarkedSpan]:
    doc = parsed.doc
    spans: list[MarkedSpan] = []
    for paragraph, first, after in _paragraphs(parsed):
        spans.extend(_in_paragraph(doc, first, after, paragraph))
    return spans


def _paragraphs(parsed: Parsed) -> list[tuple[int, int, int]]:
    ranges: dict[int, list[int]] = {}
    for sentence in parsed.sentences:
        bounds = ranges.setdefault(sentence.paragraph, [sentence.start, sentence.end])
        bounds[1] = sentence.end
    return [(number, start, end) for number, (start, end) in sorted(ranges.items())]


def _in_paragraph(doc: Doc, first: int, after: int, paragraph: int) -> list[MarkedSpan]:
    spans = []
    texts = view(doc).texts
    index = first
    while index < after:
        text = texts[index]
        closers = _OUTER_CLOSERS.get(text)
        if closers is None or (text == _STRAIGHT and not _opens(doc, index)):
            index += 1
            continue
        closer = next(
            (
                i
                for i in range(index + 1, after)
                if texts[i] in closers
                and not (
                    texts[i] == _STRAIGHT
                    and _opens(doc, i)
                    and i + 1 < after
                    and texts[i + 1][:1].isalpha()
                )
            ),
            None,
        )
        end = closer if closer is not None else after
        if end > index + 1:
            spans.append(
                MarkedSpan(index, closer, index + 1, _trim(doc, index + 1, end), paragraph)
            )
        index = (closer if closer is not None else after) + 1
    return spans


def _opens(doc: Doc, index: int) -> bool:
    """A straight quote opens when no word touches it on the left."""
    token = doc[index]
    return (
        token.idx == 0
        or text_of(doc)[token.idx - 1].isspace()
        or text_of(doc)[token.idx - 1] in "([–-"
    )


def _trim(doc: Doc, start: int, end: int) -> int:
    texts = view(doc).texts
    while end > start and texts[end - 1].isspace():  # spaCy's is_space
        end -= 1
    return end
