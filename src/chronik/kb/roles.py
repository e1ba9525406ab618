"""German role nouns: words that describe a person by office or function.

``roles.tsv`` lists each role once, under its masculine base form, with every inflected
and feminine form (``Verteidigungsminister|Verteidigungsministers|...|
Verteidigungsministerinnen``), its sector (MIL for a defence minister, GOV second) and
whether a country has one holder at a time (which lets coreference resolve ``der
russische Verteidigungsminister`` to one person).

Beyond the listed forms, ``match`` reads the compounds news German builds freely:

    Ex-Verteidigungsminister, Altkanzler       former
    Vize-Außenminister, Vizepräsidentin         deputy
    stellvertretender Ministerpräsident         deputy
    Interimspräsident, kommissarischer Leiter   acting
    Bundesverkehrsminister, Landesinnenminister federal, state (of a German Land)
    UN-Generalsekretär, Hamas-Chef              organisation prefix "UN", "Hamas"

Country genitives (``Irans Außenminister``) are left to the caller. Some qualifiers say
that the person is not the office's present holder (``DIFFERENT_HOLDER``): a former or
deputy defence minister, or a Land's interior minister, is not the country's defence or
interior minister.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from chronik.errors import ResourceError
from chronik.memo import Memo
from chronik.tables import load_table, split_multi

PACKAGE = "chronik.kb"
_words = str.split  # the word list below is one string, for legibility
KINDS = frozenset(
    _words(
        "head_of_state head_of_government minister deputy diplomat military spokesperson "
        "legislator judicial party official religious media business academic other"
    )
)
COLUMNS = ("role", "forms", "sector", "sector2", "kind", "singular_office", "english", "note")

# Prefixes written before a role, with or without a hyphen, and what they mean.
_PREFIX_QUALIFIERS = {
    "Ex": "former",
    "Alt": "former",
    "Vize": "deputy",
    "Interims": "acting",
    "Übergangs": "acting",
    "Ko": "co",
    "Co": "co",
    "Noch": "outgoing",
    # Fused, never hyphenated: "Bundesaußenminister" is the federal foreign minister,
    # "Landesinnenminister" a Land's, not the country's.
    "Bundes": "federal",
    "Landes": "state",
}
_LEVELS = frozenset({"Bundes", "Landes"})  # prefixes that make sense before offices only
# Qualifiers of a role whose bearer is not the holder of the office itself.
DIFFERENT_HOLDER = frozenset({"former", "deputy", "acting", "co", "designate", "state"})
# Adjectives before a role that qualify it rather than name a different office.
_ADJECTIVE_QUALIFIERS = (
    (re.compile(r"^stellvertretende[mnrs]?$", re.IGNORECASE), "deputy"),
    (re.compile(r"^kommissarische[mnrs]?$", re.IGNORECASE), "acting"),
    (re.compile(r"^geschäftsführende[mnrs]?$", re.IGNORECASE), "acting"),
    (re.compile(r"^(ehemalige|frühere|einstige)[mnrs]?$", re.IGNORECASE), "former"),
    (re.compile(r"^scheidende[mnrs]?$", re.IGNORECASE), "outgoing"),
    (re.compile(r"^designierte[mnrs]?$", re.IGNORECASE), "designate"),
    (re.compile(r"^amtierende[mnrs]?$", re.IGNORECASE), "incumbent"),
)


@dataclass(frozen=True)
class Role:
    role: str
    forms: tuple[str, ...]
    sector: str
    sector2: str
    kind: str
    singular_office: bool
    english: str
    note: str


@dataclass(frozen=True)
class RoleMatch:
    """A role read from a surface: the role, and how the surface qualifies it."""

    role: Role
    surface: str
    qualifiers: tuple[str, ...] = ()
    prefix: str = ""  # an organisation or place written before the role: "UN", "Hamas"


def _role(row: dict[str, str]) -> Role:
    if row["singular_office"] not in ("yes", "no"):
        raise ResourceError(f"roles.tsv: {row['role']}: singular_office must be yes or no")
    return Role(
        role=row["role"],
        forms=tuple(split_multi(row["forms"])),
        sector=row["sector"],
        sector2=row["sector2"],
        kind=row["kind"],
        singular_office=row["singular_office"] == "yes",
        english=row["english"],
        note=row["note"],
    )


class Roles:
    """The role nouns of ``roles.tsv``, looked up by any form."""

    def __init__(self, roles: Iterable[Role]) -> None:
        self._roles: dict[str, Role] = {}
        self._by_form: dict[str, Role] = {}
        # Surfaces already read (every noun of an article is asked about): RoleMatch is
        # frozen, so one reading can be handed out again. Bounded like a cache.
        self._matches: Memo[str, RoleMatch | None] = Memo()
        for role in roles:
            if role.role in self._roles:
                raise ResourceError(f"roles.tsv: duplicate role {role.role}")
            self._roles[role.role] = role
            for form in (role.role, *role.forms):
                self._by_form.setdefault(form, role)

    @classmethod
    @cache
    def load(cls) -> Roles:
        table = load_table(PACKAGE, "roles.tsv")
        missing = [column for column in COLUMNS if column not in table.columns]
        if missing:
            raise ResourceError(f"table {table.name}: missing columns {', '.join(missing)}")
        return cls(_role(row) for row in table)

    def __iter__(self) -> Iterator[Role]:
        return iter(self._roles.values())

    def __len__(self) -> int:
        return len(self._roles)

    def get(self, role: str) -> Role | None:
        return self._roles.get(role)

    def forms(self) -> dict[str, Role]:
        """Every listed form with its role (for a gazetteer matcher)."""
        return dict(self._by_form)

    def by_form(self, surface: str) -> Role | None:
        """The role a surface names, also through prefixes (``Ex-Verteidigungsminister``)."""
        found = self.match(surface)
        return found.role if found else None

    def is_role(self, surface: str) -> bool:
        return self.match(surface) is not None

    def match(self, surface: str) -> RoleMatch | None:
        """Read a surface as a role with its qualifiers, or None when it names no role."""
        if surface in self._matches:
            return self._matches[surface]
        return self._matches.remember(surface, self._read(surface))

    def _read(self, surface: str) -> RoleMatch | None:
        words = surface.split()
        if not words:
            return None
        qualifiers: list[str] = []
        while len(words) > 1 and (adjective := adjective_qualifier(words[0])):
            qualifiers.append(adjective)
            words = words[1:]
        found = self._match_compound(" ".join(words))
        if found is None:
            return None
        role, more, prefix = found
        return RoleMatch(role, surface.strip(), tuple(qualifiers + more), prefix)

    def _match_compound(self, text: str) -> tuple[Role, list[str], str] | None:
        if text in self._by_form:
            return self._by_form[text], [], ""
        head, hyphen, rest = text.partition("-")
        if hyphen and rest:
            inner = self._match_compound(rest[:1].upper() + rest[1:])
            if inner is not None:
                role, qualifiers, prefix = inner
                if head in _PREFIX_QUALIFIERS:
                    return role, [_PREFIX_QUALIFIERS[head], *qualifiers], prefix
                return role, qualifiers, prefix or head
        for prefix, qualifier in _PREFIX_QUALIFIERS.items():
            tail = text[len(prefix) :]
            if text.startswith(prefix) and tail[:1].islower():
                inner = self._match_compound(tail[:1].upper() + tail[1:])
                # "Bundesbürger" and "Landesvater" name no office.
                if inner is not None and not (prefix in _LEVELS and inner[0].kind == "other"):
                    return inner[0], [qualifier, *inner[1]], inner[2]
        return None


def adjective_qualifier(word: str) -> str | None:
    """What an adjective before a role says about it: ``frühere`` -> ``former``."""
    for pattern, qualifier in _ADJECTIVE_QUALIFIERS:
        if pattern.match(word):
            return qualifier
    return None
