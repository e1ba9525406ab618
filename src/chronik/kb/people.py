"""People and the offices they held, so that a mention can be tied to a person at a date.

Two tables feed this module:

``persons.tsv``  one row per person: German-press name, other spellings, surname forms
``offices.tsv``  one row per term of office: German role nouns (the first one is the
                 canonical role, the others are synonyms news use for the same office),
                 country or organisation, sector codes and the dates of the term

Dates may be partial (``2012``, ``2012-05`` or ``2012-05-07``). A partial date stands for
the whole year or month, and both ends of a term are inclusive: a term *covers* a day when
the day may fall inside it, i.e. ``start.first_day() <= day <= end.last_day()``. An empty
start is open towards the past; an empty end means the person is in office as far as the
table knows. On a handover day both holders are returned, the one who took office later
first, and terms that certainly cover the day come before terms that merely may cover it.

Name lookups fold diacritics (``Erdogan`` -> ``Erdoğan``, ``Schroeder`` -> ``Schröder``),
keep case and accept German genitives (``Putins``, ``Pistorius'``).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from chronik.errors import ResourceError
from chronik.tables import Table, load_table, split_multi

PACKAGE = "chronik.kb"
PERSON_COLUMNS = ("id", "name", "aliases", "surname", "gender", "wikidata", "note")
OFFICE_COLUMNS = (
    "person_id",
    "role",
    "office_en",
    "country",
    "org",
    "sector",
    "sector2",
    "start",
    "end",
    "note",
)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_WIKIDATA = re.compile(r"^Q[1-9]\d*$")
# Letters that Unicode does not decompose into base letter + mark.
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "đ": "d"})
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_APOSTROPHES = ("'", "\u2019")
WILDCARD = "*"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError otherwise."""
        match = _DATE.match(text.strip())
        if not match:
            raise ValueError(f"not a (partial) ISO date: {text!r}")
        year, month, day = match.groups()
        parsed = cls(int(year), int(month) if month else None, int(day) if day else None)
        parsed.first_day()  # raises ValueError for impossible months and days
        return parsed

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        if self.day:
            return date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    surnames: tuple[str, ...]
    gender: str
    wikidata: str | None

    @property
    def names(self) -> tuple[str, ...]:
        """Every full-name form: the name, then the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Office:
    person_id: str
    role: str
    office_en: str
    country: str | None
    org: str | None
    sector: str | None
    sector2: str | None
    start: PartialDate | None
    end: PartialDate | None
    roles: tuple[str, ...] = ()  # every role noun for this office, canonical first
    note: str = ""

    @property
    def acting(self) -> bool:
        return "acting" in self.note

    def covers(self, day: date) -> bool:
        """Whether ``day`` may fall inside the term (partial dates taken generously)."""
        after_start = self.start is None or self.start.first_day() <= day
        before_end = self.end is None or day <= self.end.last_day()
        return after_start and before_end

    def certainly_covers(self, day: date) -> bool:
        """Whether ``day`` falls inside the term however the partial dates resolve."""
        after_start = self.start is None or self.start.last_day() <= day
        before_end = self.end is None or day <= self.end.first_day()
        return after_start and before_end


def kb_id(person: Person) -> str:
    """The Wikidata id when known, else a Chronik-local id."""
    return person.wikidata or f"chronik:person/{person.id}"


def fold(text: str) -> str:
    """Drop diacritics but keep case: ``Erdoğan`` -> ``Erdogan``, ``Łukasz`` -> ``Lukasz``."""
    if text.isascii():
        return text  # ASCII has nothing to drop (and is its own NFKD form)
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_keys(name: str) -> set[str]:
    """Index keys for a name: folded, and folded after spelling umlauts out (ö -> oe)."""
    return {fold(name), fold(name.translate(_UMLAUTS))}


def genitive_bases(surface: str) -> list[str]:
    """Forms a German genitive may come from: ``Putins`` -> ``Putin``, ``Lawrow's`` ->
    ``Lawrow``, ``Pistorius'`` -> ``Pistorius``."""
    bases = []
    for mark in _APOSTROPHES:
        if surface.endswith(mark + "s"):
            bases.append(surface[:-2])
        elif surface.endswith(mark):
            bases.append(surface[:-1])
    if surface.endswith("s") and len(surface) > 2:
        bases.append(surface[:-1])
    return bases


