"""Word lists that German named-entity rules and coreference read, loaded once.

Chronik has no German NER model: it finds names with rules over SoMaJo tokens and HanTa
tags. These six tables in ``data/`` carry the German (and foreign) knowledge those rules
need; ``EntityLexicon.load()`` reads them once per process.

    first_names.tsv     given names: gender, naming culture, also a German word? (Ernst)
    name_particles.tsv  von, van, de, bin, al- ... that stay inside a person name
    org_words.tsv       legal forms (AG, GmbH, e.V.), head nouns (Bank, Partei) and class
                        nouns before an organisation's name (der Konzern X)
    not_names.tsv       capitalised words that never name an entity alone (Montag, Laut)
    pronouns.tsv        pronoun readings with the referent's person, number and gender
    person_titles.tsv   titles kept out of a name span (Dr., Frau, Graf, General)

Lookups take the text of a token. Forms that SoMaJo splits into several tokens (``e. V.``,
``Dr. med.``) are found with or without their inner spaces. Pronoun lookups ignore case;
the others respect it, because capitalisation is the evidence (``ernst`` is no name).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from chronik.errors import ResourceError
from chronik.memo import Memo
from chronik.tables import Table, load_table, split_multi

PACKAGE = "chronik.entities"
FILES = (
    "first_names.tsv",
    "name_particles.tsv",
    "org_words.tsv",
    "not_names.tsv",
    "pronouns.tsv",
    "person_titles.tsv",
)
_words = str.split  # the value lists below are one string each, for legibility

# Sector codes: the CAMEO/PLOVER agent codes Chronik uses (chronik.kb.cameo.SECTORS).
SECTORS = frozenset(
    _words(
        "GOV MIL LEG JUD COP SPY PTY OPP REB UAF IGO NGO MED JRN "
        "BUS REL CVL EDU LAB REF CRM HLH ELI AGR DEV ENV HRI"
    )
)
NAME_GENDERS = frozenset(_words("m f u"))
REFERENT_GENDERS = {"m": {"m"}, "f": {"f"}, "n": {"n"}, "mn": {"m", "n"}, "any": {"m", "f", "n"}}
NUMBERS = frozenset(_words("sg pl sg_or_pl"))
CASES = frozenset(_words("nom acc dat gen any"))
PRONOUN_KINDS = frozenset(_words("personal possessive reflexive demonstrative"))
TITLE_KINDS = frozenset(_words("honorific academic noble religious rank"))
_YES_NO = frozenset(_words("yes no"))
_T = TypeVar("_T")
# Letters that Unicode does not decompose into a base letter and a mark.
_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i"})


# Case endings a class noun may carry before a name (des Konzerns, dem Verbande, der Ligisten).
_DESCRIPTOR_ENDINGS = ("", "s", "es", "e", "en", "n")
_MIN_COMPOUND_PREFIX = 3  # letters before a compound's head (Autokonzern, not Konzern)
_MIN_COMPOUND_HEAD = 4  # shorter heads (Amt, Rat) end too many plain words
_MIN_DESCRIPTOR_HEAD = 3  # letters of a class noun found at the end of a compound


@dataclass(frozen=True)
class FirstName:
    name: str
    gender: str  # m, f or u (unisex, or masculine in one culture and feminine in another)
    origin: str  # ISO 639-1 code of the culture the name most often signals
    origins: tuple[str, ...]  # every culture that uses it, origin first
    ambiguous: bool  # the form is also a common German word (Ernst, Mark, August)
    note: str = ""


@dataclass(frozen=True)
class NameParticle:
    particle: str
    position: str  # inner (a word of its own) or prefix (glued on: al-Assad)
    note: str = ""


@dataclass(frozen=True)
class OrgWord:
    """A row of org_words.tsv: a legal form, a head noun or a class noun of organisations."""

    word: str
    kind: str  # legal_form, head (Deutsche Bank) or class (only before a name: Autobauer)
    position: str  # suffix, prefix or either; a class noun is a prefix
    sector: str  # PLOVER agent code, "" when the name decides
    # inside or outside when the word introduces a name as its class noun (der Konzern X):
    # whether, written alone, it is part of the name (Verlag Paul Haupt); else "".
    bare: str = ""
    note: str = ""

    @property
    def inside(self) -> bool:
        return self.bare == "inside"


@dataclass(frozen=True)
class Pronoun:
    """One reading of a pronoun form. Person, number and gender describe the referent."""

    form: str
    person: int  # 3, or 2 for the polite Sie forms and the familiar plural ihr
    number: str  # sg, pl or sg_or_pl
    gender: str  # m, f, n, mn or any
    cases: tuple[str, ...]  # of the pronoun itself: nom, acc, dat, gen
    kind: str  # personal, possessive, reflexive or demonstrative
    polite: bool  # a polite form (Sie, Ihnen, Ihr), written capitalised
    note: str = ""

    def agrees(self, gender: str | None, number: str | None) -> bool:
        """Whether an antecedent of this gender (m, f, n) and number (sg, pl) fits; None fits."""
        if number is not None and self.number not in ("sg_or_pl", number):
            return False
        if gender is None or number == "pl":
            return True
        return gender in REFERENT_GENDERS[self.gender]


@dataclass(frozen=True)
class PersonTitle:
    title: str
    kind: str  # honorific, academic, noble, religious or rank
    gender: str  # m, f or any
    note: str = ""


@dataclass(frozen=True)
class EntityLexicon:
    """The six entity tables, indexed for lookups by token text."""

    first_names: Mapping[str, FirstName] = field(repr=False)
    particles: Mapping[str, NameParticle] = field(repr=False)
    # Legal forms and head nouns of org_words.tsv, by their form without spaces.
    org_suffixes: Mapping[str, OrgWord] = field(repr=False)
    not_names: Mapping[str, str] = field(repr=False)  # word -> reason
    pronouns: Mapping[str, tuple[Pronoun, ...]] = field(repr=False)  # lower-case form
    person_titles: Mapping[str, PersonTitle] = field(repr=False)
    folded_first_names: Mapping[str, FirstName] = field(repr=False, default_factory=dict)
    # The words of org_words.tsv that introduce a name as its class noun (der Konzern X).
    org_descriptors: Mapping[str, OrgWord] = field(repr=False, default_factory=dict)
    # Head nouns long enough to end a compound (Linkspartei), by their lower-case form, and
    # the lengths of those forms, longest first: a word's endings of these lengths are looked
    # up instead of testing every head.
    compound_heads: Mapping[str, OrgWord] = field(repr=False, default_factory=dict)
    compound_head_sizes: tuple[int, ...] = field(repr=False, default=())
    descriptor_sizes: tuple[int, ...] = field(repr=False, default=())  # likewise, longest first
    # Answers of compound_org_head and org_descriptor per word: they are asked for most
    # capitalised tokens and nouns.
    _heads_of: Memo[str, OrgWord | None] = field(
        repr=False, compare=False, hash=False, default_factory=Memo
    )
    _descriptors_of: Memo[str, OrgWord | None] = field(
        repr=False, compare=False, hash=False, default_factory=Memo
    )

    @classmethod
    @cache
    def load(cls) -> EntityLexicon:
        """The shipped tables, read once per process."""
        return cls.from_tables({name: load_table(PACKAGE, name) for name in FILES})

    @classmethod
    def from_tables(cls, tables: Mapping[str, Table]) -> EntityLexicon:
        """Build from parsed tables keyed by file name; raise ResourceError when one is broken."""
        first_names = _first_names(tables["first_names.tsv"])
        folded: dict[str, FirstName] = {}
        for name, entry in first_names.items():
            folded.setdefault(fold(name), entry)
        org_words = _org_words(tables["org_words.tsv"])
        descriptors = {entry.word: entry for entry in org_words.values() if entry.bare}
        compound_heads = {
            entry.word.lower(): entry
            for entry in org_words.values()
            if entry.kind == "head" and len(entry.word) >= _MIN_COMPOUND_HEAD
        }
        return cls(
            first_names=first_names,
            particles=_particles(tables["name_particles.tsv"]),
            org_suffixes={key: e for key, e in org_words.items() if e.kind != "class"},
            org_descriptors=descriptors,
            not_names=_not_names(tables["not_names.tsv"]),
            pronouns=_pronouns(tables["pronouns.tsv"]),
            person_titles=_person_titles(tables["person_titles.tsv"]),
            folded_first_names=folded,
            compound_heads=compound_heads,
            compound_head_sizes=_sizes(compound_heads),
            descriptor_sizes=_sizes(descriptors),
        )

    def first_name(self, word: str) -> FirstName | None:
        """The given name a token spells, also without accents (Rene) and in hyphenated
        compounds of listed names (Hans-Peter); None for lower-case words and surnames."""
        key = _name_case(word.strip())
        found = self._simple_first_name(key)
        if found is not None or "-" not in key:
            return found
        return self._compound_first_name(key)

    def is_name_particle(self, word: str) -> bool:
        """von, van, de, bin, al- ...; case-insensitive (the caller checks the context)."""
        return _particle_key(word) in self.particles

    def particle_prefix(self, token: str) -> tuple[str, str] | None:
        """Split a glued particle off a name part: ``al-Assad`` -> (``al-``, ``Assad``)."""
        text = token.strip().replace("\u2019", "'")
        for particle in self.particles.values():
            size = len(particle.particle)
            if (
                particle.position == "prefix"
                and text[:size].casefold() == particle.particle.casefold()
                and text[size : size + 1].isupper()
            ):
                return text[:size], text[size:]
        return None

    def org_suffix(self, word: str) -> OrgWord | None:
        """The legal form or head noun a token (or a run of tokens) spells, e.g. GmbH, e. V."""
        if word.isalnum():  # a plain token, asked for nearly every token: no spaces to drop
            return self.org_suffixes.get(word)
        return self.org_suffixes.get(_compact(word))

    def org_descriptor(self, word: str) -> OrgWord | None:
        """The class noun a token spells when it introduces an organisation's name:
        ``Konzern``, ``Konzerns``, ``Autokonzern``, ``Technologie-Konzerns``, ``Pop-Band``."""
        if not word[:1].isupper() or (not word.isalpha() and "-" not in word):
            return None
        if word in self._descriptors_of:
            return self._descriptors_of[word]
        found = self._class_noun_ending(word)
        self._descriptors_of.remember(word, found)
        return found

    def _class_noun_ending(self, word: str) -> OrgWord | None:
        last = word.rsplit("-", 1)[-1]
        for ending in _DESCRIPTOR_ENDINGS:
            stem = last[: len(last) - len(ending)] if ending else last
            if (ending and not last.endswith(ending)) or len(stem) < 3:
                continue
            found = self.org_descriptors.get(stem[:1].upper() + stem[1:])
            if found is not None:
                return found
            longest = len(stem) - _MIN_COMPOUND_PREFIX
            for size in self.descriptor_sizes:  # only lengths some class noun has
                if _MIN_DESCRIPTOR_HEAD <= size <= longest:
                    head = stem[-size:]
                    found = self.org_descriptors.get(head[:1].upper() + head[1:])
                    if found is not None:
                        return found
        return None

    def descriptor_in_name(self, word: str) -> bool:
        """Whether a class noun written alone belongs to the name it introduces
        (``Verlag Paul Haupt``, ``Stiftung Warentest``) rather than standing before it."""
        for ending in ("", "s", "es"):  # singular only: "Schulen X" lists schools
            if ending and not word.endswith(ending):
                continue
            found = self.org_descriptors.get(word[: len(word) - len(ending)])
            if found is not None:
                return found.inside
        return False

    def compound_org_head(self, word: str) -> OrgWord | None:
        """The longest head noun ending a German compound (Linkspartei -> Partei), written
        in lower case after at least three letters; a weak signal, since generic compounds
        (Oppositionspartei) end the same way."""
        if not word[:1].isupper():
            return None
        if word in self._heads_of:
            return self._heads_of[word]
        found = None
        longest = len(word) - _MIN_COMPOUND_PREFIX
        for size in self.compound_head_sizes:
            if size <= longest:
                found = self.compound_heads.get(word[-size:])
                if found is not None:
                    break
        self._heads_of.remember(word, found)
        return found

    def is_not_name(self, word: str) -> bool:
        """Whether a capitalised word never names an entity on its own (Montag, Regierung)."""
        return self.not_name_reason(word) is not None

    def not_name_reason(self, word: str) -> str | None:
        key = _compact(word)
        reason = self.not_names.get(key)
        if reason is None and key.isupper() and len(key) > 1:
            reason = self.not_names.get(key.capitalize())
        return reason

    def pronoun(self, word: str) -> Pronoun | None:
        """The preferred reading of a pronoun form (case-insensitive), or None."""
        readings = self.pronoun_readings(word)
        return readings[0] if readings else None

    def pronoun_readings(self, word: str) -> tuple[Pronoun, ...]:
        """Every reading of a pronoun form, most likely in news text first."""
        return self.pronouns.get(word.strip().casefold(), ())

    def third_person_pronoun(self, word: str, sentence_initial: bool) -> Pronoun | None:
        """The preferred 3rd-person reading of a pronoun as written in a sentence.

        Capitalised inside a sentence, ``Sie``, ``Ihnen`` and ``Ihr`` are the polite
        2nd person (they address the reader or an interviewee), so they get None; at the
        start of a sentence the capital says nothing and the 3rd person is preferred.
        """
        readings = self.pronoun_readings(word)
        capitalised = word.strip()[:1].isupper()
        if capitalised and not sentence_initial and any(r.polite for r in readings):
            return None
        return next((reading for reading in readings if reading.person == 3), None)

    def person_title(self, word: str) -> PersonTitle | None:
        """The title a token (or a run of tokens) spells: Frau, Dr., Dr. med., General."""
        return self.person_titles.get(_compact(word))

    def _simple_first_name(self, key: str) -> FirstName | None:
        found = self.first_names.get(key)
        if found is None and key[:1].isupper():
            found = self.folded_first_names.get(fold(key))
        return found

    def _compound_first_name(self, key: str) -> FirstName | None:
        parts = [self._simple_first_name(part) for part in key.split("-")]
        if len(parts) < 2 or any(part is None for part in parts):
            return None
        found = [part for part in parts if part is not None]
        # The first part decides in German and French double names (Jean-Marie, Anne-Sophie).
        gender = next((part.gender for part in found if part.gender != "u"), "u")
        return FirstName(
            name=key,
            gender=gender,
            origin=found[0].origin,
            origins=found[0].origins,
            ambiguous=False,
            note="compound of listed given names",
        )


def fold(text: str) -> str:
    """The text without accents and diacritics (René -> Rene, Łukasz -> Lukasz)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _is_language_code(code: str) -> bool:
    return len(code) == 2 and code.isascii() and code.isalpha() and code.islower()


