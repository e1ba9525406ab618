"""Organisations, state institutions and political parties as the knowledge base knows them.

Three tables feed this module:

``organisations.tsv``  named organisations (NATO, Hamas, RT, Kreml, Bundeswehr ...) with
                       type, country, sector and the state that controls them
``institutions.tsv``   head nouns that name a state institution once a country is known
                       (``das russische Außenministerium``, ``die Streitkräfte Irans``)
``parties.tsv``        parties from Party Facts (built by ``build_organisations``)

Lookups are by surface form. German genitives of masculine and neuter names
(``des Kremls``, ``des Bundestages``) are generated; irregular forms (adjectival names
such as ``des Roten Kreuzes``) are listed as aliases in the table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Generic, Protocol, TypeVar

from chronik.errors import ResourceError
from chronik.tables import Table, load_table, split_multi

PACKAGE = "chronik.kb"
ORGANISATION_TYPES = frozenset(
    {
        "igo",
        "alliance",
        "armed_group",
        "terrorist_group",
        "party",
        "media",
        "news_agency",
        "company",
        "ngo",
        "court",
        "religious",
        "sports",
        "state_body",
        "other",
    }
)
GENDERS = frozenset({"m", "f", "n", "pl", ""})


def _require(table: Table, columns: Iterable[str]) -> None:
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise ResourceError(f"table {table.name}: missing columns {', '.join(missing)}")


def genitive_forms(name: str, gender: str) -> list[str]:
    """``Kreml`` (m) -> ``Kremls``; ``Bundestag`` -> ``Bundestags``, ``Bundestages``.

    Only single-word masculine and neuter names; abbreviations (``des BND``) and names
    ending in a sibilant take no ending.
    """
    if gender not in ("m", "n") or not name or " " in name.strip():
        return []  # multiword names decline their adjectives too: listed as aliases
    last = name
    if last.isupper() or last[-1] in "sßxzSXZ" or not last[-1].isalpha():
        return []
    forms = [name + "s"]
    if last[-1].lower() not in "aeioulnry":
        forms.append(name + "es")  # des Bundestages, des Kremles (older style)
    return forms


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...]
    type: str
    country: str
    sector: str
    sector2: str
    state_affiliated: str
    wikidata: str
    cameo: str
    gender: str
    note: str

    def names(self) -> tuple[str, ...]:
        """Every surface form: name, aliases, and generated genitives of the name."""
        forms = [self.name, *self.aliases, *genitive_forms(self.name, self.gender)]
        return tuple(dict.fromkeys(forms))


def kb_id(org: Organisation) -> str:
    """The knowledge-base id: the Wikidata id when known, else ``chronik:org/<id>``."""
    return org.wikidata or f"chronik:org/{org.id}"


class _NameIndex:
    """Exact lookup, then for a capitalised surface a case-folded match against acronyms
    (``Nato`` -> NATO); other names are not folded, so ``Profil`` stays a common noun."""

    def __init__(self) -> None:
        self.exact: dict[str, list] = defaultdict(list)
        self.folded: dict[str, list] = defaultdict(list)

    def add(self, surface: str, item: object) -> None:
        key = " ".join(surface.split())
        if item not in self.exact[key]:
            self.exact[key].append(item)
        if key.isupper() and item not in self.folded[key.casefold()]:
            self.folded[key.casefold()].append(item)  # only acronyms: Nato, Uno -> NATO, UNO

    def get(self, surface: str) -> list:
        key = " ".join(surface.split())
        if key in self.exact:
            return list(self.exact[key])
        if key[:1].isupper():
            return list(self.folded.get(key.casefold(), []))
        return []


ORG_COLUMNS = (
    *("id", "name_de", "aliases", "type", "country", "sector", "sector2"),
    *("state_affiliated", "wikidata", "cameo", "gender", "note"),
)


def _organisation(row: dict[str, str]) -> Organisation:
    return Organisation(
        id=row["id"],
        name=row["name_de"],
        aliases=tuple(split_multi(row["aliases"])),
        type=row["type"],
        country=row["country"],
        sector=row["sector"],
        sector2=row["sector2"],
        state_affiliated=row["state_affiliated"],
        wikidata=row["wikidata"],
        cameo=row["cameo"],
        gender=row["gender"],
        note=row["note"],
    )


class _Row(Protocol):
    @property
    def id(self) -> str: ...

    def names(self) -> Iterable[str]: ...


Item = TypeVar("Item", bound=_Row)


class _NamedTable(Generic[Item]):
    """Rows of one KB table by id, with a name index over each row's ``names()``."""

    label = ""  # the table, for error messages
    unique_ids = True  # a repeated id is an error (else the last row wins)

    def __init__(self, items: Iterable[Item]) -> None:
        self._by_id: dict[str, Item] = {}
        for item in items:
            if self.unique_ids and item.id in self._by_id:
                raise ResourceError(f"{self.label}: duplicate id {item.id}")
            self._by_id[item.id] = item
        self._index = _NameIndex()
        for item in self._by_id.values():
            for surface in item.names():
                self._index.add(surface, item)

    def __iter__(self) -> Iterator[Item]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, item_id: str) -> Item | None:
        return self._by_id.get(item_id)


