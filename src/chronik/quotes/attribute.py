"""The quotation stage: direct quotes, then indirect and reported speech outside them,
then speakers and addressees resolved to the article's entities.

A speaker is only ever the phrase a frame names; when that phrase is no entity (``ein
Sprecher``) the quote keeps the phrase as ``speaker_span`` and ``speaker`` stays null.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronik.entities.recognise import EntityResult
from chronik.entities.records import Mention
from chronik.language.docbuild import text_of
from chronik.language.parsed import Parsed
from chronik.model import Quote, Span
from chronik.quotes.direct import DirectQuotes
from chronik.quotes.indirect import IndirectSpeech
from chronik.quotes.lexicon import SpeechLexicon
from chronik.quotes.marks import marked_spans
from chronik.quotes.phrases import FINITE, is_subjunctive, trim_punctuation
from chronik.quotes.records import Found


class QuoteFinder:
    def __init__(self, lexicon: SpeechLexicon) -> None:
        self._direct = DirectQuotes(lexicon)
        self._indirect = IndirectSpeech(lexicon)

    def run(self, parsed: Parsed, entities: EntityResult) -> list[Quote]:
        doc, mentions = parsed.doc, entities.mentions
        bounds = {i: (s.start, s.end) for s in parsed.sentences for i in range(s.start, s.end)}
        direct = self._direct.find(doc, marked_spans(parsed), parsed.separable, mentions, bounds)
        inside = {i for q in direct for a, b in q.content for i in range(a - 1, b + 1)}
        found = list(direct)
        previous: tuple[int, int] | None = None
        last: tuple[int, Found] | None = None  # the latest attributed statement
        for number, sentence in enumerate(parsed.sentences):
            start, end = sentence.start, sentence.end
            if sentence.role == "title" or all(i in inside for i in range(start, end)):
                previous = (start, end)
                last = _latest(found, end, number, last)
                continue
            new = [
                quote
                for quote in self._indirect.sentence(
                    doc, start, end, previous, parsed.separable, mentions
                )
                if not _inside(quote, inside)
            ]
            if (
                not new
                and _reported_mood(doc, start, end)
                and not any(i in inside for i in range(start, end))
            ):
                speaker = _continued_speaker(last, number, previous, doc, mentions, entities)
                if speaker is not None:
                    new = [
                        Found(
                            "free_indirect",
                            [trim_punctuation(doc, start, end)],
                            speaker=speaker,
                            paragraph=sentence.paragraph,
                        )
                    ]
            found.extend(new)
            previous = (start, end)
            last = _latest(found, end, number, last)
        found = [q for q in found if any(b > a for a, b in q.content)]
        found.sort(key=lambda q: q.start)
        found = _join_free_indirect(found, doc)
        return [_quote(doc, q, f"q{n}", entities) for n, q in enumerate(found, start=1)]


def _latest(
    found: list[Found], end: int, number: int, last: tuple[int, Found] | None
) -> tuple[int, Found] | None:
    """The latest attributed statement before ``end``, with the sentence it was seen in."""
    candidates = [q for q in found if q.speaker is not None and q.start < end]
    if not candidates:
        return last
    latest = max(candidates, key=lambda q: q.start)
    if last is not None and last[1] is latest:
        return last
    return number, latest


def _continued_speaker(
    last: tuple[int, Found] | None,
    number: int,
    previous: tuple[int, int] | None,
    doc: Doc,
    mentions: list[Mention],
    entities: EntityResult,
) -> tuple[int, int] | None:
    """Who a sentence in the subjunctive of reported speech goes on quoting: the speaker of
    a statement in the last two sentences, else a person who is the subject of the
    sentence right before (``Ngom definierte das Ziel. Es gehe nicht darum, …``)."""
    if last is not None and number - last[0] <= 2:
        return last[1].speaker
    if previous is None:
        return None
    types = {e.id: e.type for e in entities.entities}
    for index, mention in enumerate(mentions):
        if previous[0] <= mention.start < previous[1] and mention.subject_like:
            entity = entities.entity_of_mention.get(index)
            if entity is not None and types.get(entity) in ("PER", "ORG"):
                return mention.start, mention.end
    return None


def _reported_mood(doc: Doc, start: int, end: int) -> bool:
    """A finite verb of the sentence is in the subjunctive of reported speech (not a
    conditional ``würde``/``könnte``) and none is a plain indicative main verb first."""
    for index in range(start, end):
        token = doc[index]
        if is_subjunctive(doc, index) and token.lower_ not in _CONDITIONAL:
            return True
        if token.tag_ in FINITE and token.tag_ != "VAFIN" and not is_subjunctive(doc, index):
            return False
    return False


_CONDITIONAL = frozenset({"würde", "würden", "könnte", "könnten", "sollte", "müsste"})


def _join_free_indirect(found: list[Found], doc: Doc) -> list[Found]:
    """Consecutive sentences of free indirect speech by one speaker are one statement."""
    joined: list[Found] = []
    for quote in found:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and quote.form == previous.form == "free_indirect"
            and quote.speaker == previous.speaker
            and _adjacent(doc, previous.end, quote.start)
        ):
            previous.content = [(previous.start, quote.end)]
            continue
        joined.append(quote)
    return joined


def _adjacent(doc: Doc, end: int, start: int) -> bool:
    return all(t.is_space or t.tag_ == "$." for t in doc[end:start])


def _inside(quote: Found, inside: set[int]) -> bool:
    return quote.start in inside and quote.end - 1 in inside


def _span(doc: Doc, start: int, end: int) -> Span:
    first, last = doc[start], doc[end - 1]
    return Span.of(text_of(doc), first.idx, last.idx + len(last.text))


def _quote(doc: Doc, found: Found, quote_id: str, entities: EntityResult) -> Quote:
    parts = [_span(doc, a, b) for a, b in found.content if b > a]
    content = Span.of(text_of(doc), parts[0].start, parts[-1].end)
    cues = [_span(doc, i, i + 1) for i in sorted(found.cue)]
    return Quote(
        id=quote_id,
        form=found.form,  # type: ignore[arg-type]
        content=content,
        content_parts=parts if len(parts) > 1 else None,
        cue=cues[0] if cues else None,
        cue_parts=cues if len(cues) > 1 else None,
        speaker=_entity(found.speaker, entities),
        speaker_span=_span(doc, *found.speaker) if found.speaker else None,
        addressee=_entity(found.addressee, entities),
        addressee_span=_span(doc, *found.addressee) if found.addressee else None,
    )


def _entity(tokens: tuple[int, int] | None, entities: EntityResult) -> str | None:
    """The entity whose mention lies in the phrase (its head mention, the last one)."""
    if tokens is None:
        return None
    found = None
    for index, mention in enumerate(entities.mentions):
        if tokens[0] <= mention.start and mention.end <= tokens[1]:
            found = entities.entity_of_mention.get(index, found)
    return found
