"""Entities for the output: name, type, knowledge-base id, country and sector codes."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from spacy.tokens import Doc

from chronik.entities.coreference import Cluster
from chronik.entities.records import Mention
from chronik.kb.knowledge_base import KnowledgeBase
from chronik.kb.people import Office
from chronik.language.docbuild import text_of
from chronik.model import Entity
from chronik.model import Mention as MentionRecord


def build_entities(
    doc: Doc, clusters: list[Cluster], kb: KnowledgeBase, day: dt.date | None
) -> tuple[list[Entity], dict[int, str]]:
    """Entities in order of first mention, and the map from cluster id to entity id."""
    ordered = sorted(clusters, key=lambda c: min(m.start for m in c.mentions))
    entities, ids = [], {}
    for number, cluster in enumerate(ordered, start=1):
        ids[cluster.id] = f"e{number}"
        entities.append(_entity(doc, cluster, f"e{number}", kb, day))
    return entities, ids


def _entity(
    doc: Doc, cluster: Cluster, entity_id: str, kb: KnowledgeBase, day: dt.date | None
) -> Entity:
    reading = cluster.reading
    country, sector, roles = reading.country, reading.sector, list(cluster.roles)
    in_office = False
    if reading.person_id is not None:
        offices = kb.people.offices(reading.person_id, on=day) if day else []
        if offices:
            country = offices[-1].country or country
            sector = offices[-1].sector or sector
            roles += [o.role for o in offices if o.role not in roles]
            in_office = True
        else:  # out of office at the date: still a national of the state they served
            country = country or _served(kb.people.offices(reading.person_id), day)
    # An office held at the date places the person; a role the article gives
    # ("X, damals französische Finanzministerin", of the head of an international
    # body) does not move them back to their country.
    if reading.type == "PER" and not in_office:
        country = country or cluster.role_country
        sector = sector or cluster.role_sector
    mentions = sorted(cluster.mentions, key=lambda m: m.start)
    return Entity(
        id=entity_id,
        name=_name(doc, cluster),
        type=reading.type,  # type: ignore[arg-type]
        kb_id=reading.kb_id,
        country=country,
        sector=sector,
        roles=roles,
        kind=reading.kind,
        mentions=[_mention(doc, m) for m in mentions],
    )


def _served(offices: list[Office], day: dt.date | None) -> str | None:
    """The country of the latest state office a person had begun by ``day``: a former
    minister is still that country's actor, though no longer a minister. A name met
    before its bearer's first office is left unplaced; it may well be someone else."""
    begun = [
        office
        for office in offices
        if office.country
        and not office.org
        and (day is None or office.start is None or office.start.first_day() <= day)
    ]
    return begun[-1].country if begun else None


def _name(doc: Doc, cluster: Cluster) -> str:
    """The article's own form of the name: the KB form if used, else the longest (persons)
    or most frequent name mention, else the knowledge-base name."""
    texts = [_text(doc, m) for m in cluster.mentions if m.kind == "name"]
    if not texts and cluster.reading.kind == "institution":
        # The head in its base form and the country: the surface is inflected
        # ("des estnischen Verteidigungsministeriums").
        return f"{cluster.reading.name} ({cluster.reading.country})"
    if not texts:
        return cluster.reading.name
    if cluster.reading.name in texts:
        return cluster.reading.name
    if cluster.reading.type == "PER":
        longest = max(texts, key=lambda t: (len(t.split()), len(t)))
        # "Putins" alone is no name for Putin; a full name in another spelling is.
        return cluster.reading.name if cluster.reading.kb_id and " " not in longest else longest
    text = Counter(texts).most_common(1)[0][0]
    if cluster.reading.kb_id and _inflected(text, cluster.reading.name):
        return cluster.reading.name  # "Berlins", "des Bundesgerichtshofes"; "IS" stays
    return text


_ENDINGS = ("es", "en", "er", "e", "s", "n")


def _inflected(text: str, name: str) -> bool:
    """``text`` is ``name`` with case endings: ``Europäischen Union``, ``Berlins``."""
    words, base = text.split(), name.split()
    return len(words) == len(base) and all(
        _stem(word) in (_stem(lemma), lemma) for word, lemma in zip(words, base, strict=True)
    )


def _stem(word: str) -> str:
    return next((word[: -len(e)] for e in _ENDINGS if word.endswith(e) and len(word) > 3), word)


def _text(doc: Doc, mention: Mention) -> str:
    return doc[mention.start : mention.end].text


def char_span(doc: Doc, mention: Mention) -> tuple[int, int]:
    last = doc[mention.end - 1]
    return doc[mention.start].idx, last.idx + len(last.text)


def _mention(doc: Doc, mention: Mention) -> MentionRecord:
    start, end = char_span(doc, mention)
    return MentionRecord(start=start, end=end, text=text_of(doc)[start:end], kind=mention.kind)  # type: ignore[arg-type]


def acting_groups_only(entities: list[Entity], referenced: set[str]) -> list[Entity]:
    """Entities without the groups (``zwei russische Diplomaten``) that no event or quote
    names as an actor or speaker: a group is kept as a side of what happens, while the
    entity list is about the people, organisations and places of the article."""
    return [e for e in entities if e.kind != "group" or e.id in referenced]
