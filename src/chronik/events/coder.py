"""The event stage: triggers in analysed sentences → PLOVER records with actors, place,
date and modality; repeated reports of one event in an article merged into one record.

Precision first: an event needs a source actor that is an entity with a country (or an
organisation), and dyadic types need a target actor too — except a state's criticism
or accusation of a thing (``Russland kritisierte die Pläne``), coded without a target.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronik.entities.recognise import EntityResult
from chronik.events.arguments import RELATIONAL_NOUNS, Arguments
from chronik.events.confidence import EventEvidence, actor_strength
from chronik.events.dates import find_dates
from chronik.events.domains import DomainCues
from chronik.events.groups import GroupResolver
from chronik.events.lexicon import EventLexicon, Trigger
from chronik.events.lexicon import fold as fold_lemma
from chronik.events.merge import merge_events
from chronik.events.places import location_in, place
from chronik.events.readings import (
    attributive_negation,
    governed_noun,
    modal_passive,
    predicative,
    verbal_attack,
)
from chronik.kb.geography import Gazetteer
from chronik.language.docbuild import text_of
from chronik.language.parsed import Parsed
from chronik.language.tokens_view import view
from chronik.model import Actor, Entity, Event, EventDate, Location, Quote, Span
from chronik.quotes.lexicon import SpeechLexicon
from chronik.quotes.phrases import clause_bounds

# Types that make sense without a target (a protest, a mobilisation, a retreat).
_MONADIC = frozenset({"PROTEST", "MOBILIZE", "RETREAT"})
# Types a state may direct at a thing rather than an actor ("Russland kritisierte die
# Pläne"): coded without a target, as POLECAT does, but only from an unambiguous verb
# with a clear state source, and with lower confidence (confidence.MISSING_TARGET).
# Investigations are left out: "untersuchte das Wrack" examines a thing, no political act.
_TARGET_OPTIONAL = {"ACCUSE": frozenset({"disapprove", "allege"})}
_VERB_TAGS = frozenset({"VVFIN", "VVINF", "VVPP", "VVIZU", "VVIMP"})


@dataclass(frozen=True)
class ArticleContext:
    published: dt.date | None
    dateline: str | None
    quotes: list[Quote]


class EventCoder:
    def __init__(
        self,
        lexicon: EventLexicon,
        gazetteer: Gazetteer,
        speech: SpeechLexicon,
        domains: DomainCues | None = None,
    ) -> None:
        self._lexicon = lexicon
        self._gazetteer = gazetteer
        self._speech = speech
        self._domains = domains or DomainCues.load()
        # Reported speech keeps the confidence factor of the lexicon's Konjunktiv I row.
        self._reported_factor = next(
            (c.factor for c in lexicon.cues if c.kind == "feature" and c.cue == "Konjunktiv I"),
            1.0,
        )

    def run(self, parsed: Parsed, entities: EntityResult, context: ArticleContext) -> list[Event]:
        doc = parsed.doc
        starts = [sentence.start for sentence in parsed.sentences]
        groups = GroupResolver(doc, entities, starts)
        arguments = Arguments(doc, entities, self._attributive_head, groups)
        events: list[Event] = []
        for sentence in parsed.sentences:
            found, consumed = self._triggers(doc, sentence.start, sentence.end)
            if not found:
                continue
            in_sentence: list[Event] = []
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
                    consumed.get((trigger.trigger, index), set()),
                )
                if event is not None:
                    in_sentence.append(event)
                    coded |= {index} | consumed.get((trigger.trigger, index), set())
            if in_sentence and not self._off_topic(doc, sentence.start, sentence.end):
                events.extend(in_sentence)
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
        tokens = view(doc)
        lemmas = tokens.lemmas[start:end]
        keys = [fold_lemma(lemma) for lemma in lemmas]
        present = set(keys)
        candidates = {c for key in present for c in self._lexicon.anchored_constructions(key)}
        for trigger in sorted(candidates, key=lambda c: c.trigger):
            if trigger.pattern is None or not trigger.pattern.possible_in(present):
                continue
            positions = trigger.pattern.match_folded(keys)
            if positions and (not trigger.pattern.slots or _zu_infinitive(doc, start, end)):
                found.append((trigger, start + positions[0]))
                if not trigger.pattern.slots:
                    consumed[(trigger.trigger, start + positions[0])] = {
                        start + position for position in positions
                    }
        # Words a construction took keep its reading alone (later words are never in it).
        construction_words = {other for _, other in found}
        tags = tokens.tags
        for index in range(start, end):
            tag = tags[index]
            pos = "verb" if tag in _VERB_TAGS else "noun" if tag == "NN" else None
            if pos is None or index in construction_words:
                continue
            readings = self._lexicon.triggers_for(tokens.lemmas[index], pos)
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
        parts: set[int],
    ) -> Event | None:
        if modal_passive(doc, index, start, end):
            return None  # "ist über Satellit zu empfangen": can be done, not done
        if trigger.pos == "noun":
            if predicative(doc, index, start):
                return None  # "verurteilte ihn als Anschlag": a label, not a report
            source_span = arguments.noun_source(index, trigger.passive_agent, start, end)
        else:
            source_span = arguments.source(index, start, end)
        target_span = (
            arguments.target(index, trigger.target, start, end) if trigger.target else None
        )
        if trigger.pos == "noun" and target_span is None:
            return None  # a noun reports an event only with its participant ("Treffen mit X")
        passive = any(arguments.passive(i, start, end) for i in sorted({index} | parts))
        if passive:
            source_span, target_span = arguments.agent(index, start, end), source_span
        for inner_trigger, inner_index in inner:  # "bereit, … Beziehungen zu Iran auszubauen"
            target_span = target_span or arguments.target(
                inner_index, (*inner_trigger.target, *_SLOT_TARGETS), inner_index, end
            )
        if trigger.subject_is == "target":
            source_span, target_span = target_span, source_span
        source_mentions = arguments.actor_mentions(source_span)
        target_mentions = arguments.actor_mentions(target_span)
        sources = [actor for actor, _, _ in source_mentions]
        targets = [actor for actor, _, _ in target_mentions]
        national = self._adjective_actor(doc, index, start) if trigger.pos == "noun" else None
        if national is not None:  # "ein israelischer Angriff auf Gaza": Israel attacks
            sources, source_mentions, source_span = [national], [], (index - 1, index)
        if trigger.reciprocal and len(sources) >= 2 and not targets:
            pass  # "Russland und Iran trafen sich": both sides as source
        elif not sources or (
            not targets
            and trigger.type not in _MONADIC
            and not self._targetless(doc, trigger, index, source_mentions, passive)
        ):
            return None
        elif trigger.requires_target and not targets:
            return None  # "entließ eine Reihe von Ministern": no released actor, no release
        if targets and {a.entity for a in sources} & {a.entity for a in targets}:
            return None
        left, right = clause_bounds(doc, index, start, end)
        reported = _in_reported_speech(doc[index].idx, context.quotes)
        modality, factor = self._modality(doc, left, right, index, trigger, reported)
        governed = self._governed(doc, index, start, end)
        if governed == "accused":
            return None  # "beschuldigt, die Anschläge verübt zu haben": the ACCUSE event says it
        if governed is not None and modality == "asserted":
            modality, factor = governed, 0.8
        evidence = _span(doc, start, end)
        context_words = list(self._lexicon.contexts_in(t.lemma_ for t in doc[start:end]))
        location = location_in(doc, start, end, entities, self._gazetteer) or (
            place(context.dateline, None, self._gazetteer) if context.dateline else None
        )
        event_type, mode, cameo = trigger.type, trigger.mode, trigger.cameo
        labelled = any(t.lower_ == "als" for t in doc[index + 1 : right])
        if verbal_attack(doc[index].lemma_, event_type, target_mentions, context_words, labelled):
            event_type, mode, cameo = "ACCUSE", "disapprove", "111"
        quote = _quote_of(doc[index].idx, context.quotes)
        evidence_features = EventEvidence(
            trigger_weight=trigger.weight,
            ambiguous=trigger.pattern is None and self._ambiguous(doc[index].lemma_),
            noun_trigger=trigger.pos == "noun",
            passive_agent=passive,
            has_target=bool(targets),
            target_expected=trigger.type in _TARGET_OPTIONAL and not targets,
            source_strength=self._strength(source_mentions, "source"),
            target_strength=self._strength(target_mentions, "target"),
            distance=max(_distance(index, span) for span in (source_span, target_span)),
            sentence_length=end - start,
            modality_factor=factor,
            quoted=quote is not None,
        )
        if modality == "intended":
            plover = self._lexicon.plover_type(trigger.type)
            event_type = plover.intended_as if plover and plover.intended_as else event_type
        return Event(
            id="",
            type=event_type,
            mode=mode or _mode(event_type, sources, targets, location),
            context=context_words,
            source=sources,
            target=targets,
            location=location,
            date=_date(evidence.text, context.published),
            modality=modality,  # type: ignore[arg-type]
            evidence=evidence,
            confidence=evidence_features.score(),
            trigger=_span(doc, index, index + 1),
            cameo=cameo or None,
            quote=quote,
        )

    def _off_topic(self, doc: Doc, start: int, end: int) -> bool:
        """Sports, software, science: event words have other senses there."""
        tokens = doc[start:end]
        return (
            self._domains.domain_of([t.text for t in tokens], [t.lemma_ for t in tokens])
            is not None
        )

    def _attributive_head(self, lemma: str) -> bool:
        """A noun that takes a ``von``/``durch`` phrase as its own attribute: an event
        noun (``Angriffe durch …``, ``Entführung … durch …``) or a relational noun."""
        return (
            lemma in RELATIONAL_NOUNS
            or (lemma.endswith("ung") and len(lemma) > 5)
            or bool(self._lexicon.triggers_for(lemma, "noun"))
        )

    def _adjective_actor(self, doc: Doc, noun: int, start: int) -> Actor | None:
        """A country adjective in the noun's own phrase: ``der russische Angriff``."""
        index = noun - 1
        while index >= start and doc[index].tag_ == "ADJA":
            for ref in self._gazetteer.lookup(doc[index].text):
                if ref.kind == "country_adjective" and ref.iso3:
                    return Actor(entity=None, text=doc[index].text, country=ref.iso3)
            index -= 1
        return None

    def _targetless(
        self,
        doc: Doc,
        trigger: Trigger,
        index: int,
        sources: list[tuple[Actor, Entity, str]],
        passive: bool,
    ) -> bool:
        """Whether an act may stand without a target actor: a disapproval of a thing
        (``kritisierte die Pläne``) by a state named outright, from a verb with no other
        event reading."""
        return (
            trigger.mode in _TARGET_OPTIONAL.get(trigger.type, ())
            and trigger.pos != "noun"
            and not trigger.requires_target
            and not passive
            and not (trigger.pattern is None and self._ambiguous(doc[index].lemma_))
            and bool(sources)
            and self._strength(sources, "source") == 1.0
        )

    def _ambiguous(self, lemma: str) -> bool:
        """The word has readings of more than one event type (``treffen``: meet or hit)."""
        return len({reading.type for reading in self._lexicon.triggers_for(lemma)}) > 1

    def _strength(self, mentions: list[tuple[Actor, Entity, str]], role: str) -> float:
        """The best actor of a side (1.0 for a side with no actors: nothing to doubt)."""
        if not mentions:
            return 1.0
        return max(
            actor_strength(entity, kind, capital=self._is_capital(entity), role=role)
            for _, entity, kind in mentions
        )

    def _is_capital(self, entity: Entity) -> bool:
        if entity.kind != "city" or entity.country is None:
            return False
        country = self._gazetteer.country(entity.country)
        return country is not None and country.capital_de == entity.name

    def _governed(self, doc: Doc, trigger: int, start: int, end: int) -> str | None:
        """An event in a ``zu`` clause under a demand or a promise is not asserted:
        ``wurde aufgefordert, … zu öffnen`` (hypothetical), ``kündigte an, zurückzutreten``
        (intended); under an accusation it is what is alleged (``accused``). A noun in a
        ``zu``/``um`` phrase of an inviting or striving verb is not asserted either:
        ``zu Gesprächen geladen`` (hypothetical), ``bemühte sich um Vermittlung`` (intended)."""
        return self._governed_clause(doc, trigger, start, end) or governed_noun(
            doc, trigger, start, end
        )

    def _governed_clause(self, doc: Doc, trigger: int, start: int, end: int) -> str | None:
        left, right = clause_bounds(doc, trigger, start, end)
        if not any(t.tag_ in ("VVIZU", "PTKZU") for t in doc[left:right]):
            return None
        for index in range(left - 1, start - 1, -1):
            token = doc[index]
            if token.lemma_ in _INTENT_WORDS:
                return "intended"  # "die Bereitschaft erklärt, … Gespräche … einzutreten"
            if token.lemma_ in _DEMAND_WORDS:
                return "hypothetical"  # "steht unter Druck, zurückzutreten"
            if not token.tag_.startswith("V"):
                continue
            if any(r.type == "ACCUSE" for r in self._lexicon.triggers_for(token.lemma_, "verb")):
                return "accused"
            speech = self._speech.verb(token.lemma_)
            if speech is not None and "directive" in speech.classes:
                return "hypothetical"
            if (speech is not None and "commissive" in speech.classes) or (
                token.lemma_ in _INTENT_VERBS
            ):
                return "intended"
        return None

    def _modality(
        self,
        doc: Doc,
        left: int,
        right: int,
        trigger: int,
        reading: Trigger,
        reported: bool = False,
    ) -> tuple[str, float]:
        """The first cue in the trigger's clause, or a sentence-wide one (``wenn``,
        ``falls``) anywhere in its sentence; forms (``würden``) before lemmas (``werden``).

        In indirect speech a perfect with ``hätten``/``wäre`` stands in for Konjunktiv I
        where that would look like the indicative (``Beide Länder hätten vereinbart, …,
        sagte sie``): it reports, like Konjunktiv I, and is not counterfactual."""
        own = {fold_lemma(reading.trigger)} | set(reading.pattern.lemmas if reading.pattern else ())
        sentence = doc[trigger].sent
        for token in sentence:
            in_clause = left <= token.i < right
            if token.tag_ in ("NN", "NE") or token.i == trigger or fold_lemma(token.lemma_) in own:
                continue  # objects are no cues, and "forderte" is the REQUEST itself
            if token.tag_ == "PTKNEG" and attributive_negation(doc, token.i):
                continue
            if reported and in_clause and self._reporting_perfect(doc, token, left, right):
                return "asserted", self._reported_factor
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

    def _reporting_perfect(self, doc: Doc, token: Token, left: int, right: int) -> bool:
        """A Konjunktiv II auxiliary cue of haben/sein (``hätten``, ``wäre``) with a
        participle, in a sentence with no conditional cue (``wenn``, ``falls``)."""
        if token.lemma_ not in ("haben", "sein") or not any(
            cue.kind == "form" and cue.pos == "aux" and cue.maps_to == "hypothetical"
            for cue in self._lexicon.modality_cues(token.lower_)
        ):
            return False
        if not any(t.tag_ == "VVPP" for t in doc[left:right]):
            return False
        return not any(
            cue.scope == "sentence" and cue.maps_to == "hypothetical"
            for other in token.sent
            for cue in self._lexicon.modality_cues(other.lemma_)
        )


