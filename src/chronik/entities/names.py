"""Names from the knowledge base, matched on token sequences (longest match first).

Multi-word names (``Sergei Schoigu``, ``Vereinigte Staaten``, ``Islamischer Staat``) go
into a trie keyed by token texts; single tokens are looked up directly, which also
covers genitives (``Russlands``, ``Putins``) that the tables resolve themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chronik.entities.records import Reading
from chronik.kb.geography import GeoRef
from chronik.kb.knowledge_base import KnowledgeBase
from chronik.kb.organisations import Organisation, Party
from chronik.kb.organisations import kb_id as org_kb_id
from chronik.kb.people import Person
from chronik.kb.people import kb_id as person_kb_id
from chronik.memo import Memo

MAX_NAME_TOKENS = 6
# Word forms whose readings are remembered; past this many the memo starts afresh, so a
# long-running process does not grow without bound.
# Parties named by one German word (die Grünen, der Linken, die Union) in the countries
# whose press writes about them under those words; earlier ones win when names clash.
_PARTY_COUNTRIES = ("DEU", "AUT", "CHE")
_MIN_PARTY_WORD = 4
_MIN_PARTY_ACRONYM = 3  # "SP", "BP", "Z" are too often something else
# "die Union" is the European Union as often as CDU/CSU, so it alone decides nothing.
_AMBIGUOUS_PARTY_WORDS = frozenset({"Union"})
_GEO_KINDS = {"country": "country", "capital": "city", "city": "city", "region": "region"}
_NAME_END = object()


def geo_reading(ref: GeoRef) -> Reading:
    kind = _GEO_KINDS.get(ref.kind, "region")
    entity_type = "LOC" if kind == "region" and ref.detail in _NATURAL_REGIONS else "GPE"
    kb = (
        f"iso3166:{ref.iso3}"
        if kind == "country"
        else (f"geonames:{ref.geonameid}" if ref.geonameid else f"chronik:region/{ref.id}")
    )
    return Reading(type=entity_type, name=ref.name, kind=kind, kb_id=kb, country=ref.iso3)


_NATURAL_REGIONS = frozenset(
    {
        "continent",
        "sea",
        "strait",
        "region",
        "river",
        "mountains",
        "lake",
        "ocean",
        "gulf",
        "island",
        "peninsula",
        "desert",
    }
)


def person_reading(person: Person) -> Reading:
    return Reading(
        type="PER",
        name=person.name,
        kind="person",
        kb_id=person_kb_id(person),
        person_id=person.id,
        gender=person.gender or None,
    )


def org_reading(org: Organisation) -> Reading:
    return Reading(
        type="ORG",
        name=org.name,
        kind="organisation",
        kb_id=org_kb_id(org),
        country=org.country or None,
        sector=org.sector or None,
    )


@dataclass
class NameMatch:
    start: int
    end: int
    readings: list[Reading]


class NameIndex:
    """Token-sequence index over the names of people, organisations and places."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._trie: dict[object, object] = {}
        # Readings of single word forms, looked up once per form (the KB does not change).
        self._single: Memo[str, tuple[Reading, ...]] = Memo()
        for surface, refs in kb.gazetteer.surface_forms().items():
            usable = [geo_reading(r) for r in refs if r.kind in _GEO_KINDS and not r.ambiguous]
            self._add_multi(surface, usable)
        for surface, people in kb.people.surface_forms().items():
            self._add_multi(surface, [person_reading(p) for p in people])
        # Organisations written in lower case (dpa, epd, taz): exact forms only.
        self._lowercase_orgs: set[str] = set()
        for surface, orgs in kb.organisations.surface_forms().items():
            self._add_multi(surface, [org_reading(o) for o in orgs])
            if surface[:1].islower() and " " not in surface:
                self._lowercase_orgs.add(surface)

    def _add_multi(self, surface: str, readings: list[Reading]) -> None:
        words = surface.split()
        if len(words) < 2 or len(words) > MAX_NAME_TOKENS or not readings:
            return
        node = self._trie
        for word in words:
            node = node.setdefault(word, {})  # type: ignore[assignment]
        existing = node.setdefault(_NAME_END, [])
        existing.extend(r for r in readings if r not in existing)  # type: ignore[union-attr]

    def longest(self, words: Sequence[str], start: int) -> NameMatch | None:
        """The longest multi-word name starting at ``words[start]``."""
        if start >= len(words) or words[start] not in self._trie:
            return None  # most words start no name: answer before setting up the walk
        node: object = self._trie
        best: NameMatch | None = None
        for index in range(start, min(len(words), start + MAX_NAME_TOKENS)):
            node = node.get(words[index]) if isinstance(node, dict) else None
            if node is None:
                break
            readings = node.get(_NAME_END) if isinstance(node, dict) else None
            if readings and index > start:
                best = NameMatch(start, index + 1, list(readings))  # type: ignore[arg-type]
        return best

    def first_words(self) -> frozenset[str]:
        """The words multi-word names start with: ``longest`` finds nothing elsewhere."""
        return frozenset(word for word in self._trie if isinstance(word, str))

    def lowercase_organisation(self, word: str) -> bool:
        """Whether a lower-case word is exactly a KB organisation's form (``dpa``)."""
        return word in self._lowercase_orgs

    def single(self, word: str) -> list[Reading]:
        """Readings of one token: people, organisations, then places."""
        readings = self._single.get(word)
        if readings is None:
            readings = self._single.remember(word, tuple(self._single_readings(word)))
        return list(readings)

    def _single_readings(self, word: str) -> list[Reading]:
        readings = [person_reading(p) for p in self._kb.people.by_name(word)]
        readings += [org_reading(o) for o in self._kb.organisations.by_name(word)]
        for ref in self._kb.gazetteer.lookup(word):
            if ref.kind in _GEO_KINDS and not ref.ambiguous:
                readings.append(geo_reading(ref))
        if not readings:
            party = self._party_acronym(word)
            readings += [party] if party else []
        return readings

    def _party_acronym(self, word: str) -> Reading | None:
        """``CDU``, ``AfD``, ``ÖVP``, ``SVP``: a current German, Austrian or Swiss party's
        short name (in that order of preference: ``FDP`` is the German one), which
        Party Facts shares with parties elsewhere (``CDU`` in Portugal)."""
        capitals = sum(1 for letter in word if letter.isupper())
        if len(word) < _MIN_PARTY_ACRONYM or capitals < 2 or not word.isalpha():
            return None
        return self._dach_party([p for p in self._kb.parties.by_name(word) if not p.last_year])

    def _dach_party(self, parties: list[Party]) -> Reading | None:
        for country in _PARTY_COUNTRIES:
            for party in parties:
                if party.country == country:
                    return Reading(
                        type="ORG",
                        name=party.name,
                        kind="organisation",
                        kb_id=party.wikidata or f"chronik:party/{party.id}",
                        country=party.country,
                        sector=party.sector or "PTY",
                    )
        return None

    def party(self, word: str) -> Reading | None:
        """A current German, Austrian or Swiss party named by one capitalised word, also
        in the weak adjective ending (``Linken`` for ``Linke``); abbreviations excluded,
        since acronyms are typed elsewhere."""
        if (
            len(word) < _MIN_PARTY_WORD
            or not word[:1].isupper()
            or not word[1:].islower()
            or word in _AMBIGUOUS_PARTY_WORDS
        ):
            return None
        for form in (word, word[:-1]) if word.endswith("n") else (word,):
            found = self._dach_party([p for p in self._kb.parties.by_name(form) if not p.last_year])
            if found is not None:
                return found
        return None

    def person(self, name: str) -> Reading | None:
        """A KB person for a name the tokens did not match exactly: hyphen and space
        variants (``Mohammad-Hossein`` / ``Mohammad Hossein``), or the surname when the
        given name agrees in its first letters and only one person fits."""
        words = name.replace("-", " ").split()
        found = self._kb.people.by_name(" ".join(words))
        if len(found) == 1:
            return person_reading(found[0])
        if len(words) < 2:
            return None
        fitting = [
            p
            for p in self._kb.people.by_name(words[-1])
            if any(n.split()[0][:4] == words[0][:4] for n in p.names)
        ]
        return person_reading(fitting[0]) if len(fitting) == 1 else None

    def country_of_adjective(self, word: str) -> str | None:
        """ISO3 of a country adjective or hyphen compound of them (first country)."""
        refs = (
            self._kb.gazetteer.lookup_compound_adjective(word)
            if "-" in word
            else [r for r in self._kb.gazetteer.lookup(word) if r.kind == "country_adjective"]
        )
        return refs[0].iso3 if refs else None

    def geo(self, word: str, kind: str) -> GeoRef | None:
        """The first reading of ``word`` of one gazetteer kind that lies in a country:
        ``region_adjective`` (``bayerischen``), ``capital_adjective`` (``Kiewer``), ..."""
        return next(
            (ref for ref in self._kb.gazetteer.lookup(word) if ref.kind == kind and ref.iso3),
            None,
        )

    def country_of_name(self, word: str) -> str | None:
        """ISO3 when ``word`` names a country (any case form, e.g. ``Irans``)."""
        ref = self.geo(word, "country")
        return ref.iso3 if ref else None
