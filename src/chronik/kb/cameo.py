"""Read CAMEO actor and agent dictionaries (the TABARI/PETRARCH/Phoenix text format).

Many users already keep their actors in this format, so Chronik reads it as is and turns
it into plain records the entity linker can use. The format, as the Phoenix files use it:

    # a comment; from '#' to the end of a line is ignored
    HAMID_KARZAI_  # a primary name: words joined by '_', a trailing '_' ends the phrase
    +PRESIDENT_KARZAI_           # '+' starts another name for the same actor
        [AFGELI 750101-000101]   # a code with a date range (yymmdd or yyyymmdd)
        [AFGGOV >011222]         # '>' from that day on; '<' until that day
        [AFGELI]                 # no date: the code outside the dated ranges
    NATO_ [IGOWSTNAT]            # codes may also follow the name on the same line

Two-digit years follow TABARI: 00-30 are 20yy, 31-99 are 19yy. A date that is not a valid
yymmdd or yyyymmdd (the Phoenix files hold a few typos such as ``9008223``) is read as
unknown (None) rather than guessed. ``[---]`` is TABARI's null code.

Agents files (``Phoenix.agents.txt``) hold generic nouns: ``FOREIGN_MINISTER [~GOVFRM]``
(``~CODE``: the code follows the actor's code; ``CODE~``: it precedes it), an optional
irregular plural in braces (``{ATTORNEYS_GENERAL}``, ``{}`` for none) and substitution
sets (``!MINIST! = MINISTER, MINISTRY``) that expand a marker inside a phrase.
Regular English plurals are not generated: Chronik matches German text, and the English
forms serve as labels.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from chronik.errors import ResourceError
from chronik.tables import load_table

logger = logging.getLogger(__name__)

NULL_CODE = "---"
_words = str.split  # word lists below are one string each, for legibility

#: Chronik's sector codes: the CAMEO/PLOVER agent codes (../shared/data/plover) it uses.
SECTORS = frozenset(
    _words(
        "GOV MIL LEG JUD COP SPY PTY OPP REB UAF IGO NGO MED JRN "
        "BUS REL CVL EDU LAB REF CRM HLH ELI AGR DEV ENV HRI"
    )
)

# CAMEO role codes whose Chronik sector differs from the code itself.
_ROLE_ALIASES = {
    "INS": "REB",  # insurgents
    "SEP": "REB",  # separatists
    "IMG": "REB",  # international militarised group (al-Qaida, ...)
    "NGM": "NGO",  # non-governmental movement
    "MNC": "BUS",  # multinational corporation
    "SET": "CVL",  # settlers
    "MOD": "CVL",  # moderate
    "RAD": "CVL",  # radical
}
_RELIGION_CODES = frozenset(
    _words(
        "ADR ATH BAH BUD CHR CTH ORT PRO CON HIN JAN JEW ITR MOS MUS SHI SUN ALE DRZ SFI "
        "SHN SIK TAO ZRO"
    )
)
# CAMEO country codes that are not (or no longer) ISO 3166 alpha-3.
_CAMEO_COUNTRIES = {"KSV": "XKX", "TMP": "TLS", "ROM": "ROU", "USR": "SUN", "ZAR": "COD"}
_ORG_TYPES = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG"})
# A code GOV+X where Chronik files the actor under X (a defence minister is MIL, GOV second).
_GOV_SPECIFIC = frozenset({"MIL"})


class _Period:
    start: date | None
    end: date | None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class DatedCode(_Period):
    """One CAMEO code with the period it holds; None means open (or unreadable)."""

    code: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class ActorEntry:
    """One actor record: its primary name and '+' aliases as written, and its codes."""

    name: str
    aliases: tuple[str, ...] = ()
    codes: tuple[DatedCode, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class AgentEntry:
    """One agent phrase (words joined by spaces) with its code as written (``~GOV``)."""

    phrase: str
    code: str

    @property
    def role_code(self) -> str:
        return self.code.strip("~")

    @property
    def precedes_actor(self) -> bool:
        """True for ``NGO~`` codes, which are written before the actor's code."""
        return self.code.endswith("~") and not self.code.startswith("~")