def _name_case(word: str) -> str:
    # Headlines and bylines write names in capitals (ANGELA MERKEL).
    return word.title() if word.isupper() and len(word) > 1 else word


def _compact(word: str) -> str:
    return "".join(word.split())


def _particle_key(word: str) -> str:
    return word.strip().replace("\u2019", "'").casefold()


def _require(table: Table, columns: tuple[str, ...]) -> None:
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise ResourceError(f"table {table.name}: missing columns {', '.join(missing)}")


def _check(table: Table, key: str, column: str, value: str, allowed: frozenset[str]) -> str:
    if value not in allowed:
        choices = ", ".join(sorted(value or "(empty)" for value in allowed))
        raise ResourceError(
            f"table {table.name}: {key}: {column} {value!r} is not one of {choices}"
        )
    return value


def _add(index: dict[str, _T], table: Table, key: str, value: _T) -> None:
    if not key:
        raise ResourceError(f"table {table.name}: a row has an empty key")
    if key in index:
        raise ResourceError(f"table {table.name}: duplicate entry {key}")
    index[key] = value


def _first_names(table: Table) -> dict[str, FirstName]:
    _require(table, ("name", "gender", "origin", "ambiguous", "note"))
    index: dict[str, FirstName] = {}
    for row in table:
        name = row["name"]
        origins = tuple(split_multi(row["origin"]))
        if not origins or not all(_is_language_code(code) for code in origins):
            reason = f"origin {row['origin']!r} is not a list of ISO 639-1 codes"
            raise ResourceError(f"table {table.name}: {name}: {reason}")
        entry = FirstName(
            name=name,
            gender=_check(table, name, "gender", row["gender"], NAME_GENDERS),
            origin=origins[0],
            origins=origins,
            ambiguous=_check(table, name, "ambiguous", row["ambiguous"], _YES_NO) == "yes",
            note=row["note"],
        )
        _add(index, table, name, entry)
    return index