def feminine_base(role: str) -> str | None:
    """The masculine base form of a feminine role noun (``Außenministerin``)."""
    return role[:-2] if role.endswith("in") and len(role) > 4 else None


def _require(table: Table, columns: Iterable[str]) -> None:
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise ResourceError(f"table {table.name}: missing columns {', '.join(missing)}")


def _date(cell: str, where: str) -> PartialDate | None:
    if not cell:
        return None
    try:
        return PartialDate.parse(cell)
    except ValueError as error:
        raise ResourceError(f"{where}: {error}") from error


def _person(row: dict[str, str], where: str) -> Person:
    if not re.fullmatch(r"[a-z0-9_]+", row["id"]) or not row["name"]:
        raise ResourceError(f"{where}: person needs an ASCII id and a name")
    if row["gender"] not in ("m", "f"):
        raise ResourceError(f"{where}: gender must be m or f, not {row['gender']!r}")
    if row["wikidata"] and not _WIKIDATA.match(row["wikidata"]):
        raise ResourceError(f"{where}: malformed Wikidata id {row['wikidata']!r}")
    return Person(
        id=row["id"],
        name=row["name"],
        aliases=tuple(split_multi(row["aliases"])),
        surnames=tuple(split_multi(row["surname"])),
        gender=row["gender"],
        wikidata=row["wikidata"] or None,
    )


def _office(row: dict[str, str], where: str) -> Office:
    roles = tuple(split_multi(row["role"]))
    if not roles:
        raise ResourceError(f"{where}: office without a role")
    start, end = _date(row["start"], where), _date(row["end"], where)
    if start and end and start.first_day() > end.last_day():
        raise ResourceError(f"{where}: office ends ({end}) before it starts ({start})")
    return Office(
        person_id=row["person_id"],
        role=roles[0],
        office_en=row["office_en"],
        country=row["country"] or None,
        org=row["org"] or None,
        sector=row["sector"] or None,
        sector2=row["sector2"] or None,
        start=start,
        end=end,
        roles=roles,
        note=row["note"],
    )


def _organisation_ids() -> dict[str, str]:
    """Casefolded organisation names and aliases -> organisation id (organisations.tsv), so
    that ``org="NATO"``, ``org="Nato"`` and ``org="nato"`` all find the same offices."""
    table = load_table(PACKAGE, "organisations.tsv")
    _require(table, ("id", "name_de", "aliases"))
    ids: dict[str, str] = {}
    for row in table:
        for name in (row["id"], row["name_de"], *split_multi(row["aliases"])):
            ids.setdefault(name.casefold(), row["id"])
    return ids


def _unique(items: Iterable[Person]) -> list[Person]:
    seen: dict[str, Person] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return list(seen.values())


def _start_ordinal(office: Office) -> int:
    return office.start.first_day().toordinal() if office.start else 0