@dataclass(frozen=True)
class ImportedRole(_Period):
    """A code read as Chronik's country and sector, with its period."""

    code: str
    country: str | None
    sector: str | None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class ImportedActor:
    """An actor ready for the entity linker: names in natural case, dated roles."""

    name: str
    names: tuple[str, ...]
    roles: tuple[ImportedRole, ...]
    source: str = ""

    def role_on(self, day: date | None = None) -> ImportedRole | None:
        """The role on a day: a dated role holding then, else the undated one."""
        undated = [role for role in self.roles if not role.dated]
        if day is not None:
            for role in self.roles:
                if role.dated and role.holds_on(day):
                    return role
        if undated:
            return undated[-1]
        return max(self.roles, key=_role_recency) if self.roles else None

    @property
    def country(self) -> str | None:
        role = self.role_on()
        return role.country if role else None

    @property
    def sector(self) -> str | None:
        role = self.role_on()
        return role.sector if role else None


def _role_recency(role: ImportedRole) -> date:
    # An open-ended role is the current one; among closed ones the latest end wins.
    return (role.end or date.max) if role.dated else date.min


# ---------------------------------------------------------------- dates and codes


def parse_cameo_date(text: str) -> date | None:
    """``yymmdd`` or ``yyyymmdd`` to a date; None when it is neither or invalid."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        return None
    if len(digits) == 6:
        short = int(digits[:2])
        year = 2000 + short if short <= 30 else 1900 + short
        month, day = int(digits[2:4]), int(digits[4:6])
    else:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_code_spec(spec: str) -> DatedCode | None:
    """The inside of ``[CODE dates]``; None when it holds no code."""
    tokens = spec.split()
    if not tokens:
        return None
    code, when = tokens[0], "".join(tokens[1:])
    if not when:
        return DatedCode(code)
    start = end = None
    if when.startswith(">"):
        start = parse_cameo_date(when[1:])
    elif when.startswith("<"):
        end = parse_cameo_date(when[1:])
    elif "-" in when:
        first, _, last = when.partition("-")
        start, end = parse_cameo_date(first), parse_cameo_date(last)
    else:  # a bare date (rare): read as the start of the period
        start = parse_cameo_date(when)
    if start is None and end is None:
        logger.debug("CAMEO code %s: unreadable date %r", code, when)
    return DatedCode(code, start, end)


# ISO 3166-3 codes of former countries that old CAMEO dictionaries still use.
_FORMER_COUNTRIES = frozenset({"SUN", "YUG", "CSK", "DDR", "SCG", "ANT", "ZAR", "BUR", "TMP"})


@cache
def _iso3_codes() -> frozenset[str]:
    """Current codes from the knowledge base's country table, plus former countries."""
    current = load_table("chronik.kb", "countries.tsv").column("iso3")
    return frozenset(current) | _FORMER_COUNTRIES


def cameo_country(prefix: str) -> str | None:
    """The ISO3 code for a CAMEO country code, or None when it is not a country."""
    prefix = prefix.upper()
    if prefix in _CAMEO_COUNTRIES:
        return _CAMEO_COUNTRIES[prefix]
    return prefix if prefix in _iso3_codes() else None


def _sector_of(chunk: str) -> str | None:
    if chunk in SECTORS:
        return chunk
    return _ROLE_ALIASES.get(chunk)