def _particles(table: Table) -> dict[str, NameParticle]:
    _require(table, ("particle", "position", "note"))
    positions = frozenset(_words("inner prefix"))
    index: dict[str, NameParticle] = {}
    for row in table:
        particle = row["particle"]
        position = _check(table, particle, "position", row["position"], positions)
        _add(index, table, _particle_key(particle), NameParticle(particle, position, row["note"]))
    return index


def _org_words(table: Table) -> dict[str, OrgWord]:
    _require(table, ("word", "kind", "position", "sector", "bare", "note"))
    kinds = frozenset(_words("legal_form head class"))
    positions = frozenset(_words("suffix prefix either"))
    places = frozenset(_words("inside outside")) | {""}
    index: dict[str, OrgWord] = {}
    for row in table:
        word = row["word"]
        entry = OrgWord(
            word=word,
            kind=_check(table, word, "kind", row["kind"], kinds),
            position=_check(table, word, "position", row["position"], positions),
            sector=_check(table, word, "sector", row["sector"], SECTORS | {""}),
            bare=_check(table, word, "bare", row["bare"], places),
            note=row["note"],
        )
        problem = _org_word_problem(entry)
        if problem:
            raise ResourceError(f"table {table.name}: {word}: {problem}")
        _add(index, table, _compact(word), entry)
    return index