class Organisations(_NamedTable[Organisation]):
    """The named organisations of ``organisations.tsv``."""

    label = "organisations"

    @classmethod
    @cache
    def load(cls) -> Organisations:
        table = load_table(PACKAGE, "organisations.tsv")
        _require(table, ORG_COLUMNS)
        return cls(_organisation(row) for row in table)

    def by_name(self, surface: str) -> list[Organisation]:
        """Organisations a surface form may name (``UNO``, ``der NATO``, ``des Kremls``)."""
        found = self._index.get(surface)
        if not found:
            words = surface.split()
            if len(words) > 1 and words[0] in ("der", "des", "die", "dem", "den", "das"):
                found = self._index.get(" ".join(words[1:]))
        return found

    def surface_forms(self) -> dict[str, list[Organisation]]:
        """Every surface form with the organisations it names (for a gazetteer matcher)."""
        return {surface: list(orgs) for surface, orgs in self._index.exact.items()}


# ---------------------------------------------------------------- institutions


@dataclass(frozen=True)
class Institution:
    head: str
    forms: tuple[str, ...]
    gender: str
    sector: str
    sector2: str
    entity_type: str
    note: str


INSTITUTION_COLUMNS = ("head", "forms", "gender", "sector", "sector2", "entity_type", "note")


class Institutions:
    """Head nouns of state institutions (``Außenministerium``, ``Streitkräfte``)."""

    def __init__(self, institutions: Iterable[Institution]) -> None:
        self._items = list(institutions)
        self._by_form: dict[str, Institution] = {}
        for item in self._items:
            for form in (item.head, *item.forms):
                self._by_form.setdefault(form, item)

    @classmethod
    @cache
    def load(cls) -> Institutions:
        table = load_table(PACKAGE, "institutions.tsv")
        _require(table, INSTITUTION_COLUMNS)
        return cls(
            Institution(
                head=row["head"],
                forms=tuple(split_multi(row["forms"])),
                gender=row["gender"],
                sector=row["sector"],
                sector2=row["sector2"],
                entity_type=row["entity_type"],
                note=row["note"],
            )
            for row in table
        )

    def __iter__(self) -> Iterator[Institution]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def by_form(self, surface: str) -> Institution | None:
        """The institution an inflected form names (``Außenministeriums``), or None."""
        key = " ".join(surface.split())
        return self._by_form.get(key) or self._by_form.get(key[:1].upper() + key[1:])


# ---------------------------------------------------------------- parties


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    short: str
    name_en: str
    country: str
    wikidata: str
    sector: str
    first_year: str
    last_year: str
    names_de: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for n in (self.name, self.short, *self.names_de) if n))


PARTY_COLUMNS = (
    "id name short name_en country wikidata sector first_year last_year names_de".split()
)


def _party(row: dict[str, str]) -> Party:
    return Party(
        id=row["id"],
        name=row["name"],
        short=row["short"],
        name_en=row["name_en"],
        country=row["country"],
        wikidata=row["wikidata"],
        sector=row["sector"],
        first_year=row["first_year"],
        last_year=row["last_year"],
        names_de=tuple(split_multi(row["names_de"])),
    )


class Parties(_NamedTable[Party]):
    """Political parties from ``parties.tsv``, looked up by name or abbreviation."""

    label = "parties"
    unique_ids = False  # Party Facts lists a few parties twice; the last row wins

    @classmethod
    @cache
    def load(cls) -> Parties:
        table = load_table(PACKAGE, "parties.tsv")
        _require(table, PARTY_COLUMNS)
        return cls(_party(row) for row in table)

    def by_name(self, surface: str, country: str | None = None) -> list[Party]:
        """Parties with this name, abbreviation or German name; current ones first."""
        found = self._index.get(surface)
        if country:
            found = [party for party in found if party.country == country]
        return sorted(found, key=lambda party: (party.last_year != "", -_year(party.last_year)))


def _year(text: str) -> int:
    return int(text) if text.isdigit() else 0