class People:
    """Index of persons and offices: by id, by name form and by (role, country, org)."""

    def __init__(
        self,
        persons: Iterable[Person],
        offices: Iterable[Office],
        organisation_ids: dict[str, str] | None = None,
    ) -> None:
        self._persons: dict[str, Person] = {}
        for person in persons:
            if person.id in self._persons:
                raise ResourceError(f"persons: duplicate id {person.id!r}")
            self._persons[person.id] = person
        self._org_ids = organisation_ids or {}
        self._names: dict[str, list[Person]] = defaultdict(list)
        self._surnames: dict[str, list[Person]] = defaultdict(list)
        self._by_person: dict[str, list[Office]] = defaultdict(list)
        self._by_role: dict[tuple[str, str, str], list[Office]] = defaultdict(list)
        for person in self._persons.values():
            self._index_names(person)
        for office in offices:
            self._index_office(office)

    def _index_names(self, person: Person) -> None:
        for name in person.names:
            for key in name_keys(name):
                self._names[key].append(person)
        for surname in person.surnames:
            for key in name_keys(surname):
                self._surnames[key].append(person)

    def _index_office(self, office: Office) -> None:
        if office.person_id not in self._persons:
            raise ResourceError(f"offices: unknown person_id {office.person_id!r}")
        self._by_person[office.person_id].append(office)
        org = self._org_key(office.org) if office.org else WILDCARD
        for role in office.roles or (office.role,):
            # Each office is filed under every combination of given and wildcard
            # country/org, so that any holders() query is one dictionary lookup.
            for country_key in {office.country or WILDCARD, WILDCARD}:
                for org_key in {org, WILDCARD}:
                    self._by_role[(role, country_key, org_key)].append(office)

    def _org_key(self, org: str) -> str:
        return self._org_ids.get(org.casefold(), org.casefold())

    @classmethod
    @cache
    def load(cls) -> People:
        """The shipped tables, parsed once per process."""
        persons_table = load_table(PACKAGE, "persons.tsv")
        offices_table = load_table(PACKAGE, "offices.tsv")
        _require(persons_table, PERSON_COLUMNS)
        _require(offices_table, OFFICE_COLUMNS)
        persons = [
            _person(row, f"{persons_table.name} row {number}")
            for number, row in enumerate(persons_table, start=1)
        ]
        offices = [
            _office(row, f"{offices_table.name} row {number}")
            for number, row in enumerate(offices_table, start=1)
        ]
        return cls(persons, offices, _organisation_ids())

    def __iter__(self) -> Iterator[Person]:
        return iter(self._persons.values())

    def __len__(self) -> int:
        return len(self._persons)

    def person(self, person_id: str) -> Person | None:
        return self._persons.get(person_id)

    def by_name(self, surface: str) -> list[Person]:
        """Persons a name form may refer to: full names and aliases first, then surnames.

        Case-sensitive, diacritic-insensitive; a German genitive (``Putins``,
        ``Schoigus``, ``Pistorius'``) is tried only when the form itself is unknown."""
        surface = " ".join(surface.split())
        found = self._lookup(surface)
        for base in genitive_bases(surface) if not found else ():
            found = self._lookup(base)
            if found:
                break
        return found

    def _lookup(self, surface: str) -> list[Person]:
        key = fold(surface)
        return _unique([*self._names.get(key, ()), *self._surnames.get(key, ())])

    def terms(
        self,
        role: str,
        *,
        country: str | None = None,
        org: str | None = None,
        on: date | None = None,
    ) -> list[Office]:
        """The terms of office of ``role`` that cover ``on`` (default: today), most
        certain first, then the latest start first. ``role`` is any role noun of the
        office (``Präsident``, ``Kremlchef``); a feminine form falls back to its base."""
        day = on or date.today()
        offices = self._role_offices(role, country, org)
        covering = [office for office in offices if office.covers(day)]
        covering.sort(key=lambda o: (not o.certainly_covers(day), -_start_ordinal(o)))
        return covering

    def _role_offices(self, role: str, country: str | None, org: str | None) -> list[Office]:
        org_key = self._org_key(org) if org else WILDCARD
        key = (role, country or WILDCARD, org_key)
        offices = self._by_role.get(key)
        base = feminine_base(role)
        if offices is None and base:
            offices = self._by_role.get((base, country or WILDCARD, org_key))
        return offices or []

    def holders(
        self,
        role: str,
        *,
        country: str | None = None,
        org: str | None = None,
        on: date | None = None,
    ) -> list[Person]:
        """Who held ``role`` (in ``country`` and/or ``org``) on ``on``; ``on=None`` asks
        for the current holders, i.e. today's date."""
        terms = self.terms(role, country=country, org=org, on=on)
        return _unique(self._persons[office.person_id] for office in terms)

    def offices(self, person_id: str, on: date | None = None) -> list[Office]:
        """All offices of a person in order of start, or only those covering ``on``."""
        offices = sorted(self._by_person.get(person_id, ()), key=_start_ordinal)
        return [office for office in offices if on is None or office.covers(on)]

    @staticmethod
    def kb_id(person: Person) -> str:
        return kb_id(person)

    def surface_forms(self) -> dict[str, list[Person]]:
        """Every exact name form (full names, aliases, surnames) -> persons, for
        gazetteers and matchers that need the literal strings."""
        forms: dict[str, list[Person]] = defaultdict(list)
        for person in self._persons.values():
            for form in (*person.names, *person.surnames):
                if person not in forms[form]:
                    forms[form].append(person)
        return dict(forms)
