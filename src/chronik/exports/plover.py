"""PLOVER JSON Lines: one record per event, in the shape event-data users know from
POLECAT (event type, mode, context, actors with country and sector, place, date), with
Chronik's evidence: the article, the sentence and its offsets."""

from __future__ import annotations

from typing import Any

from chronik.model import Actor, Article, Entity, Event


def _actor(actor: Actor, entities: dict[str, Entity]) -> dict[str, Any]:
    entity = entities.get(actor.entity or "")
    return {
        "name": entity.name if entity else actor.text,
        "text": actor.text,
        "country": actor.country,
        "sector": actor.sector,
        "kb_id": entity.kb_id if entity else None,
        "type": entity.type if entity else None,
    }


def plover_record(article: Article, event: Event) -> dict[str, Any]:
    entities = {entity.id: entity for entity in article.entities}
    return {
        "event_id": f"{article.id}-{event.id}",
        "event_type": event.type,
        "mode": event.mode,
        "context": event.context,
        "modality": event.modality,
        "event_date": event.date.value if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "date_text": event.date.text if event.date else None,
        "actors": [_actor(a, entities) for a in event.source],
        "recipients": [_actor(a, entities) for a in event.target],
        "location": event.location.model_dump() if event.location else None,
        "cameo": event.cameo,
        "confidence": event.confidence,
        "evidence": event.evidence.model_dump(),
        "evidence_more": [span.model_dump() for span in event.evidence_more],
        "quote_id": event.quote,
        "article_id": article.id,
        "published": article.published,
        "outlet": article.source.outlet,
        "url": article.source.url,
        "language": article.language,
    }


def plover_records(article: Article) -> list[dict[str, Any]]:
    return [plover_record(article, event) for event in article.events]
