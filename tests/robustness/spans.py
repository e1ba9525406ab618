"""Walk an Article and check every offset it holds, whatever the field is called.

A span is any record with integer ``start`` and ``end`` (Span, Mention, …); the walker
recurses through every pydantic field, list and dict, so a field added to the model
later is checked without touching this file.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from chronik.model import Article

# Fields that hold an entity id, wherever they occur (Quote.speaker, Actor.entity, …),
# and fields that hold a quote id (Event.quote).
ENTITY_REFERENCES = frozenset({"speaker", "addressee", "entity"})
QUOTE_REFERENCES = frozenset({"quote"})


def spans_of(value: object, path: str = "article") -> Iterator[tuple[str, BaseModel]]:
    """Every record with ``start`` and ``end`` inside ``value``, with its path."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        if "start" in fields and "end" in fields:
            yield path, value
        for name in fields:
            yield from spans_of(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from spans_of(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from spans_of(item, f"{path}[{key!r}]")


def references_of(
    value: object, names: frozenset[str], path: str = "article"
) -> Iterator[tuple[str, str]]:
    """Every id held by a field with one of ``names``, with its path."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            item = getattr(value, name)
            if name in names and isinstance(item, str):
                yield f"{path}.{name}", item
            else:
                yield from references_of(item, names, f"{path}.{name}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from references_of(item, names, f"{path}[{index}]")


def span_problems(article: Article) -> list[str]:
    """What is wrong with the article's offsets: outside the text, reversed, wrong text."""
    problems = []
    size = len(article.text)
    for path, span in spans_of(article):
        start, end = span.start, span.end  # type: ignore[attr-defined]
        if not (isinstance(start, int) and isinstance(end, int)):
            problems.append(f"{path}: offsets are not integers ({start!r}, {end!r})")
        elif not 0 <= start <= end <= size:
            problems.append(f"{path}: ({start}, {end}) not inside a text of {size}")
        elif getattr(span, "text", None) not in (None, article.text[start:end]):
            covered = article.text[start:end]
            problems.append(f"{path}: text {span.text!r} is not the covered {covered!r}")  # type: ignore[attr-defined]
    return problems


def reference_problems(article: Article) -> list[str]:
    """Entity and quote ids that quotes, events or actors name but the article lacks."""
    entities = {entity.id for entity in article.entities}
    quotes = {quote.id for quote in article.quotes}
    unknown_entities = [
        f"{path}: unknown entity {ref!r}"
        for path, ref in references_of(article, ENTITY_REFERENCES)
        if ref not in entities
    ]
    unknown_quotes = [
        f"{path}: unknown quote {ref!r}"
        for path, ref in references_of(article, QUOTE_REFERENCES)
        if ref not in quotes
    ]
    return unknown_entities + unknown_quotes
