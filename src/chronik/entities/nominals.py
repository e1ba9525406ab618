"""Role nominals and institutions: ``der russische Verteidigungsminister``,
``dem Generalstabschef der iranischen Streitkräfte``, ``Irans Außenminister``,
``das russische Außenministerium``, ``die Regierung Irans``.

The country of a role or institution comes from a country adjective before the head,
a country genitive before it (``Irans``), a compound prefix (``US-``), or a genitive
complement after it (``der iranischen Streitkräfte``, ``Russlands``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronik.entities.names import NameIndex
from chronik.kb.knowledge_base import KnowledgeBase

_PREMODIFIER_TAGS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PWAT", "ADJA", "CARD", "ADV"})
_DETERMINER_TAGS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PWAT"})
_GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer"})
_NOMINATIVE_ARTICLES = frozenset({"der", "die", "das", "ein", "eine"})
_FEMININE_SUFFIX = "in"


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


class NominalFinder:
    def __init__(self, kb: KnowledgeBase, names: NameIndex) -> None:
        self._kb = kb
        self._names = names

    def find(self, doc: Doc, start: int, end: int) -> list[Nominal]:
        found = []
        for index in range(start, end):
            token = doc[index]
            if token.tag_ not in ("NN", "NE") or not token.text[:1].isupper():
                continue
            nominal = self._role(doc, token, start, end) or self._institution(
                doc, token, start, end
            )
            if nominal is not None:
                found.append(nominal)
        return found

    def _role(self, doc: Doc, token: Token, start: int, end: int) -> Nominal | None:
        match = self._kb.roles.match(token.text)
        if match is None:
            return None
        first = _phrase_start(doc, token.i, start)
        country = self._country(doc, first, token.i, end, match.prefix)
        plural = _plural(token.text, match.role.role, doc[first].lower_)
        gender = (
            "f"
            if token.text.endswith((_FEMININE_SUFFIX, "innen"))
            else (
                "m"
                if doc[first].lower_ in ("der", "dem", "des", "den", "ein", "einem", "eines")
                else None
            )
        )
        sector = match.role.sector or None
        if match.prefix and not country:
            org = self._kb.organisations.by_name(match.prefix)
            sector = (org[0].sector or sector) if org and match.role.kind != "military" else sector
        return Nominal(
            first,
            token.i,
            token.i + 1,
            match.role.role,
            None,
            sector,
            country,
            match.prefix,
            gender,
            plural,
        )

    def _institution(self, doc: Doc, token: Token, start: int, end: int) -> Nominal | None:
        institution = self._kb.institutions.by_form(token.text)
        if institution is None:
            return None
        first = _phrase_start(doc, token.i, start)
        country = self._country(doc, first, token.i, end, "")
        if country is None:
            return None  # "die Regierung" alone names no actor we can place
        return Nominal(
            first,
            token.i,
            token.i + 1,
            None,
            institution.head,
            institution.sector or None,
            country,
            plural=institution.gender == "pl",
        )

    def _country(self, doc: Doc, first: int, head: int, end: int, prefix: str) -> str | None:
        for index in range(first, head):
            word = doc[index]
            if word.tag_ == "ADJA" or (word.tag_ in ("ADJD", "NN", "NE") and "-" in word.text):
                country = self._names.country_of_adjective(word.text)
                if country:
                    return country
            if word.tag_ == "NE" and index == first:
                country = self._names.country_of_name(word.text)
                if country and word.text.endswith(("s", "'")):
                    return country
        if prefix:
            country = self._names.country_of_name(prefix)
            if country:
                return country
        # After an organisation's prefix (``NASA-Direktor in China``) a place phrase says
        # where the person is, not whose official they are.
        return self._genitive_country(doc, head + 1, end, places=not prefix)

    def _genitive_country(
        self, doc: Doc, index: int, end: int, *, places: bool = True
    ) -> str | None:
        """``… der iranischen Streitkräfte``, ``… Russlands``, ``… des russischen …``."""
        if index >= end:
            return None
        token = doc[index]
        if token.tag_ == "NE":
            country = self._names.country_of_name(token.text)
            return country if country and token.text.endswith("s") else None
        if (
            places
            and token.lower_ in ("in", "aus")
            and index + 1 < end
            and doc[index + 1].tag_ == "NE"
        ):
            return self._names.country_of_name(doc[index + 1].text)  # "die Opposition in Serbien"
        if token.lower_ not in _GENITIVE_ARTICLES:
            return None
        for offset in range(index + 1, min(end, index + 5)):
            word = doc[offset]
            if word.tag_ == "ADJA":
                country = self._names.country_of_adjective(word.text)
                if country:
                    return country
            elif word.tag_ in ("NN", "NE"):
                return self._names.country_of_name(word.text) if word.tag_ == "NE" else None
        return None


def _plural(text: str, role: str, determiner: str) -> bool:
    """Plural role nouns (``Flüchtlinge``, ``Sprechern``, ``die Präsidenten``) name groups."""
    surface = text.rsplit("-", 1)[-1]
    base = role.rsplit("-", 1)[-1]
    if surface.endswith("innen") or surface == base + "e":
        return True
    if base.endswith(("er", "el")) and surface == base + "n":
        return True
    # Weak nouns: "den Präsidenten" is singular, "die Präsidenten" plural.
    return determiner == "die" and surface != base and not surface.endswith("in")


def _phrase_start(doc: Doc, head: int, start: int) -> int:
    """Walk left over adjectives, a determiner and a country genitive (``Irans``)."""
    index = head
    while index - 1 >= start:
        previous = doc[index - 1]
        if previous.tag_ in _PREMODIFIER_TAGS and previous.tag_ != "ADV":
            index -= 1
            if previous.tag_ in _DETERMINER_TAGS:
                break
        elif previous.tag_ == "KON" and index - 2 >= start and doc[index - 2].tag_ == "ADJA":
            index -= 1
        elif previous.tag_ == "NE" and previous.text.endswith("s") and index == head:
            index -= 1
            break
        else:
            break
    return index


def subject_like(doc: Doc, first: int, sentence_start: int) -> bool:
    """Nominative-looking phrase at the clause start or right after the finite verb."""
    token = doc[first]
    if token.tag_ == "ART" and token.lower_ not in _NOMINATIVE_ARTICLES:
        return False
    if first == sentence_start:
        return True
    previous = doc[first - 1]
    if previous.tag_ in ("$,", "KON", "$(", "$.") or previous.text == ":":
        return True
    return previous.tag_ in ("VVFIN", "VAFIN", "VMFIN")


def governed_by_preposition(doc: Doc, first: int, sentence_start: int) -> bool:
    return first > sentence_start and doc[first - 1].tag_ in ("APPR", "APPRART", "APPO", "KOKOM")
