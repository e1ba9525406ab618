"""Countries, places and regions: German surface forms mapped to geographic references.

``Gazetteer.load()`` reads ``countries.tsv``, ``places.tsv`` and ``regions.tsv`` (built
by ``python -m chronik.kb.build_geography``) and indexes every German surface form,
including inflected ones, so that ``lookup`` is one dictionary access:

    >>> gazetteer = Gazetteer.load()
    >>> [ref.iso3 for ref in gazetteer.lookup("Russlands")]
    ['RUS']

Surface forms are case-sensitive: ``Moskau`` is a place, ``moskau`` is not. Adjectives
are indexed in lower case and capitalised (``russische``, ``Russische``). A form that
is also an ordinary German word or a common first name carries ``ambiguous=True``; the
build drops such forms altogether for minor places.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from types import MappingProxyType
from typing import Literal

from chronik.errors import ResourceError
from chronik.tables import Table, load_table, split_multi

GeoKind = Literal[
    "country",
    "country_adjective",
    "demonym",
    "capital",
    "city",
    "region",
    "region_adjective",
    "capital_adjective",
]

# Lower number sorts first in lookup results: a country before its capital, a capital
# before a same-named region, anything before adjectives and demonyms.
KIND_ORDER: dict[str, int] = {
    "country": 0,
    "capital": 1,
    "region": 2,
    "city": 3,
    "country_adjective": 4,
    "demonym": 5,
    "region_adjective": 6,
    "capital_adjective": 7,
}
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
# name words that inflect weakly after an article (Vereinigte → Vereinigten Staaten)
ADJECTIVAL_ENDINGS = tuple(
    "ische isches ischer igte igtes ierte iertes ative aler liche lichen ere".split()
)
FEMININE_ENDINGS = ("e", "ei", "ik", "schaft", "ung", "heit", "keit")
_CHAR_MAP = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"}
)


@dataclass(frozen=True)
class GeoRef:
    """One reading of a surface form: a country, a place or a region."""

    kind: GeoKind
    iso3: str | None
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    ambiguous: bool = False
    id: str = ""
    detail: str = ""
    population: int = 0


@dataclass(frozen=True)
class Country:
    """A row of countries.tsv with multi-valued cells split."""

    iso3: str
    iso2: str
    name_de: str
    official_de: str
    name_en: str
    article_de: str
    number: str
    genitive_de: tuple[str, ...]
    aliases_de: tuple[str, ...]
    adjective_de: tuple[str, ...]
    demonym_m_de: tuple[str, ...]
    demonym_f_de: tuple[str, ...]
    demonym_pl_de: tuple[str, ...]
    capital_de: str
    capital_geonameid: int | None
    lat: float | None
    lon: float | None
    independent: bool
    population: int
    ambiguous_forms: frozenset[str]


def normalise(surface: str) -> str:
    """The index key of a surface form: NFC, typographic apostrophes and hyphens unified."""
    text = unicodedata.normalize("NFC", surface).translate(_CHAR_MAP)
    return " ".join(text.split())


def capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def adjective_inflections(stem: str) -> set[str]:
    """All strong/weak/mixed forms of an adjective stem, lower-case and capitalised."""
    forms = {stem + ending for ending in ADJECTIVE_ENDINGS}
    return forms | {capitalise(form) for form in forms}


def demonym_inflections(masculine: str, feminine: str, plural: str) -> set[str]:
    """Nominative forms plus the oblique forms German news uses.

    Nouns in -er add genitive -s and dative plural -n (Iraner, Iraners, Iranern); weak
    nouns in -e add -n (Russe, Russen); feminines in -in add -nen (Russinnen). An
    adjectival demonym (Deutscher/Deutsche) takes all adjective endings.
    """
    forms = {form for form in (masculine, feminine, plural) if form}
    if masculine.endswith("er") and feminine == masculine[:-1]:
        return forms | {masculine[:-2] + ending for ending in ADJECTIVE_ENDINGS if ending}
    if masculine.endswith("er"):
        forms |= {masculine + "s", masculine + "n"}
    elif masculine.endswith("e"):
        forms.add(masculine + "n")
    if plural.endswith(("er", "el")):
        forms.add(plural + "n")
    if feminine.endswith("in"):
        forms.add(feminine + "nen")
    return forms


def place_genitive(name: str) -> str | None:
    """The s-genitive of an article-less place name (Moskaus, Neu-Delhis); None after a sibilant."""
    if not name or name[-1] in "sßxzSXZ" or name.endswith(("sch", ")")) or name.isupper():
        return None
    return name + "s"


def weak_forms(name: str, plural: bool) -> list[str]:
    """Forms after a definite article in oblique cases (Vereinigten Arabischen Emiraten)."""
    tokens = name.split(" ")
    changed = [
        _weak_token(token) if index < len(tokens) - 1 else token
        for index, token in enumerate(tokens)
    ]
    forms = [" ".join(changed)] if changed != tokens else []
    if plural and changed[-1].endswith("e") and all(token[:1].isupper() for token in tokens):
        forms.append(" ".join([*changed[:-1], changed[-1] + "n"]))
    return forms


def _weak_token(token: str) -> str:
    if not token.endswith(ADJECTIVAL_ENDINGS):
        return token
    return token.rstrip("rs").removesuffix("e") + "en" if not token.endswith("en") else token


def _sibilant(name: str) -> bool:
    return name[-1:] in ("s", "ß", "x", "z") or name.endswith("sch")


def genitive_forms(name: str, article: str, plural: bool, aliases: Sequence[str] = ()) -> list[str]:
    """Genitive surface forms without the article (rule documented in countries.tsv)."""
    if plural or article == "die":
        return weak_forms(name, plural=False) or [name]
    head, _, rest = name.partition(" ")
    if article in ("der", "das") and rest and not head.endswith((*ADJECTIVAL_ENDINGS, "er", "es")):
        return [f"{head}s {rest}"]  # des Kantons Zürich, des Bundesstaats New York
    if _sibilant(name):
        return [name]
    if article in ("der", "das"):
        return [name + "s", name]
    singles = [a for a in aliases if " " not in a and not a.isupper() and not _sibilant(a)]
    return [name + "s", *(a + "s" for a in singles if not a.endswith(FEMININE_ENDINGS))]


def _float(cell: str) -> float | None:
    return float(cell) if cell else None


def _int(cell: str) -> int | None:
    return int(cell) if cell else None


def _country_from_row(row: Mapping[str, str]) -> Country:
    return Country(
        iso3=row["iso3"],
        iso2=row["iso2"],
        name_de=row["name_de"],
        official_de=row["official_de"],
        name_en=row["name_en"],
        article_de=row["article_de"],
        number=row["number"],
        genitive_de=tuple(split_multi(row["genitive_de"])),
        aliases_de=tuple(split_multi(row["aliases_de"])),
        adjective_de=tuple(split_multi(row["adjective_de"])),
        demonym_m_de=tuple(split_multi(row["demonym_m_de"])),
        demonym_f_de=tuple(split_multi(row["demonym_f_de"])),
        demonym_pl_de=tuple(split_multi(row["demonym_pl_de"])),
        capital_de=row["capital_de"],
        capital_geonameid=_int(row["capital_geonameid"]),
        lat=_float(row["lat"]),
        lon=_float(row["lon"]),
        independent=row["independent"] == "yes",
        population=_int(row["population"]) or 0,
        ambiguous_forms=frozenset(split_multi(row["ambiguous_forms"])),
    )


def _demonym_forms(country: Country) -> set[str]:
    forms: set[str] = set()
    males, females, plurals = country.demonym_m_de, country.demonym_f_de, country.demonym_pl_de
    for index, masculine in enumerate(males):
        feminine = females[min(index, len(females) - 1)] if females else ""
        plural = plurals[min(index, len(plurals) - 1)] if plurals else ""
        forms |= demonym_inflections(masculine, feminine, plural)
    return forms | set(females) | set(plurals)


class _IndexBuilder:
    """Collects surface form → references while the tables are read."""

    def __init__(self) -> None:
        self.index: dict[str, list[GeoRef]] = {}

    def add(
        self, forms: Iterable[str], ref: GeoRef, ambiguous: frozenset[str] = frozenset()
    ) -> None:
        for form in forms:
            key = normalise(form)
            if not key:
                continue
            entry = ref if form not in ambiguous else _with_ambiguity(ref)
            bucket = self.index.setdefault(key, [])
            if all(_identity(entry) != _identity(other) for other in bucket):
                bucket.append(entry)

    def freeze(self) -> dict[str, tuple[GeoRef, ...]]:
        return {key: tuple(sorted(refs, key=_rank)) for key, refs in self.index.items()}


def _with_ambiguity(ref: GeoRef) -> GeoRef:
    return replace(ref, ambiguous=True)


def _identity(ref: GeoRef) -> tuple[str, str | None, str]:
    return (ref.kind, ref.iso3, ref.id)


def _rank(ref: GeoRef) -> tuple[int, int, str]:
    return (KIND_ORDER[ref.kind], -ref.population, ref.id)


def _index_country(builder: _IndexBuilder, country: Country) -> None:
    base = {
        "iso3": country.iso3,
        "lat": country.lat,
        "lon": country.lon,
        "id": country.iso3,
        "population": country.population,
    }
    names = [country.name_de, country.official_de, *country.aliases_de, *country.genitive_de]
    builder.add(
        names, GeoRef(kind="country", name=country.name_de, **base), country.ambiguous_forms
    )
    adjectives = set().union(*(adjective_inflections(stem) for stem in country.adjective_de))
    builder.add(sorted(adjectives), GeoRef(kind="country_adjective", name=country.name_de, **base))
    builder.add(
        sorted(_demonym_forms(country)), GeoRef(kind="demonym", name=country.name_de, **base)
    )
    if country.capital_de and country.capital_de.isalpha():
        # "die Kiewer Regierung", "die Moskauer Führung": the capital's adjective for its
        # government. Irregular ones (Damaszener) are missed; a wrong form never occurs.
        adjective = GeoRef(kind="capital_adjective", name=country.name_de, **base)
        builder.add([country.capital_de + "er"], adjective)


def _index_place(builder: _IndexBuilder, row: Mapping[str, str]) -> None:
    name = row["name_de"]
    capital = row["feature"] == "capital"
    ref = GeoRef(
        kind="capital" if capital else "city",
        iso3=row["country"] or None,
        name=name,
        geonameid=_int(row["geonameid"]),
        lat=_float(row["lat"]),
        lon=_float(row["lon"]),
        ambiguous=row["ambiguous"] == "yes",
        id=row["geonameid"] or f"place:{name}",
        detail=row["feature"],
        population=_int(row["population"]) or 0,
    )
    builder.add([name, *split_multi(row["aliases"]), *split_multi(row["genitive_de"])], ref)


def _index_region(builder: _IndexBuilder, row: Mapping[str, str]) -> None:
    ref = GeoRef(
        kind="region",
        iso3=row["country"] or None,
        name=row["name_de"],
        lat=_float(row["lat"]),
        lon=_float(row["lon"]),
        id=row["id"],
        detail=row["type"],
    )
    forms = [row["name_de"], *split_multi(row["aliases"]), *split_multi(row["genitive_de"])]
    builder.add(forms, ref, frozenset(split_multi(row["ambiguous_forms"])))
    adjectives: set[str] = set()
    for form in split_multi(row["adjective_de"]):
        # "bayerisch" is a stem to inflect, "Thüringer" is indeclinable.
        adjectives |= adjective_inflections(form) if form[:1].islower() else {form}
    builder.add(adjectives, replace(ref, kind="region_adjective"))


def _require_columns(table: Table, columns: Iterable[str]) -> None:
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise ResourceError(f"table {table.name}: missing columns {', '.join(missing)}")


COUNTRY_COLUMNS = tuple(
    "iso3 iso2 name_de official_de name_en article_de number genitive_de aliases_de adjective_de "
    "demonym_m_de demonym_f_de demonym_pl_de capital_de capital_geonameid lat lon independent "
    "population ambiguous_forms".split()
)
PLACE_COLUMNS = tuple(
    "geonameid name_de aliases country lat lon population feature ambiguous genitive_de".split()
)
REGION_COLUMNS = tuple(
    "id name_de aliases type country lat lon genitive_de ambiguous_forms adjective_de".split()
)


class Gazetteer:
    """German surface forms of countries, places and regions, indexed for O(1) lookup."""

    def __init__(self, countries: Mapping[str, Country], index: Mapping[str, tuple[GeoRef, ...]]):
        self._countries = dict(countries)
        self._index = dict(index)

    @classmethod
    def load(cls) -> Gazetteer:
        """Read the three tables shipped in ``chronik.kb`` (cached by ``load_table``)."""
        return cls.from_tables(
            load_table("chronik.kb", "countries.tsv"),
            load_table("chronik.kb", "places.tsv"),
            load_table("chronik.kb", "regions.tsv"),
        )

    @classmethod
    def from_tables(cls, countries: Table, places: Table, regions: Table) -> Gazetteer:
        _require_columns(countries, COUNTRY_COLUMNS)
        _require_columns(places, PLACE_COLUMNS)
        _require_columns(regions, REGION_COLUMNS)
        builder = _IndexBuilder()
        by_iso3: dict[str, Country] = {}
        try:
            for row in countries:
                country = _country_from_row(row)
                by_iso3[country.iso3] = country
                _index_country(builder, country)
            for row in places:
                _index_place(builder, row)
            for row in regions:
                _index_region(builder, row)
        except ValueError as error:
            raise ResourceError(f"geography tables: bad number ({error})") from error
        return cls(by_iso3, builder.freeze())

    def country(self, iso3: str) -> Country | None:
        return self._countries.get(iso3.upper())

    def countries(self) -> list[Country]:
        return sorted(self._countries.values(), key=lambda country: country.iso3)

    def lookup(self, surface: str) -> list[GeoRef]:
        """Every reading of ``surface``, best first (countries, capitals, regions, cities)."""
        return list(self._index.get(normalise(surface), ()))

    def lookup_compound_adjective(self, surface: str) -> list[GeoRef]:
        """Country adjectives inside a hyphen compound (``russisch-iranischen`` → RUS, IRN).

        Parts are matched greedily, longest first, so ``US-amerikanisch`` and
        ``saudi-arabisch`` stay whole; unknown parts (``russisch-orthodoxen``) are skipped.
        """
        parts = normalise(surface).split("-")
        found: list[GeoRef] = []
        start = 0
        while start < len(parts):
            for end in range(len(parts), start, -1):
                refs = self._adjectives("-".join(parts[start:end]))
                if refs:
                    found.extend(ref for ref in refs if ref not in found)
                    start = end
                    break
            else:
                start += 1
        return found

    def _adjectives(self, surface: str) -> list[GeoRef]:
        return [ref for ref in self._index.get(surface, ()) if ref.kind == "country_adjective"]

    def adjective_forms(self, iso3: str) -> set[str]:
        country = self.country(iso3)
        if country is None:
            return set()
        return set().union(*(adjective_inflections(stem) for stem in country.adjective_de))

    def demonym_forms(self, iso3: str) -> set[str]:
        country = self.country(iso3)
        return _demonym_forms(country) if country else set()

    @cached_property
    def _surface_view(self) -> Mapping[str, list[GeoRef]]:
        return MappingProxyType({key: list(refs) for key, refs in self._index.items()})

    def surface_forms(self) -> Mapping[str, list[GeoRef]]:
        """Every indexed surface form (normalised) with its readings, for building a matcher."""
        return self._surface_view
