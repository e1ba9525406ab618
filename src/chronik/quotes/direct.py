"""Frames of direct quotes: ``„…“, sagte X``, ``X sagte: „…“``, ``Er erklärte:`` before a
quoted paragraph, ``„…“, sagte er, „…“`` (one quote in two parts), and a quoted
paragraph without a frame that continues the previous speaker."""

from __future__ import annotations

import itertools

from spacy.tokens import Doc

from chronik.entities.records import Mention
from chronik.quotes.lexicon import SpeechLexicon
from chronik.quotes.marks import MarkedSpan
from chronik.quotes.phrases import FINITE, clause_bounds, cue_tokens, speech_verb, subject
from chronik.quotes.records import Found

MIN_UNFRAMED_TOKENS = 4
_FRAME_REACH = 4  # tokens between a closing mark and the speech verb of its frame


class DirectQuotes:
    def __init__(self, lexicon: SpeechLexicon) -> None:
        self._lexicon = lexicon

    def find(
        self,
        doc: Doc,
        spans: list[MarkedSpan],
        separable: dict[int, int],
        mentions: list[Mention],
        bounds: dict[int, tuple[int, int]],
    ) -> list[Found]:
        found: list[Found] = []
        index = 0
        while index < len(spans):
            span = spans[index]
            quote = Found(
                "direct",
                [(span.start, span.end)],
                paragraph=span.paragraph,
                marks=(span.opener, span.closer if span.closer is not None else -1),
            )
            sentence_end = bounds[span.start][1] if span.start in bounds else span.end
            framed = self._after(
                doc, span, sentence_end, separable, mentions, quote
            ) or self._before(doc, span, separable, mentions, quote, bounds)
            if framed and index + 1 < len(spans) and self._continues(doc, quote, spans[index + 1]):
                following = spans[index + 1]
                quote.content.append((following.start, following.end))
                index += 1
            if not framed and self._speech_like(doc, span):
                self._previous_frame(doc, span, separable, mentions, quote, bounds)
            if framed or self._speech_like(doc, span):
                found.append(quote)
            index += 1
        _carry_speakers(found)
        return found

    def _after(
        self,
        doc: Doc,
        span: MarkedSpan,
        end: int,
        separable: dict[int, int],
        mentions: list[Mention],
        quote: Found,
    ) -> bool:
        """``„…“, sagte die Ministerin.`` — a speech verb right after the closing mark."""
        if span.closer is None:
            return False
        for index in range(span.closer + 1, min(end, span.closer + 1 + _FRAME_REACH)):
            if doc[index].text in ("„", "»", "«", '"', "“") or doc[index].tag_ == "$.":
                return False
            if self._frames(doc, index):
                quote.cue = cue_tokens(index, separable)
                quote.speaker = subject(doc, index, span.closer + 1, end, mentions)
                return True
        return False

    def _before(
        self,
        doc: Doc,
        span: MarkedSpan,
        separable: dict[int, int],
        mentions: list[Mention],
        quote: Found,
        bounds: dict[int, tuple[int, int]],
    ) -> bool:
        """``Er erklärte: „…“`` or ``Er erklärte:`` closing the previous paragraph."""
        colon = span.opener - 1
        while colon >= 0 and doc[colon].is_space:
            colon -= 1
        if colon < 0 or doc[colon].text != ":":
            return False
        start = bounds[colon][0] if colon in bounds else max(0, colon - 12)
        left, _ = clause_bounds(doc, colon - 1, start, colon)
        index = next((i for i in range(left, colon) if self._frames(doc, i)), None)
        if index is None:
            return False
        quote.cue = cue_tokens(index, separable)
        quote.speaker = subject(doc, index, left, colon, mentions)
        return True

    def _previous_frame(
        self,
        doc: Doc,
        span: MarkedSpan,
        separable: dict[int, int],
        mentions: list[Mention],
        quote: Found,
        bounds: dict[int, tuple[int, int]],
    ) -> None:
        """``Stöhr warnte vor einer Pandemie. „Das Virus …“``: the sentence before the
        quote frames it when it holds a speech verb; its subject is the speaker."""
        before = span.opener - 1
        while before >= 0 and (doc[before].is_space or doc[before].tag_ == "$("):
            before -= 1
        if before < 0 or before not in bounds or doc[before].text not in (".", ":"):
            return
        start, end = bounds[before]
        index = next((i for i in range(start, end) if self._frames(doc, i)), None)
        if index is not None:
            quote.speaker = subject(doc, index, start, end, mentions)

    def _frames(self, doc: Doc, index: int) -> bool:
        """A finite speech verb that can frame a verbatim quote."""
        verb = speech_verb(doc, index, self._lexicon)
        return verb is not None and verb.frames("direct") and doc[index].tag_ in FINITE

    def _continues(self, doc: Doc, quote: Found, following: MarkedSpan) -> bool:
        """``„…“, sagte er, „…“``: the frame ends in a comma and the quote goes on."""
        last = max(quote.cue) if quote.cue else None
        if last is None or following.paragraph != quote.paragraph:
            return False
        between = [t for t in doc[last + 1 : following.opener] if not t.is_space]
        if not between or between[-1].text != ",":
            return False
        return all(t.tag_ not in FINITE for t in between)

    def _speech_like(self, doc: Doc, span: MarkedSpan) -> bool:
        """An unframed quote counts when it reads as speech, not as a title or a term."""
        words = [t for t in doc[span.start : span.end] if not t.is_punct and not t.is_space]
        if len(words) < MIN_UNFRAMED_TOKENS:
            return False
        return any(t.tag_ in FINITE for t in doc[span.start : span.end])


def _carry_speakers(quotes: list[Found]) -> None:
    """A quote without a frame right after a framed quote (same or next paragraph) goes on
    with the same speaker; it keeps no cue of its own."""
    for previous, quote in itertools.pairwise(quotes):
        if quote.cue or quote.speaker is not None or previous.speaker is None:
            continue
        if quote.paragraph - previous.paragraph in (0, 1):
            quote.speaker = previous.speaker