def _org_word_problem(entry: OrgWord) -> str:
    """What makes a row contradict itself, or ""."""
    if entry.kind == "class" and not entry.bare:
        return "a class noun needs bare inside or outside"
    if entry.kind == "class" and entry.position != "prefix":
        return "a class noun stands before the name: position prefix"
    if entry.kind == "legal_form" and entry.bare:
        return "a legal form introduces no name: bare must be empty"
    return ""


def _sizes(words: Mapping[str, OrgWord]) -> tuple[int, ...]:
    """The lengths of the keys, longest first."""
    return tuple(sorted({len(key) for key in words}, reverse=True))


def _not_names(table: Table) -> dict[str, str]:
    _require(table, ("word", "reason"))
    index: dict[str, str] = {}
    for row in table:
        _add(index, table, _compact(row["word"]), row["reason"])
    return index


def _pronouns(table: Table) -> dict[str, tuple[Pronoun, ...]]:
    _require(table, ("form", "person", "number", "gender", "case", "kind", "polite", "note"))
    readings: dict[str, list[Pronoun]] = {}
    for row in table:
        reading = _pronoun(table, row)
        same = readings.setdefault(reading.form, [])
        if reading in same:
            raise ResourceError(f"table {table.name}: duplicate reading of {reading.form}")
        same.append(reading)
    return {form: tuple(forms) for form, forms in readings.items()}


