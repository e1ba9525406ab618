"""The event stage: triggers in analysed sentences → PLOVER records with actors, place,
date and modality; repeated reports of one event in an article merged into one record.

Precision first: an event needs a source actor that is an entity with a country (or an
organisation), and dyadic types need a target actor too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc

from chronik.entities.recognise import EntityResult
from chronik.events.arguments import Arguments
from chronik.events.dates import find_dates
from chronik.events.lexicon import EventLexicon, Trigger
from chronik.events.lexicon import fold as fold_lemma
from chronik.events.merge import merge_events
from chronik.events.places import location_in, place
from chronik.kb.geography import Gazetteer
from chronik.language.docbuild import text_of
from chronik.language.parsed import Parsed
from chronik.model import Event, EventDate, Location, Quote, Span
from chronik.quotes.lexicon import SpeechLexicon
from chronik.quotes.phrases import clause_bounds

# Types that make sense without a target (a protest, a mobilisation, a retreat).
_MONADIC = frozenset({"PROTEST", "MOBILIZE", "RETREAT"})
_VERB_TAGS = frozenset({"VVFIN", "VVINF", "VVPP", "VVIZU", "VVIMP"})


@dataclass(frozen=True)
class ArticleContext:
    published: dt.date | None
    dateline: str | None
    quotes: list[Quote]


class EventCoder:
    def __init__(self, lexicon: EventLexicon, gazetteer: Gazetteer, speech: SpeechLexicon) -> None:
        self._lexicon = lexicon
        self._gazetteer = gazetteer
        self._speech = speech

    def run(self, parsed: Parsed, entities: EntityResult, context: ArticleContext) -> list[Event]:
        doc = parsed.doc
        arguments = Arguments(doc, entities)
        events: list[Event] = []
        for sentence in parsed.sentences:
            found, consumed = self._triggers(doc, sentence.start, sentence.end)
            coded: set[int] = set()  # words already coded: a construction takes its words
            for trigger, index, inner in _absorb_slots(found):
                if index in coded:
                    continue  # one reading per trigger word: the first that finds its actors
                event = self._event(
                    doc,
                    trigger,
                    index,
                    sentence.start,
                    sentence.end,
                    arguments,
                    entities,
                    context,
                    inner,
                )
                if event is not None:
                    events.append(event)
                    coded |= {index} | consumed.get((trigger.trigger, index), set())
        return [
            e.model_copy(update={"id": f"v{n}"})
            for n, e in enumerate(merge_events(events), start=1)
        ]

    def _triggers(
        self, doc: Doc, start: int, end: int
    ) -> tuple[list[tuple[Trigger, int]], dict[tuple[str, int], set[int]]]:
        """Trigger readings with their word, and the words each construction consumed."""
        found: list[tuple[Trigger, int]] = []
        consumed: dict[tuple[str, int], set[int]] = {}
        lemmas = [t.lemma_ for t in doc[start:end]]
        candidates = {c for lemma in set(lemmas) for c in self._lexicon.constructions_for(lemma)}
        for trigger in sorted(candidates, key=lambda c: c.trigger):
            if trigger.pattern is None:
                continue
            positions = trigger.pattern.match(lemmas)
            if positions and (not trigger.pattern.slots or _zu_infinitive(doc, start, end)):
                found.append((trigger, start + positions[0]))
                if not trigger.pattern.slots:
                    consumed[(trigger.trigger, start + positions[0])] = {
                        start + position for position in positions
                    }
        for index in range(start, end):
            token = doc[index]
            pos = "verb" if token.tag_ in _VERB_TAGS else "noun" if token.tag_ == "NN" else None
            if pos is None or token.tag_ == "ADJA":
                continue
            readings = self._lexicon.triggers_for(token.lemma_, pos)
            if all(index != other for _, other in found):
                found.extend((reading, index) for reading in readings)
        return found, consumed

    def _event(
        self,
        doc: Doc,
        trigger: Trigger,
        index: int,
        start: int,
        end: int,
        arguments: Arguments,
        entities: EntityResult,
        context: ArticleContext,
        inner: list[tuple[Trigger, int]],
    ) -> Event | None:
        source_span = arguments.source(index, start, end)
        target_span = (
            arguments.target(index, trigger.target, start, end) if trigger.target else None
        )
        if trigger.pos == "noun" and target_span is None:
            return None  # a noun reports an event only with its participant ("Treffen mit X")
        if arguments.passive(index, start, end):
            source_span, target_span = arguments.agent(index, start, end), source_span
        for inner_trigger, inner_index in inner:  # "bereit, … Beziehungen zu Iran auszubauen"
            target_span = target_span or arguments.target(
                inner_index, (*inner_trigger.target, *_SLOT_TARGETS), inner_index, end
            )
        if trigger.subject_is == "target":
            source_span, target_span = target_span, source_span
        sources, targets = arguments.actors(source_span), arguments.actors(target_span)
        if trigger.reciprocal and len(sources) >= 2 and not targets:
            pass  # "Russland und Iran trafen sich": both sides as source
        elif not sources or (not targets and trigger.type not in _MONADIC):
            return None
        if targets and {a.entity for a in sources} & {a.entity for a in targets}:
            return None
        left, right = clause_bounds(doc, index, start, end)
        modality, factor = self._modality(doc, left, right, index, trigger)
        governed = self._governed(doc, index, start, end)
        if governed is not None and modality == "asserted":
            modality, factor = governed, 0.8
        evidence = _span(doc, start, end)
        location = location_in(doc, start, end, entities, self._gazetteer) or (
            place(context.dateline, None, self._gazetteer) if context.dateline else None
        )
        event_type = trigger.type
        if modality == "intended":
            plover = self._lexicon.plover_type(trigger.type)
            event_type = plover.intended_as if plover and plover.intended_as else event_type
        return Event(
            id="",
            type=event_type,
            mode=trigger.mode or _mode(event_type, sources, targets, location),
            context=list(self._lexicon.contexts_in(t.lemma_ for t in doc[start:end])),
            source=sources,
            target=targets,
            location=location,
            date=_date(evidence.text, context.published),
            modality=modality,  # type: ignore[arg-type]
            evidence=evidence,
            confidence=round(min(1.0, trigger.weight * factor * (1.0 if targets else 0.8)), 3),
            trigger=_span(doc, index, index + 1),
            cameo=trigger.cameo or None,
            quote=_quote_of(doc[index].idx, context.quotes),
        )

    def _governed(self, doc: Doc, trigger: int, start: int, end: int) -> str | None:
        """An event in a ``zu`` clause under a demand or a promise is not asserted:
        ``wurde aufgefordert, … zu öffnen`` (hypothetical), ``kündigte an, zurückzutreten``,
        ``bemühte sich um …`` (intended)."""
        return self._governed_clause(doc, trigger, start, end)

    def _governed_clause(self, doc: Doc, trigger: int, start: int, end: int) -> str | None:
        left, right = clause_bounds(doc, trigger, start, end)
        if not any(t.tag_ in ("VVIZU", "PTKZU") for t in doc[left:right]):
            return None
        for index in range(left - 1, start - 1, -1):
            token = doc[index]
            if token.lemma_ in _INTENT_WORDS:
                return "intended"  # "die Bereitschaft erklärt, … Gespräche … einzutreten"
            if not token.tag_.startswith("V"):
                continue
            speech = self._speech.verb(token.lemma_)
            if speech is not None and "directive" in speech.classes:
                return "hypothetical"
            if (speech is not None and "commissive" in speech.classes) or (
                token.lemma_ in _INTENT_VERBS
            ):
                return "intended"
        return None

    def _modality(
        self, doc: Doc, left: int, right: int, trigger: int, reading: Trigger
    ) -> tuple[str, float]:
        """The first cue in the trigger's clause, or a sentence-wide one (``wenn``,
        ``falls``) anywhere in its sentence; forms (``würden``) before lemmas (``werden``)."""
        own = {fold_lemma(reading.trigger)} | set(reading.pattern.lemmas if reading.pattern else ())
        sentence = doc[trigger].sent
        for token in sentence:
            in_clause = left <= token.i < right
            if token.tag_ in ("NN", "NE") or token.i == trigger or fold_lemma(token.lemma_) in own:
                continue  # objects are no cues, and "forderte" is the REQUEST itself
            for cue in (
                self._lexicon.modality_cue(token.lower_),
                self._lexicon.modality_cue(token.lemma_),
            ):
                if cue is None or cue.maps_to == "asserted":
                    continue
                if (cue.kind == "form" and token.lower_ != cue.cue.lower()) or (
                    not in_clause and cue.scope != "sentence"
                ):
                    continue
                if cue.maps_to == "future" and not _future(doc, token.i, left, right):
                    continue
                return cue.maps_to, cue.factor or 1.0
        return "asserted", 1.0


# Nouns and adjectives of readiness and intent that govern a zu-clause.
_INTENT_WORDS = frozenset({"Bereitschaft", "Absicht", "Plan", "Vorhaben", "Ziel", "Angebot"})
# Verbs of intending that are not speech acts ("sich bemühen", "versuchen", "planen").
_INTENT_VERBS = frozenset(
    {
        "bemühen",
        "versuchen",
        "planen",
        "beabsichtigen",
        "vorhaben",
        "erwägen",
        "anstreben",
        "beschließen",
        "wollen",
    }
)
_PRESENT_WERDEN = frozenset({"werde", "wirst", "wird", "werden", "werdet"})


def _future(doc: Doc, index: int, left: int, right: int) -> bool:
    """``wird … angreifen``: present ``werden`` with an infinitive, not a passive ``wurde``."""
    if doc[index].lower_ not in _PRESENT_WERDEN:
        return doc[index].lemma_ != "werden" and doc[index].tag_ not in ("VAFIN",)
    return any(t.tag_ in ("VVINF", "VAINF", "VMINF") for t in doc[left:right])


_SLOT_TARGETS = ("prep:mit", "prep:zu", "prep:gegenüber", "dat")


def _absorb_slots(
    found: list[tuple[Trigger, int]],
) -> list[tuple[Trigger, int, list[tuple[Trigger, int]]]]:
    """A construction with a slot (``bereit sein <zu-inf>``) takes the triggers after it
    as its content: they describe what is offered, not events of their own."""
    slots = [(t, i) for t, i in found if t.pattern is not None and t.pattern.slots]
    if not slots:
        return [(t, i, []) for t, i in found]
    outer, position = min(slots, key=lambda item: item[1])
    inner = [(t, i) for t, i in found if i > position and (t, i) != (outer, position)]
    rest = [(t, i, []) for t, i in found if i < position and (t, i) != (outer, position)]
    return [*rest, (outer, position, inner)]


def _zu_infinitive(doc: Doc, start: int, end: int) -> bool:
    return any(t.tag_ in ("VVIZU", "PTKZU") for t in doc[start:end])


def _span(doc: Doc, start: int, end: int) -> Span:
    while end > start and doc[end - 1].is_space:
        end -= 1
    last = doc[end - 1]
    return Span.of(text_of(doc), doc[start].idx, last.idx + len(last.text))


def _date(text: str, published: dt.date | None) -> EventDate | None:
    found = find_dates(text, published)
    if not found:
        return None
    best = found[0]
    return EventDate(value=best.value, precision=best.precision, text=best.text)  # type: ignore[arg-type]


def _mode(event_type: str, sources: list, targets: list, location: Location | None) -> str | None:  # type: ignore[type-arg]
    """A meeting in one side's country with the other side from abroad is a visit."""
    if event_type != "CONSULT" or location is None or location.country is None:
        return None
    sides = {a.country for a in sources}, {a.country for a in targets}
    home = [location.country in side for side in sides]
    if any(home) and not all(home):
        return "visit"
    return None


def _quote_of(offset: int, quotes: list[Quote]) -> str | None:
    for quote in quotes:
        for part in quote.content_parts or [quote.content]:
            if part.start <= offset < part.end:
                return quote.id
    return None
