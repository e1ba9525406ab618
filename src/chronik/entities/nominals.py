"""Role nominals and institutions: ``der russische Verteidigungsminister``,
``dem Generalstabschef der iranischen Streitkräfte``, ``Irans Außenminister``,
``das russische Außenministerium``, ``die Regierung Irans``.

The country of a role or institution comes from a country adjective before the head,
a country genitive before it (``Irans``), a compound prefix (``US-``), or a genitive
complement after it (``der iranischen Streitkräfte``, ``Russlands``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from chronik.entities.names import NameIndex
from chronik.kb.geography import GeoRef
from chronik.kb.knowledge_base import KnowledgeBase
from chronik.kb.organisations import kb_id as org_kb_id
from chronik.kb.roles import DIFFERENT_HOLDER, adjective_qualifier
from chronik.language.de.tagger import FINITE_TAGS
from chronik.language.tokens_view import TokenView, view

_PREMODIFIER_TAGS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PWAT", "ADJA", "CARD", "ADV"})
DETERMINER_TAGS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PWAT"})
_GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer"})
_NOMINATIVE_ARTICLES = frozenset({"der", "die", "das", "ein", "eine"})
_FEMININE_SUFFIX = "in"
# A counterpart in office: the same office in another country.
_COUNTERPART_FORMS = frozenset("Amtskollege Amtskollegen Amtskollegin Amtskolleginnen".split())
_GENERIC_OFFICES = {"head_of_state": "Präsident", "head_of_government": "Regierungschef"}
_QUANTIFIERS = frozenset(
    "mehrere viele einige zahlreiche etliche manche wenige sämtliche beide beiden alle".split()
)
_PLURAL_DETERMINERS = frozenset({"die", "seine", "ihre", "deren"}) | _QUANTIFIERS
_YEAR = re.compile(r"[12]\d{3}")
# Quantities that leave a role noun singular ("ein Minister"); any other number makes
# "zwei Minister", "17 Botschafter" a group, whose noun looks singular.
_SINGULAR_NUMBERS = frozenset({"ein", "eine", "einen", "einem", "einer", "eines", "1"})
# Role kinds (roles.tsv) that a Land or state has as offices of its own.
_REGIONAL_OFFICES = frozenset(
    "head_of_state head_of_government minister deputy legislator judicial official"
    " spokesperson party".split()
)


@dataclass
class Nominal:
    start: int  # first token of the phrase (determiner or adjective)
    head: int  # the role noun or institution noun
    end: int  # token after the head (genitive complement not included)
    role: str | None  # role lemma, for persons
    institution: str | None  # institution head, for organisations
    sector: str | None
    country: str | None
    org_prefix: str = ""
    gender: str | None = None
    plural: bool = False
    kb_id: str | None = None  # a body the knowledge base knows (die Bundesregierung)
    # Why the person is not the office's holder: "der frühere Verteidigungsminister",
    # "Vize-Außenminister", "Landesinnenminister" (see ``roles.DIFFERENT_HOLDER``).
    other_holder: tuple[str, ...] = ()
    region: str | None = None  # the Land or state of a regional office ("Bayern")


class NominalFinder:
    def __init__(self, kb: KnowledgeBase, names: NameIndex) -> None:
        self._kb = kb
        self._names = names

    def find(self, doc: Doc, start: int, end: int) -> list[Nominal]:
        found = []
        tokens = view(doc)
        texts, tags = tokens.texts, tokens.tags
        for index in range(start, end):
            if tags[index] not in ("NN", "NE") or not texts[index][:1].isupper():
                continue
            nominal = (
                self._role(tokens, index, start, end)
                or self._counterpart(tokens, index, start, end, found)
                or self._institution(tokens, index, start, end)
            )
            if nominal is not None:
                found.append(nominal)
        return found

    def _counterpart(
        self, tokens: TokenView, head: int, start: int, end: int, before: list[Nominal]
    ) -> Nominal | None:
        """``seinen russischen Amtskollegen``: the office of the last role before it in
        the sentence (``Der iranische Außenminister traf ...``), in the country its own
        adjective names."""
        if tokens.texts[head] not in _COUNTERPART_FORMS:
            return None
        earlier = next((nominal for nominal in reversed(before) if nominal.role), None)
        if earlier is None or earlier.role is None:
            return None
        office = self._kb.roles.get(earlier.role)
        if office is None:
            return None
        # A Bundeskanzler's counterpart abroad is a head of government, not a Bundeskanzler.
        role = self._kb.roles.get(_GENERIC_OFFICES.get(office.kind, "")) or office
        first = _phrase_start(tokens, head, start)
        country = self._country(tokens, first, head, end, "")
        if country is not None and country == earlier.country:
            return None  # a colleague from the same country is someone else
        unplaced: tuple[str, ...] = ()
        if country is None:
            # "seinen Amtskollegen Pawel Gromow": the named person holds that office
            # somewhere else; unnamed, nobody can be told.
            if not (head + 1 < end and tokens.tags[head + 1] == "NE"):
                return None
            unplaced = ("counterpart",)
        determiner = tokens.lowers[first]
        plural = tokens.texts[head].endswith("innen") or determiner in _PLURAL_DETERMINERS
        return Nominal(
            first,
            head,
            head + 1,
            role.role,
            None,
            role.sector or None,
            country,
            gender="f" if tokens.texts[head].startswith("Amtskollegin") else None,
            plural=plural,
            other_holder=unplaced,
        )

    def _role(self, tokens: TokenView, head: int, start: int, end: int) -> Nominal | None:
        text = tokens.texts[head]
        match = self._kb.roles.match(text)
        if match is None:
            return None
        first = _phrase_start(tokens, head, start)
        country = self._country(tokens, first, head, end, match.prefix)
        # A Land's adjective places an office (der bayerische Innenminister), not an
        # origin (der Hamburger Schriftsteller).
        office = match.role.kind in _REGIONAL_OFFICES
        regional = None if country or not office else self._adjective(tokens, first, head)
        region = regional[1] if regional else None
        # "Präsidenten Putin" before a name has no article of its own, nor "zum
        # Präsidenten" (it is in the preposition); both are singular.
        article = (
            tokens.lowers[first]
            if tokens.tags[first] in DETERMINER_TAGS
            or (first > start and tokens.tags[first - 1] == "APPRART")
            or (head + 1 < end and tokens.tags[head + 1] == "NE")
            else None
        )
        adjective = (
            tokens.lowers[head - 1] if head > first and tokens.tags[head - 1] == "ADJA" else ""
        )
        plural = _plural(text, match.role.role, article, adjective) or any(
            tokens.tags[index] == "CARD" and tokens.lowers[index] not in _SINGULAR_NUMBERS
            for index in range(first, head)
        )
        gender = (
            "f"
            if text.endswith((_FEMININE_SUFFIX, "innen"))
            else (
                "m"
                if tokens.lowers[first] in ("der", "dem", "des", "den", "ein", "einem", "eines")
                else None
            )
        )
        sector = match.role.sector or None
        adjectives = [adjective_qualifier(word) for word in tokens.lowers[first:head]]
        qualifiers = {*match.qualifiers, *(found for found in adjectives if found)}
        if region is not None:  # "der bayerische Innenminister": a Land's, in its country
            country = region.iso3
            qualifiers.add("state")
        body: tuple[str, ...] = ()
        # Only a prefix that is the whole modifier: "Post" in "Washington-Post-Reporter"
        # is not the paper.
        if match.prefix and not country and text.startswith(f"{match.prefix}-"):
            org = next((r for r in self._names.single(match.prefix) if r.type == "ORG"), None)
            sector = (org.sector or sector) if org and match.role.kind != "military" else sector
            if org is not None:
                # "CSU-Chef", "Gazprom-Präsident": the body's country, and the body's
                # office, never the state's ("Präsident (RUS, Gazprom)" is not Putin,
                # "der FIFA-Präsident" not the president named before).
                country, body = org.country, (match.prefix,)
        return Nominal(
            first,
            head,
            head + 1,
            match.role.role,
            None,
            sector,
            country,
            match.prefix,
            gender,
            plural,
            other_holder=(*sorted(qualifiers & DIFFERENT_HOLDER), *body),
            region=region.name if region else None,
        )

    def _institution(self, tokens: TokenView, head: int, start: int, end: int) -> Nominal | None:
        institution = self._kb.institutions.by_form(tokens.texts[head])
        if institution is None:
            return self._state_body(tokens, head, start, end)
        first = _phrase_start(tokens, head, start)
        country = self._country(tokens, first, head, end, "")
        # A capital's adjective stands for the state's bodies (not for offices: "der
        # Moskauer Bürgermeister" is the city's). HanTa often tags it as a noun ("die
        # Kiewer Regierung"), so the word before the head counts whatever its tag.
        before = max(start, min(first, head - 1))
        if country is None and (capital := self._adjective(tokens, before, head, "capital")):
            index, country = capital[0], capital[1].iso3
            first = min(first, _phrase_start(tokens, index, start))
        if country is None:
            return None  # "die Regierung" alone names no actor we can place
        return Nominal(
            first,
            head,
            head + 1,
            None,
            institution.head,
            institution.sector or None,
            country,
            plural=institution.gender == "pl",
        )

    def _state_body(self, tokens: TokenView, head: int, start: int, end: int) -> Nominal | None:
        """``die Bundesregierung``: a state body the knowledge base knows under a common
        noun, which the name finder leaves alone; its own country unless the phrase names
        another (``die österreichische Bundesregierung``)."""
        bodies = [
            body
            for body in self._kb.organisations.by_name(tokens.texts[head])
            if body.type == "state_body" and body.country
        ]
        if len(bodies) != 1:
            return None
        [body] = bodies
        first = _phrase_start(tokens, head, start)
        country = self._country(tokens, first, head, end, "")
        return Nominal(
            first,
            head,
            head + 1,
            None,
            body.name,
            body.sector or None,
            country or body.country,
            kb_id=org_kb_id(body) if country in (None, body.country) else None,
        )

    def _country(
        self, tokens: TokenView, first: int, head: int, end: int, prefix: str
    ) -> str | None:
        for index in range(first, head):
            text, tag = tokens.texts[index], tokens.tags[index]
            if tag == "ADJA" or (tag in ("ADJD", "NN", "NE") and "-" in text):
                country = self._names.country_of_adjective(text)
                if country:
                    return country
            if tag == "NE" and index == first:
                country = self._names.country_of_name(text)
                if country and text.endswith(("s", "'")):
                    return country
        if prefix:
            country = self._names.country_of_name(prefix)
            if country:
                return country
        # After an organisation's prefix (``NASA-Direktor in China``) a place phrase says
        # where the person is, not whose official they are.
        return self._genitive_country(tokens, head + 1, end, places=not prefix)

    def _adjective(
        self, tokens: TokenView, first: int, head: int, of: str = "region"
    ) -> tuple[int, GeoRef] | None:
        """The first word in ``first..head`` that is a region's (``bayerische``) or a
        capital's (``Kiewer``) adjective, with its place."""
        for index in range(first, head):
            ref = self._names.geo(tokens.texts[index], f"{of}_adjective")
            if ref is not None:
                return index, ref
        return None

    def _genitive_country(
        self, tokens: TokenView, index: int, end: int, *, places: bool = True
    ) -> str | None:
        """``… der iranischen Streitkräfte``, ``… Russlands``, ``… des russischen …``."""
        if index >= end:
            return None
        texts, tags, lower = tokens.texts, tokens.tags, tokens.lowers[index]
        if tags[index] == "NE":
            country = self._names.country_of_name(texts[index])
            return country if country and texts[index].endswith("s") else None
        if places and lower in ("in", "aus") and index + 1 < end and tags[index + 1] == "NE":
            return self._names.country_of_name(texts[index + 1])  # "die Opposition in Serbien"
        if lower not in _GENITIVE_ARTICLES:
            return None
        for offset in range(index + 1, min(end, index + 5)):
            if tags[offset] == "ADJA":
                country = self._names.country_of_adjective(texts[offset])
                if country:
                    return country
            elif tags[offset] in ("NN", "NE"):
                return self._names.country_of_name(texts[offset]) if tags[offset] == "NE" else None
        return None


