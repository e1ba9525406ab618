"""``chronik eval quotes DIR``: SpkAtt-style scoring of Chronik's quotations.

Speech events are matched one to one by the overlap of their messages (largest overlap
first); each role is scored by token overlap over matched pairs, against all predicted
and all gold tokens of that role; joint scores pool the four roles.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from chronik.evaluation.spkatt import (
    FORM_TO_SPKATT,
    ROLES,
    SpeechEvent,
    SpkAttDocument,
    message_bounds,
)
from chronik.language.docbuild import text_of
from chronik.resources import Resources


@dataclass
class RoleCounts:
    overlap: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)

    def add(self, gold: list[SpeechEvent], predicted: list[SpeechEvent]) -> None:
        for event in gold:
            for role in ROLES:
                self.gold[role] += len(event.roles[role])
        for event in predicted:
            for role in ROLES:
                self.predicted[role] += len(event.roles[role])
        for gold_event, predicted_event in match(gold, predicted):
            for role in ROLES:
                self.overlap[role] += len(gold_event.roles[role] & predicted_event.roles[role])

    def scores(self, role: str | None = None) -> tuple[float, float, float]:
        roles = (role,) if role else ROLES
        overlap = sum(self.overlap[r] for r in roles)
        predicted = sum(self.predicted[r] for r in roles)
        gold = sum(self.gold[r] for r in roles)
        precision = overlap / predicted if predicted else 0.0
        recall = overlap / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def match(
    gold: list[SpeechEvent], predicted: list[SpeechEvent]
) -> list[tuple[SpeechEvent, SpeechEvent]]:
    pairs = sorted(
        (
            (len(g.roles["Message"] & p.roles["Message"]), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    matched = []
    for overlap, gi, pi in pairs:
        if overlap == 0:
            break
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        matched.append((gold[gi], predicted[pi]))
    return matched


def predict(resources: Resources, document: SpkAttDocument) -> list[SpeechEvent]:
    """Chronik's quotes on the gold tokenisation, as SpkAtt speech events."""
    parsed = resources.german.process_sentences([list(s) for s in document.sentences])
    found = resources.entities.run(parsed, None)
    quotes = resources.quotes.run(parsed, found)
    position = {}
    for sentence_number, sentence in enumerate(parsed.sentences):
        for offset, token in enumerate(parsed.doc[sentence.start : sentence.end]):
            position[token.idx] = (sentence_number, offset)
    starts = sorted(position)

    def tokens(span_start: int, span_end: int) -> frozenset[tuple[int, int]]:
        return frozenset(position[s] for s in starts if span_start <= s < span_end)

    text = text_of(parsed.doc)
    events = []
    for quote in quotes:
        parts = message_bounds(text, quote)
        cues = quote.cue_parts or ([quote.cue] if quote.cue else [])
        roles = {
            "Message": frozenset().union(*(tokens(a, b) for a, b in parts)),
            "Cue": frozenset().union(*(tokens(c.start, c.end) for c in cues)),
            "Source": tokens(quote.speaker_span.start, quote.speaker_span.end)
            if quote.speaker_span
            else frozenset(),
            "Addr": tokens(quote.addressee_span.start, quote.addressee_span.end)
            if quote.addressee_span
            else frozenset(),
        }
        events.append(SpeechEvent(roles, FORM_TO_SPKATT.get(quote.form)))
    return events


def evaluate(resources: Resources, documents: list[SpkAttDocument]) -> RoleCounts:
    counts = RoleCounts()
    for document in documents:
        counts.add(list(document.events), predict(resources, document))
    return counts