def split_code(code: str) -> tuple[str | None, list[str]]:
    """A code's country (ISO3 or None) and the Chronik sectors of its 3-letter chunks."""
    agent = "~" in code  # an agent code (~GOV, NGO~) names no country: ~MUS is Muslim
    body = code.strip().strip("~").upper()
    if not body or body == NULL_CODE:
        return None, []
    chunks = [body[i : i + 3] for i in range(0, len(body), 3)]
    country = None if agent else cameo_country(chunks[0])
    rest = chunks[1:] if country else chunks
    if not agent and not country and chunks[0] in _ORG_TYPES and chunks[1:2] not in ([], ["MUS"]):
        # NGOUSAEDU, MNCDEU: an organisation type, then the organisation's home country
        country = cameo_country(chunks[1])
        if country:
            rest = [chunks[0], *chunks[2:]]
    sectors = [s for s in (_sector_of(chunk) for chunk in rest) if s]
    if not sectors and any(chunk in _RELIGION_CODES for chunk in rest):
        sectors = ["REL"]
    return country, sectors


def code_to_country_sector(code: str) -> tuple[str | None, str | None]:
    """``RUSGOVMIL`` -> ``("RUS", "MIL")``; ``IGOUNO`` -> ``(None, "IGO")``.

    Country: the first three letters when they are an ISO3 (or CAMEO) country code; after
    an organisation type (``NGOUSAEDU``, ``MNCDEU``) the next three letters when they are.
    Sector: the first role code after it (organisation types such as IGO, NGO and MNC
    count as roles; INS, SEP and IMG become REB, MNC becomes BUS). One exception follows
    Chronik's role table: GOV followed by MIL (a defence ministry or minister) gives MIL.
    A code with only a religion gives REL; a bare country code gives no sector.
    """
    country, sectors = split_code(code)
    if not sectors:
        return country, None
    if sectors[0] == "GOV" and len(sectors) > 1 and sectors[1] in _GOV_SPECIFIC:
        return country, sectors[1]
    return country, sectors[0]


# ---------------------------------------------------------------- reading


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


_BRACKET = re.compile(r"\[([^\]]*)\]")


def _codes_in(text: str) -> tuple[str, list[DatedCode]]:
    """Split ``NAME_ [A] [B 900101-]`` into the text before the first '[' and the codes."""
    head, _, _ = text.partition("[")
    codes = [c for c in (parse_code_spec(m) for m in _BRACKET.findall(text)) if c]
    return head.strip(), codes


def _clean_name(raw: str) -> str:
    # Spaces inside a name are typos for '_' in these files; keep the written form otherwise.
    return "_".join(raw.split())


def parse_actor_lines(lines: Iterable[str]) -> list[ActorEntry]:
    """Parse the lines of an actor dictionary into entries, in file order."""
    entries: list[ActorEntry] = []
    current: dict | None = None
    for number, raw in enumerate(lines, start=1):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        if line.startswith("["):
            if current is None:
                logger.debug("actor dictionary line %d: code before any name", number)
                continue
            current["codes"].extend(_codes_in(line)[1])
        elif line.startswith("+"):
            if current is not None:
                alias, codes = _codes_in(line[1:])
                if alias:
                    current["aliases"].append(_clean_name(alias))
                current["codes"].extend(codes)
        else:
            if current is not None:
                entries.append(_entry(current))
            name, codes = _codes_in(line)
            current = {"name": _clean_name(name), "aliases": [], "codes": codes, "line": number}
    if current is not None:
        entries.append(_entry(current))
    return [entry for entry in entries if entry.name]


def _entry(state: dict) -> ActorEntry:
    return ActorEntry(
        name=state["name"],
        aliases=tuple(state["aliases"]),
        codes=tuple(state["codes"]),
        line=state["line"],
    )


