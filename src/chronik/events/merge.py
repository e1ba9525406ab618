"""One record per real event in an article: reports with the same type and the same
sides merge; the first report stays the evidence, the others go to ``evidence_more``."""

from __future__ import annotations

from chronik.model import Actor, Event

# Types where who is source and who is target says nothing (a meeting, joint action).
SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})


def _side(actors: list[Actor]) -> frozenset[str]:
    return frozenset(a.country or a.entity or a.text for a in actors)


def event_key(event: Event) -> tuple[str, frozenset[str], frozenset[str]]:
    source, target = _side(event.source), _side(event.target)
    if event.type in SYMMETRIC:
        return event.type, source | target, frozenset()
    return event.type, source, target


def merge_events(events: list[Event]) -> list[Event]:
    merged: dict[tuple[str, frozenset[str], frozenset[str]], Event] = {}
    for event in events:
        key = (*event_key(event)[:1], *event_key(event)[1:])
        if event.modality != "asserted":
            key = (f"{key[0]}/{event.modality}", key[1], key[2])
        kept = merged.get(key)  # type: ignore[arg-type]
        if kept is None:
            merged[key] = event  # type: ignore[index]
            continue
        known = [kept.evidence, *kept.evidence_more]
        more = [*kept.evidence_more, *([event.evidence] if event.evidence not in known else [])]
        merged[key] = kept.model_copy(  # type: ignore[index]
            update={
                "evidence_more": more,
                "date": kept.date or event.date,
                "location": kept.location or event.location,
                "mode": kept.mode or event.mode,
                "context": sorted(set(kept.context) | set(event.context)),
                "confidence": round(min(1.0, max(kept.confidence, event.confidence) + 0.05), 3),
            }
        )
    return list(merged.values())
