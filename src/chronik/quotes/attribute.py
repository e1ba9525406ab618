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
from chronik.language.tokens_view import view
from chronik.model import Quote, Span
from chronik.quotes.direct import DirectQuotes
from chronik.quotes.indirect import IndirectSpeech
from chronik.quotes.lexicon import SpeechLexicon, SpeechVerb
from chronik.quotes.marks import MarkedSpan, marked_spans
from chronik.quotes.phrases import (
    FINITE,
    clause_bounds,
    cue_tokens,
    is_subjunctive,
    speech_verb,
    subject,
    trim_punctuation,
)
from chronik.quotes.records import Found
from chronik.quotes.sources import COMMON_NOUNS


class QuoteFinder:
    def __init__(self, lexicon: SpeechLexicon) -> None:
        self._lexicon = lexicon
        self._direct = DirectQuotes(lexicon)
        self._indirect = IndirectSpeech(lexicon)

    def run(self, parsed: Parsed, entities: EntityResult) -> list[Quote]:
        doc, mentions = parsed.doc, entities.mentions
        bounds = {i: (s.start, s.end) for s in parsed.sentences for i in range(s.start, s.end)}
        spans = marked_spans(parsed)
        direct = self._direct.find(doc, spans, parsed.separable, mentions, bounds)
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
                and _reported_mood(doc, start, end, inside)
                and not all(i in inside for i in range(start, end - 1))
            ):
                speaker = _continued_speaker(
                    last, number, previous, doc, mentions, entities
                ) or self._speech_subject(doc, previous, mentions)
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
        _nest_direct(found)
        found.extend(self._fragments(doc, spans, found, bounds, parsed.separable, mentions))
        found.sort(key=lambda q: q.start)
        found = _join_free_indirect(found, doc)
        return [_quote(doc, q, f"q{n}", entities) for n, q in enumerate(found, start=1)]

    def _fragments(
        self,
        doc: Doc,
        spans: list[MarkedSpan],
        found: list[Found],
        bounds: dict[int, tuple[int, int]],
        separable: dict[int, int],
        mentions: list[Mention],
    ) -> list[Found]:
        """Quoted words too short to stand as speech of their own (``eine „Kapitulation“``)
        are a speaker's words when they stand inside reported speech (its frame is theirs)
        or in a clause whose finite verb is a speech verb (``riet zu „Gelassenheit“``)."""
        taken = {q.start for q in found if q.form == "direct"}
        framed = [q for q in found if q.form != "direct" and (q.speaker or q.cue)]
        fragments = []
        speakers = [q.speaker for q in found if q.speaker is not None]
        for span in spans:
            if (
                span.start in taken
                or span.closer is None
                or span.start not in bounds
                or _names_something(doc, span, mentions)
                or any(a <= span.start and span.end <= b for a, b in speakers)
            ):
                continue
            quote = Found(
                "direct",
                [(span.start, span.end)],
                paragraph=span.paragraph,
                marks=(span.opener, span.closer),
            )
            outer = next(
                (q for q in framed if any(a <= span.start and span.end <= b for a, b in q.content)),
                None,
            )
            if outer is not None:
                quote.cue, quote.speaker = list(outer.cue), outer.speaker
                fragments.append(quote)
                continue
            start, end = bounds[span.start]
            left, right = clause_bounds(doc, span.opener, start, end)
            verb = next(
                (
                    i
                    for i in range(start, end)
                    if doc[i].tag_ in FINITE
                    and not span.opener <= i <= span.closer
                    and _frames_reported(speech_verb(doc, i, self._lexicon))
                ),
                None,
            )
            if verb is None or not (left <= verb < right or _same_clause(doc, verb, span)):
                continue
            quote.cue = cue_tokens(verb, separable)
            quote.speaker = subject(doc, verb, start, end, mentions)
            if quote.speaker is not None:
                fragments.append(quote)
        return fragments

    def _speech_subject(
        self, doc: Doc, previous: tuple[int, int] | None, mentions: list[Mention]
    ) -> tuple[int, int] | None:
        """The subject of a finite speech verb in the sentence before: ``Der Bericht
        schildert die Fehlerkette. Techniker hätten …``."""
        if previous is None:
            return None
        for index in range(*previous):
            if doc[index].tag_ in FINITE and speech_verb(doc, index, self._lexicon) is not None:
                return subject(doc, index, previous[0], previous[1], mentions)
        return None