# Nouns and adjectives of readiness and intent that govern a zu-clause.
_INTENT_WORDS = frozenset({"Bereitschaft", "Absicht", "Plan", "Vorhaben", "Ziel", "Angebot"})
# Nouns of demand and pressure that govern a zu-clause: what is demanded has not happened.
_DEMAND_WORDS = frozenset({"Druck", "Forderung", "Aufforderung", "Appell", "Aufruf", "Ultimatum"})
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


def _distance(trigger: int, span: tuple[int, int] | None) -> int:
    """Tokens between the trigger and the nearest word of an actor phrase."""
    if span is None or span[0] <= trigger < span[1]:
        return 0
    return span[0] - trigger if span[0] > trigger else trigger - (span[1] - 1)


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


def _in_reported_speech(offset: int, quotes: list[Quote]) -> bool:
    """Whether ``offset`` lies in the content of indirect or free indirect speech."""
    return any(
        part.start <= offset < part.end
        for quote in quotes
        if quote.form in ("indirect", "free_indirect")
        for part in quote.content_parts or [quote.content]
    )


def _quote_of(offset: int, quotes: list[Quote]) -> str | None:
    for quote in quotes:
        for part in quote.content_parts or [quote.content]:
            if part.start <= offset < part.end:
                return quote.id
    return None
