"""An Article's text cut into segments for display, each with the marks that cover it.

Marks (entity mentions, quote contents, speakers, cues, event triggers, structure zones)
may overlap or nest; the text is split at every mark boundary, so each segment carries
the full set of marks covering it and no HTML element ever crosses another. A mark's
anchor (``event-E3``) sits on the segment where it starts, for links to the evidence.
Nothing here produces HTML: the template renders segments with autoescaping.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from chronik.model import Actor, Article, Event, Quote, Span

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    classes: tuple[str, ...]
    label: str  # one line of the tooltip
    record: str | None = None  # id of the record shown in the side panel
    anchor: str | None = None  # element id placed where the mark starts


@dataclass
class Segment:
    text: str
    classes: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    records: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return "\n".join(self.labels)


@dataclass(frozen=True)
class RecordView:
    """A record for the side panel: a heading and its fields, all plain text."""

    id: str
    kind: str
    heading: str
    fields: list[tuple[str, str]]


def dom_id(kind: str, record_id: str) -> str:
    """A safe element id for a record, e.g. ``event-E3``."""
    return f"{kind}-{_UNSAFE_ID.sub('_', record_id)}"


def segments(article: Article) -> list[Segment]:
    return split(article.text, marks(article))


def split(text: str, found: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every boundary of ``found``; each piece lists the marks covering it."""
    valid = [m for m in found if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    result: list[Segment] = []
    order = sorted(valid, key=lambda m: (m.start, -m.end))
    active: list[Mark] = []
    next_mark = 0
    for start, end in itertools.pairwise(cuts):
        active = [m for m in active if m.end > start]
        while next_mark < len(order) and order[next_mark].start == start:
            active.append(order[next_mark])
            next_mark += 1
        result.append(_segment(text[start:end], start, active))
    return result


def _segment(text: str, start: int, active: list[Mark]) -> Segment:
    segment = Segment(text)
    for mark in active:
        segment.classes.extend(c for c in mark.classes if c not in segment.classes)
        if mark.label not in segment.labels:
            segment.labels.append(mark.label)
        if mark.record and mark.record not in segment.records:
            segment.records.append(mark.record)
        if mark.anchor and mark.start == start:
            segment.anchors.append(mark.anchor)
    return segment


def marks(article: Article) -> list[Mark]:
    return [*_zones(article), *_entities(article), *_quotes(article), *_events(article)]


def _zones(article: Article) -> list[Mark]:
    structure = article.structure
    found = [
        Mark(b.span.start, b.span.end, ("zone-grey", "zone-boilerplate"), f"boilerplate ({b.kind})")
        for b in structure.boilerplate
    ]
    found += [
        Mark(s.start, s.end, ("zone-grey", "zone-related"), "related article")
        for s in structure.related
    ]
    for caption in structure.captions:
        found.append(Mark(caption.span.start, caption.span.end, ("zone-caption",), "caption"))
        if caption.credit:
            found.append(Mark(caption.credit.start, caption.credit.end, ("zone-grey",), "credit"))
    for name in ("rubric", "title", "lead", "dateline"):
        span = getattr(structure, name)
        if span is not None:
            found.append(Mark(span.start, span.end, (f"zone-{name}",), name))
    return found


def _entities(article: Article) -> list[Mark]:
    found = []
    for entity in article.entities:
        record = dom_id("entity", entity.id)
        label = f"{entity.type} {entity.name}" + (f" ({entity.country})" if entity.country else "")
        for number, mention in enumerate(entity.mentions):
            anchor = record if number == 0 else None
            classes = ("ent", f"e-{entity.type}", f"mention-{mention.kind}")
            found.append(Mark(mention.start, mention.end, classes, label, record, anchor))
    return found


def _quotes(article: Article) -> list[Mark]:
    found = []
    for quote in article.quotes:
        record = dom_id("quote", quote.id)
        who = _speaker(article, quote)
        parts = quote.content_parts or [quote.content]
        for number, part in enumerate(parts):
            anchor = record if number == 0 else None
            label = f"{quote.form} quote of {who}"
            found.append(
                Mark(part.start, part.end, ("quote", f"quote-{quote.form}"), label, record, anchor)
            )
        for cue in quote.cue_parts or ([quote.cue] if quote.cue else []):
            found.append(Mark(cue.start, cue.end, ("cue",), f"cue of a quote of {who}", record))
        if quote.speaker_span:
            span = quote.speaker_span
            found.append(Mark(span.start, span.end, ("speaker",), f"speaker: {who}", record))
    return found


def _events(article: Article) -> list[Mark]:
    found = []
    for event in article.events:
        record = dom_id("event", event.id)
        span: Span = event.trigger or event.evidence
        kind = "trigger" if event.trigger else "evidence"
        classes = (kind, f"t-{event.type}")
        found.append(Mark(span.start, span.end, classes, _event_line(event), record, record))
    return found


def _event_line(event: Event) -> str:
    sides = " → ".join(
        ", ".join(actor.text + (f" ({actor.country})" if actor.country else "") for actor in side)
        or "?"
        for side in (event.source, event.target)
    )
    return f"{event.type} ({event.modality}): {sides}"


def records(article: Article) -> list[RecordView]:
    """Every event, quote and entity of the article, for the side panel and the lists."""
    views = [_event_view(event) for event in article.events]
    views += [_quote_view(quote, _speaker(article, quote)) for quote in article.quotes]
    views += [
        RecordView(
            dom_id("entity", e.id),
            "entity",
            f"{e.type} {e.name}",
            _present(
                [
                    ("kind", e.kind),
                    ("knowledge base", e.kb_id),
                    ("country", e.country),
                    ("sector", e.sector),
                    ("roles", ", ".join(e.roles)),
                    ("mentions", ", ".join(dict.fromkeys(m.text for m in e.mentions))),
                ]
            ),
        )
        for e in article.entities
    ]
    return views


def _event_view(event: Event) -> RecordView:
    place = event.location
    return RecordView(
        dom_id("event", event.id),
        "event",
        f"{event.type}" + (f"/{event.mode}" if event.mode else ""),
        _present(
            [
                ("PLOVER type", event.type),
                ("source", _actors(event.source)),
                ("target", _actors(event.target)),
                (
                    "place",
                    place.name + (f" ({place.country})" if place.country else "")
                    if place
                    else None,
                ),
                ("date", f"{event.date.value} ({event.date.text})" if event.date else None),
                ("modality", event.modality),
                ("confidence", f"{event.confidence:.2f}"),
                ("context", ", ".join(event.context)),
                ("CAMEO", event.cameo),
                ("trigger", event.trigger.text if event.trigger else None),
                ("evidence", event.evidence.text),
            ]
        ),
    )


def _speaker(article: Article, quote: Quote) -> str:
    """The speaker's entity name, else the words naming the speaker."""
    names = {entity.id: entity.name for entity in article.entities}
    if quote.speaker and quote.speaker in names:
        return names[quote.speaker]
    return quote.speaker_span.text if quote.speaker_span else "unknown speaker"


def _quote_view(quote: Quote, speaker: str) -> RecordView:
    return RecordView(
        dom_id("quote", quote.id),
        "quote",
        f"{quote.form} quote",
        _present(
            [
                ("speaker", speaker),
                ("speaker in the text", quote.speaker_span.text if quote.speaker_span else None),
                ("cue", quote.cue.text if quote.cue else None),
                ("addressee", quote.addressee_span.text if quote.addressee_span else None),
                ("content", quote.content.text),
            ]
        ),
    )


def _actors(actors: list[Actor]) -> str:
    return "; ".join(
        a.text + "".join(f" ({x})" for x in (a.country, a.sector) if x) for a in actors
    )


def _present(pairs: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
    return [(name, value) for name, value in pairs if value]