def _pronoun(table: Table, row: dict[str, str]) -> Pronoun:
    form = row["form"].casefold()
    cases = tuple(split_multi(row["case"]))
    if not cases or not set(cases) <= CASES:
        raise ResourceError(f"table {table.name}: {form}: case {row['case']!r} is not valid")
    return Pronoun(
        form=form,
        person=int(_check(table, form, "person", row["person"], frozenset({"2", "3"}))),
        number=_check(table, form, "number", row["number"], NUMBERS),
        gender=_check(table, form, "gender", row["gender"], frozenset(REFERENT_GENDERS)),
        cases=("nom", "acc", "dat", "gen") if cases == ("any",) else cases,
        kind=_check(table, form, "kind", row["kind"], PRONOUN_KINDS),
        polite=_check(table, form, "polite", row["polite"], _YES_NO) == "yes",
        note=row["note"],
    )


def _person_titles(table: Table) -> dict[str, PersonTitle]:
    _require(table, ("title", "kind", "gender", "note"))
    genders = frozenset(_words("m f any"))
    index: dict[str, PersonTitle] = {}
    for row in table:
        title = row["title"]
        entry = PersonTitle(
            title=title,
            kind=_check(table, title, "kind", row["kind"], TITLE_KINDS),
            gender=_check(table, title, "gender", row["gender"], genders),
            note=row["note"],
        )
        _add(index, table, _compact(title), entry)
    return index