def read_lines(path: Path) -> list[str]:
    """A dictionary file's lines; bytes that are not UTF-8 are read as cp1252."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ResourceError(f"CAMEO dictionary {path}: cannot read ({error})") from error
    lines = []
    for raw in data.splitlines():
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
    return lines


def read_actor_dictionary(path: Path) -> list[ActorEntry]:
    return parse_actor_lines(read_lines(Path(path)))


# ---------------------------------------------------------------- agents

_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_PLURAL = re.compile(r"\{([^}]*)\}")


def _phrase(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def _expand(phrase: str, sets: dict[str, list[str]]) -> Iterator[str]:
    for marker, values in sets.items():
        if marker in phrase:
            for value in values:
                yield from _expand(phrase.replace(marker, value, 1), sets)
            return
    yield phrase


def parse_agent_lines(lines: Iterable[str]) -> list[AgentEntry]:
    """Agent entries with substitution sets and explicit plurals expanded, in file order."""
    sets: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for raw in lines:
        line = _strip_comment(raw).strip()
        substitution = _SUBSTITUTION.match(line)
        if substitution:
            values = [v.strip() for v in substitution.group(2).split(",") if v.strip()]
            sets[substitution.group(1)] = values
            continue
        codes = _BRACKET.findall(line)
        if not codes or not codes[0].strip():
            continue
        head = line.partition("[")[0]
        plural = _PLURAL.search(head)
        forms = [_PLURAL.sub("", head)] + ([plural.group(1)] if plural else [])
        for form in forms:
            for phrase in _expand(form, sets):
                if _phrase(phrase):
                    entries.append(AgentEntry(_phrase(phrase), codes[0].split()[0]))
    return entries


def read_agent_dictionary(path: Path) -> list[AgentEntry]:
    return parse_agent_lines(read_lines(Path(path)))


# ---------------------------------------------------------------- import for the linker

_PARTICLES = frozenset(
    _words("of the and for in on at to de la le les da di du van von der den des")
)
_ACRONYMS = frozenset(
    _words(
        "UN UNO EU US USA UK UAE IAEA OPEC NATO ASEAN UNICEF UNESCO UNHCR UNDP UNRWA UNSC "
        "UNSG OSCE OAS OAU AU IS ISIS ISIL IRA ETA AQAP AQIM IMF WHO CIA FBI FSB KGB ICC "
        "ICJ ICRC IPCC IDF IOC FIFA UEFA EEC EC OIC SCO GCC AIDS HIV"
    )
)


def _natural_word(word: str, first: bool, single: bool) -> str:
    if word in _ACRONYMS or "." in word or any(ch.isdigit() for ch in word):
        return word
    letters = [ch for ch in word if ch.isalpha()]
    if letters and not any(ch in "AEIOUY" for ch in word.upper()):
        return word  # no vowel: an acronym such as PKK or CNN
    if single and len(letters) <= 5:
        return word
    lower = word.lower()
    if lower in _PARTICLES and not first:
        return lower
    parts = re.split(r"([-'])", lower)
    cased = "".join(part[:1].upper() + part[1:] for part in parts)
    return "Mc" + cased[2:3].upper() + cased[3:] if cased.startswith("Mc") else cased


def natural_case(name: str) -> str:
    """``HAMID_KARZAI_`` -> ``Hamid Karzai``; ``NATO_`` stays ``NATO``."""
    words = name.replace("_", " ").split()
    single = len(words) == 1
    return " ".join(_natural_word(word, index == 0, single) for index, word in enumerate(words))


def _role(code: DatedCode) -> ImportedRole:
    country, sector = code_to_country_sector(code.code)
    return ImportedRole(code.code, country, sector, code.start, code.end)


def import_entries(entries: Iterable[ActorEntry], source: str = "") -> list[ImportedActor]:
    """Entries with at least one real code, as ImportedActor records."""
    actors = []
    for entry in entries:
        roles = tuple(_role(code) for code in entry.codes if code.code != NULL_CODE)
        if not roles:
            continue
        names = dict.fromkeys(natural_case(n) for n in (entry.name, *entry.aliases))
        names.pop("", None)
        if names:
            actors.append(ImportedActor(next(iter(names)), tuple(names), roles, source))
    return actors


def import_actor_dictionary(path: Path) -> list[ImportedActor]:
    """Read a CAMEO actor dictionary for the entity linker."""
    path = Path(path)
    return import_entries(read_actor_dictionary(path), source=path.name)
