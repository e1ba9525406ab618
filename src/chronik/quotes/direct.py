"""Frames of direct quotes: ``„…“, sagte X``, ``X sagte: „…“``, ``Er erklärte:`` before a
quoted paragraph, ``„…“, sagte er, „…“`` (one quote in two parts), and a quoted
paragraph without a frame that continues the previous speaker."""

from __future__ import annotations

import itertools

from spacy.tokens import Doc

from chronik.entities.records import Mention
from chronik.quotes.addressees import addressee
from chronik.quotes.impersonal import ImpersonalFrames
from chronik.quotes.lexicon import SpeechLexicon
from chronik.quotes.marks import MarkedSpan
from chronik.quotes.phrases import FINITE, clause_bounds, cue_tokens, speech_verb, subject
from chronik.quotes.records import Found

MIN_UNFRAMED_TOKENS = 4
_NAME_TOKENS = 5  # the longest quoted name: „Aktion Deutschland hilft“
_FRAME_REACH = 4  # tokens between a closing mark and the speech verb of its frame


class DirectQuotes:
    def __init__(self, lexicon: SpeechLexicon) -> None:
        self._lexicon = lexicon
        self._impersonal = ImpersonalFrames(lexicon)

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
            # the frame follows the closing mark, in the sentence the quote ends in
            last = span.closer if span.closer is not None else span.end - 1
            sentence_end = bounds[last][1] if last in bounds else span.end
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
        """``„…“, sagte die Ministerin.`` — a speech verb right after the closing mark;
        not when the quoted words end a noun phrase that is the verb's subject (``Die
        Zeitschrift „Morgenblatt“ berichtete …``)."""
        if span.closer is None or _named_in_phrase(doc, span):
            return False
        for index in range(span.closer + 1, min(end, span.closer + 1 + _FRAME_REACH)):
            if doc[index].text in ("„", "»", "«", '"', "“") or doc[index].tag_ == "$.":
                return False
            if self._frames(doc, index):
                quote.cue = cue_tokens(index, separable)
                quote.speaker = subject(doc, index, span.closer + 1, end, mentions)
                quote.addressee = self._addressee(doc, index, span.closer + 1, end, mentions, quote)
                return True
        return False

    def _addressee(
        self, doc: Doc, verb: int, start: int, end: int, mentions: list[Mention], quote: Found
    ) -> tuple[int, int] | None:
        speech = speech_verb(doc, verb, self._lexicon)
        if speech is None:
            return None
        after = max(quote.cue) + 1 if len(quote.cue) > 1 else end
        return addressee(doc, verb, start, after, mentions, speech, quote.speaker)

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
            return self._impersonal_before(doc, left, colon, mentions, quote)
        quote.cue = cue_tokens(index, separable)
        quote.speaker = subject(doc, index, left, colon, mentions)
        quote.addressee = self._addressee(doc, index, left, colon, mentions, quote)
        return True

    def _impersonal_before(
        self, doc: Doc, left: int, colon: int, mentions: list[Mention], quote: Found
    ) -> bool:
        """``In der Erklärung heißt es: „…“``: an impersonal frame before the colon."""
        for index in range(left, colon):
            frame = self._impersonal.frame_at(doc, index, left, colon)
            if frame is not None:
                quote.cue = frame[1]
                quote.speaker = self._impersonal.source(doc, frame, left, colon, mentions)
                return True
        return False

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


def _named_in_phrase(doc: Doc, span: MarkedSpan) -> bool:
    """A short quotation without a verb is a name when an article or a noun stands right
    before it or a finite verb right after it, with no comma (``„Radio Nord“ berichtet``)."""
    if span.end - span.start > _NAME_TOKENS or span.closer is None:
        return False
    if any(t.tag_ in FINITE for t in doc[span.start : span.end]):
        return False
    before = doc[span.opener - 1] if span.opener > 0 else None
    after = doc[span.closer + 1] if span.closer + 1 < len(doc) else None
    return (before is not None and before.tag_ in ("ART", "NN", "NE")) or (
        after is not None and after.tag_ in FINITE
    )


def _carry_speakers(quotes: list[Found]) -> None:
    """A quote without a frame right after a framed quote (same or next paragraph) goes on
    with the same speaker; it keeps no cue of its own."""
    for previous, quote in itertools.pairwise(quotes):
        if quote.cue or quote.speaker is not None or previous.speaker is None:
            continue
        if quote.paragraph - previous.paragraph in (0, 1):
            quote.speaker = previous.speaker
