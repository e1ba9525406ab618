"""Where an event happened: a place phrase in its sentence, else the article's dateline."""

from __future__ import annotations

from spacy.tokens import Doc

from chronik.entities.recognise import EntityResult
from chronik.kb.geography import Gazetteer
from chronik.model import Location

_LOCATIVE = frozenset({"in", "im", "nach", "auf", "bei"})
_PRECISION = {"city": "city", "country": "country", "region": "region"}


def location_in(
    doc: Doc, start: int, end: int, entities: EntityResult, gazetteer: Gazetteer
) -> Location | None:
    """A place entity governed by a locative preposition in the sentence (``in Moskau``)."""
    kinds = {e.id: e for e in entities.entities}
    for index, mention in enumerate(entities.mentions):
        if not (start <= mention.start < end) or mention.start == 0:
            continue
        entity = kinds.get(entities.entity_of_mention.get(index, ""))
        if entity is None or entity.kind not in _PRECISION:
            continue
        previous = doc[mention.start - 1].lower_
        if previous in _LOCATIVE or doc[mention.start - 1].tag_ == "APPRART":
            return place(entity.name, entity.kind, gazetteer, entity.country)
    return None


def place(
    name: str, kind: str | None, gazetteer: Gazetteer, country: str | None = None
) -> Location | None:
    refs = gazetteer.lookup(name)
    ref = next((r for r in refs if r.kind in ("capital", "city", "country", "region")), None)
    if ref is None:
        return Location(name=name, country=country, precision=_PRECISION.get(kind or ""))
    precision = "city" if ref.kind in ("capital", "city") else ref.kind
    return Location(
        name=ref.name,
        country=ref.iso3 or country,
        lat=ref.lat,
        lon=ref.lon,
        geonameid=ref.geonameid,
        precision=precision,
    )
