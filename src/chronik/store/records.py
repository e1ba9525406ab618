"""An Article as rows of the store's tables (see schema.py): plain dicts, no I/O.

Built in the worker that analysed the article, so the parent only writes them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from chronik.ingest.document import content_id as text_content_id
from chronik.model import Actor, Article, Entity, Event, Quote, Span

Row = dict[str, Any]


@dataclass
class ArticleRows:
    """The rows of one article, by table; written in one transaction."""

    article_id: str
    content_id: str
    tables: dict[str, list[Row]] = field(default_factory=dict)

    def count(self, table: str) -> int:
        return len(self.tables.get(table, []))


def article_rows(
    article: Article,
    *,
    input_name: str | None = None,
    extra: dict[str, str] | None = None,
    analysed_at: dt.datetime | None = None,
) -> ArticleRows:
    """Every row the store keeps for ``article``; ``analysed_at`` defaults to now (UTC)."""
    content = text_content_id(article.text)
    when = analysed_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return ArticleRows(
        article_id=article.id,
        content_id=content,
        tables={
            "articles": [_article(article, content, input_name, extra, when)],
            "sentences": _sentences(article),
            "entities": [_entity(article.id, entity) for entity in article.entities],
            "mentions": _mentions(article),
            "quotes": [_quote(article.id, quote) for quote in article.quotes],
            "events": [_event(article.id, event) for event in article.events],
            "event_actors": _actors(article),
        },
    )


def _article(
    article: Article,
    content: str,
    input_name: str | None,
    extra: dict[str, str] | None,
    when: dt.datetime,
) -> Row:
    structure = article.structure
    title = structure.title.text if structure.title else article.source.title
    return {
        "id": article.id,
        "content_id": content,
        "outlet": article.source.outlet,
        "url": article.source.url,
        "domain": article.source.domain,
        "published": dt.date.fromisoformat(article.published) if article.published else None,
        "language": article.language,
        "title": title,
        "text": article.text,
        "structure": structure.model_dump_json(),
        "notes": list(article.notes),
        "extra": json.dumps(extra, ensure_ascii=False) if extra else None,
        "input_name": input_name,
        "run_id": None,
        "analysed_at": when,
        "chronik_version": article.chronik_version,
        "article_json": article.model_dump_json(),
    }


def _sentences(article: Article) -> list[Row]:
    return [
        {
            "article_id": article.id,
            "sentence_no": number,
            "start_offset": span.start,
            "end_offset": span.end,
            "text": span.text,
        }
        for number, span in enumerate(article.sentences, start=1)
    ]


def _entity(article_id: str, entity: Entity) -> Row:
    return {
        "article_id": article_id,
        "entity_id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "kb_id": entity.kb_id,
        "country": entity.country,
        "sector": entity.sector,
        "kind": entity.kind,
        "roles": list(entity.roles),
        "mention_count": len(entity.mentions),
    }


def _mentions(article: Article) -> list[Row]:
    return [
        {
            "article_id": article.id,
            "entity_id": entity.id,
            "mention_no": number,
            "start_offset": mention.start,
            "end_offset": mention.end,
            "text": mention.text,
            "kind": mention.kind,
        }
        for entity in article.entities
        for number, mention in enumerate(entity.mentions, start=1)
    ]


def _quote(article_id: str, quote: Quote) -> Row:
    return {
        "article_id": article_id,
        "quote_id": quote.id,
        "form": quote.form,
        **_span("content", quote.content),
        **_span("cue", quote.cue),
        "content_parts": _spans_json(quote.content_parts),
        "cue_parts": _spans_json(quote.cue_parts),
        "speaker_id": quote.speaker,
        **_span("speaker", quote.speaker_span),
        "addressee_id": quote.addressee,
        **_span("addressee", quote.addressee_span),
    }


def _event(article_id: str, event: Event) -> Row:
    location, date = event.location, event.date
    return {
        "article_id": article_id,
        "event_id": event.id,
        "type": event.type,
        "mode": event.mode,
        "context": list(event.context),
        "modality": event.modality,
        "confidence": event.confidence,
        "cameo": event.cameo,
        "quote_id": event.quote,
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "location_lat": location.lat if location else None,
        "location_lon": location.lon if location else None,
        "location_geonameid": location.geonameid if location else None,
        "location_precision": location.precision if location else None,
        "date_value": date.value if date else None,
        "date_precision": date.precision if date else None,
        "date_text": date.text if date else None,
        **_span("trigger", event.trigger),
        **_span("evidence", event.evidence),
        "evidence_more": _spans_json(event.evidence_more or None),
    }


def _actors(article: Article) -> list[Row]:
    return [
        _actor(article.id, event.id, role, number, actor)
        for event in article.events
        for role, actors in (("source", event.source), ("target", event.target))
        for number, actor in enumerate(actors, start=1)
    ]


def _actor(article_id: str, event_id: str, role: str, number: int, actor: Actor) -> Row:
    return {
        "article_id": article_id,
        "event_id": event_id,
        "role": role,
        "actor_no": number,
        "entity_id": actor.entity,
        "text": actor.text,
        "country": actor.country,
        "sector": actor.sector,
    }


def _span(name: str, span: Span | None) -> Row:
    if span is None:
        return {f"{name}_start": None, f"{name}_end": None, f"{name}_text": None}
    return {f"{name}_start": span.start, f"{name}_end": span.end, f"{name}_text": span.text}


def _spans_json(spans: list[Span] | None) -> str | None:
    if spans is None:
        return None
    return json.dumps([span.model_dump() for span in spans], ensure_ascii=False)