def _plural(text: str, role: str, article: str | None, adjective: str) -> bool:
    """Plural role nouns (``Flüchtlinge``, ``Sprechern``, ``die Präsidenten``, ``die
    Minister``, ``mehrere Politiker``, ``US-Soldaten``) name groups. ``article`` is the
    phrase's first word when the phrase has an article (None without one: ``deutsche
    Politiker``), ``adjective`` the adjective before the noun, or ""."""
    surface = text.rsplit("-", 1)[-1]
    base = role.rsplit("-", 1)[-1]
    if article in _QUANTIFIERS or surface.endswith("innen") or surface == base + "e":
        return True
    if base.endswith(("er", "el")) and surface == base + "n":
        return True
    if base.endswith("er") and surface == base[:-1]:
        return False  # "die Vorsitzende", "die Abgeordnete": a woman
    if surface.endswith("in"):
        return False
    if surface != base:
        # Weak nouns: "den Präsidenten" is singular; "die Präsidenten", "der Soldaten"
        # (genitive), "US-Soldaten" and "deutscher Soldaten" are plural, but not "des …
        # verstorbenen Präsidenten", whose article lies beyond the participle's phrase.
        return article in ("die", "der") or (article is None and not adjective.endswith("en"))
    # A masculine form after "die" or a strong adjective is plural ("die Minister",
    # "deutsche Politiker"); "war Finanzminister" tells nothing.
    return article == "die" or (article is None and adjective.endswith("e"))