def _names_something(doc: Doc, span: MarkedSpan, mentions: list[Mention]) -> bool:
    """Quoted words that are a name, not words said: a recognised name inside, a name
    token first, or a common noun right before (``der Sender „Radio Eins“``)."""
    if any(span.start <= m.start and m.end <= span.end and m.kind == "name" for m in mentions):
        return True
    before = doc[span.opener - 1] if span.opener > 0 else None
    return doc[span.start].tag_ in ("NE", "FM") or (
        before is not None and before.tag_ in COMMON_NOUNS
    )


def _frames_reported(verb: SpeechVerb | None) -> bool:
    return verb is not None and (verb.frames("direct") or verb.frames("reported"))


def _same_clause(doc: Doc, verb: int, span: MarkedSpan) -> bool:
    """No clause boundary (comma, colon) between the verb and the quoted words."""
    low, high = (verb, span.opener) if verb < span.opener else (span.closer, verb)
    return not any(t.text in (",", ":", ";") for t in doc[low + 1 : high])


def _nest_direct(found: list[Found]) -> None:
    """A quotation without a frame of its own inside reported speech (``Sie sagte, die Lage
    sei „vollkommen offen“.``) is that speaker's words: it takes the frame's cue and
    speaker."""
    framed = [q for q in found if q.form != "direct" and q.speaker is not None]
    for quote in found:
        if quote.form != "direct" or quote.cue:
            continue  # a speaker carried over from an earlier quote yields to the frame
        outer = next(
            (q for q in framed if any(a <= quote.start and quote.end <= b for a, b in q.content)),
            None,
        )
        if outer is not None:
            quote.cue = list(outer.cue)
            quote.speaker = outer.speaker


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


def _reported_mood(doc: Doc, start: int, end: int, inside: set[int]) -> bool:
    """A finite verb of the sentence's main clause, outside quotation marks, is in the
    subjunctive of reported speech (not a conditional ``würde``/``könnte`` nor a past
    ``wollte``) and none is a plain indicative main verb first; verbs of subordinate
    clauses (``Als die Polizei kam, …``) do not count."""
    subordinate = False
    tokens = view(doc)
    for index in range(start, end):
        if index in inside:
            continue
        tag, lower = tokens.tags[index], tokens.lowers[index]
        if tokens.texts[index] in (",", ";", ":", "–"):
            subordinate = False
            continue
        if tag in _SUBORDINATORS or (index == start and lower in ("als", "wenn")):
            subordinate = True
        if subordinate:
            continue
        if is_subjunctive(doc, index) and lower not in _CONDITIONAL:
            return True
        if tag in FINITE and tag != "VAFIN" and not is_subjunctive(doc, index):
            return False
    return False


_CONDITIONAL = frozenset(
    {"würde", "würden", "könnte", "könnten", "sollte", "müsste", "wollte", "wollten"}
)
_SUBORDINATORS = frozenset({"KOUS", "PRELS", "PRELAT", "PWAV", "PWS"})


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
        speaker=_entity(doc, found.speaker, entities),
        speaker_span=_span(doc, *found.speaker) if found.speaker else None,
        addressee=_entity(doc, found.addressee, entities),
        addressee_span=_span(doc, *found.addressee) if found.addressee else None,
    )


def _entity(doc: Doc, tokens: tuple[int, int] | None, entities: EntityResult) -> str | None:
    """The entity the phrase names: the first one in head position, a person first. A
    source phrase starts with its head or names it in apposition (``Jonas Keller, der
    Leiter des Bauamts``; ``der Leiter des Bauamts, Jonas Keller``); what a genitive or
    ``von`` adds (``Angaben der Polizei``, ``ein Sprecher des Ministers X``) only
    describes it, and counts only when the head is no entity."""
    if tokens is None:
        return None
    types = {entity.id: entity.type for entity in entities.entities}
    heads, others = [], []
    for index, mention in enumerate(entities.mentions):
        entity = entities.entity_of_mention.get(index)
        if entity is None or not (tokens[0] <= mention.start and mention.end <= tokens[1]):
            continue
        dependent = False
        for token in doc[tokens[0] + 1 : mention.start]:
            if token.text == ",":
                dependent = False
            elif token.lower_ in _DEPENDENT_MARKERS and token.tag_ in ("ART", "APPR", "APPRART"):
                dependent = True
        (others if dependent else heads).append(entity)
    for group in (heads, others):
        person = next((e for e in group if types.get(e) == "PER"), None)
        if person is not None or group:
            return person or group[0]
    return None


_DEPENDENT_MARKERS = frozenset({"des", "der", "eines", "einer", "von", "vom"})