def _phrase_start(tokens: TokenView, head: int, start: int) -> int:
    """Walk left over adjectives, a determiner and a country genitive (``Irans``)."""
    tags = tokens.tags
    index = head
    while index - 1 >= start:
        previous = tags[index - 1]
        if previous == "CARD" and _YEAR.fullmatch(tokens.texts[index - 1]):
            break  # "von 2009 bis 2011 Finanzminister": a date, not a quantity
        if previous in _PREMODIFIER_TAGS and previous != "ADV":
            index -= 1
            if previous in DETERMINER_TAGS:
                break
        elif previous == "KON" and index - 2 >= start and tags[index - 2] == "ADJA":
            index -= 1
        elif previous == "NE" and tokens.texts[index - 1].endswith("s") and index == head:
            index -= 1
            break
        else:
            break
    return index


def subject_like(tokens: TokenView, first: int, sentence_start: int) -> bool:
    """Nominative-looking phrase at the clause start or right after the finite verb."""
    if tokens.tags[first] == "ART" and tokens.lowers[first] not in _NOMINATIVE_ARTICLES:
        return False
    if first == sentence_start:
        return True
    previous = tokens.tags[first - 1]
    if previous in ("$,", "KON", "$(", "$.") or tokens.texts[first - 1] == ":":
        return True
    return previous in FINITE_TAGS


def governed_by_preposition(tokens: TokenView, first: int, sentence_start: int) -> bool:
    return first > sentence_start and tokens.tags[first - 1] in (
        "APPR",
        "APPRART",
        "APPO",
        "KOKOM",
    )
