"""Organisation names that rules find before any other name: legal forms, class nouns
(``der Konzern X``), sports clubs and universities (``1. FC X``, ``TU X``), capitalised
adjectives or proper nouns before an organisation head (``Passauer Neue Presse``,
``X Airways``) and bodies with a ``für`` phrase (``Bundesamt für Strahlenschutz``).

Each rule marks the tokens it takes, so later rules and the general name finder in
``mentions`` leave them alone.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from chronik.entities.lexicon import EntityLexicon, OrgWord
from chronik.entities.names import NameIndex
from chronik.entities.records import Mention, Reading
from chronik.language.tokens_view import view

NAME_TAGS = frozenset({"NE", "FM"})  # proper nouns and foreign words
_MAX_ACRONYM = 6
_NOT_IN_ORG_NAMES = frozenset({"ART", "APPR", "APPRART", "$(", "$,", "$.", "KON", "PPER", "PDS"})
# Sectors whose head nouns take a capitalised adjective as part of a name (Berliner
# Zeitung, Deutscher Bauernverband); not GOV or COP (die Berliner Polizei is no name).
_NAMED_BY_ADJECTIVE = frozenset({"MED", "NGO", "LAB"})
_NAMED_BY_PROPER_NOUN = frozenset({"BUS", "MED", "NGO", "LAB", "EDU", ""})
_PURPOSE_PREPOSITIONS = frozenset({"für"})
_INDEFINITE_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
_MAX_PURPOSE_WORDS = 6
# Committees, groups and communities "für X" are parts or programmes, not named bodies.
_NOT_NAMED_BY_PURPOSE = frozenset({"LEG", "IGO", "PTY"})
_MAX_APPOSED_NAME = 4  # tokens of a name after a class noun (der Konzern X)
_OPENING_QUOTES = frozenset({'"', "„", "«", "»", "‚", "“"})
_CLOSING_QUOTES = frozenset({'"', "“", "”", "»", "«", "‘"})
# Sports-club abbreviations before the club's name (FC, TSV, MSV, 1. FC, VfB, SpVgg).
_CLUB_PREFIX = re.compile(
    r"^(?:[A-Z]{0,2}(?:SV|SC|FC|SG|SK|BC)|VfB|VfL|VfR|TuS|TSG|SpVgg|SSV|AS|AC)$"
)
# Universities named by an abbreviation before the city (TU Dresden, FH Aachen, FU Berlin).
_UNIVERSITY_PREFIX = re.compile(r"^(?:TU|TH|FH|FU|HU|ETH|LMU|RWTH|PH|HS)$")
_CLUB_YEAR = re.compile(r"^(?:0\d|1[89]\d\d)$")  # Schalke 04, Mainz 05, TSV 1860
_CLUB_ORDINAL = re.compile(r"^\d\.$")  # 1. FC Köln
_LONGEST_CLUB_PREFIX = 5  # SpVgg; longer words match neither prefix nor a club year


def is_acronym(word: str) -> bool:
    """``NATO``, ``UN-``, ``BVB``: two to six capital letters."""
    letters = word.replace("-", "")
    return 2 <= len(letters) <= _MAX_ACRONYM and letters.isupper() and letters.isalpha()


class OrganisationRules:
    def __init__(self, names: NameIndex, lexicon: EntityLexicon) -> None:
        self._names = names
        self._lexicon = lexicon

    def find(self, doc: Doc, start: int, end: int, number: int, taken: set[int]) -> list[Mention]:
        """Organisation names in one sentence, most certain rule first: legal forms
        (``Nordlicht Energie GmbH``), clubs, class nouns, adjective and proper-noun heads,
        ``für`` phrases. ``taken`` gets the tokens of every name found."""
        # Each rule scans every token: they read the document's token columns (indexed
        # from ``start``), not spaCy's tokens, which are built anew on each access.
        tokens = view(doc)
        words, tags = tokens.texts[start:end], tokens.tags[start:end]
        suffixes = [self._lexicon.org_suffix(word) for word in words]
        found = self._legal_form_names(doc, start, end, number, taken, suffixes)
        found += self._club_names(doc, start, end, number, taken, words)
        found += self._apposed_names(doc, start, end, number, taken, tags)
        found += self._adjective_head_names(doc, start, end, number, taken, words, tags)
        found += self._proper_noun_head_names(doc, start, end, number, taken, suffixes)
        found += self._purpose_names(doc, start, end, number, taken, words, tags)
        return found

    def _purpose_names(
        self,
        doc: Doc,
        start: int,
        end: int,
        number: int,
        taken: set[int],
        words: list[str],
        tags: list[str],
    ) -> list[Mention]:
        """``das Bundesamt für Gesundheit``, ``des Instituts für Angewandte Ökologie``: an
        organisation head with a ``für`` phrase of capitalised words is one name; after an
        indefinite article (``ein Zentrum für Flüchtlinge``) it is a description."""
        found = []
        for index in range(start, end - 2):
            if index in taken or tags[index - start] != "NN":
                continue
            token = doc[index]
            if words[index + 1 - start].lower() not in _PURPOSE_PREPOSITIONS or (
                index > start and doc[index - 1].lower_ in _INDEFINITE_ARTICLES
            ):
                continue
            head = self._head_noun(token.text)
            if head is None or head.sector in _NOT_NAMED_BY_PURPOSE:
                continue
            after = _purpose_phrase_end(doc, index + 2, end)
            if after == index + 2 or any(
                r.type in ("GPE", "LOC")
                for i in range(index + 2, after)
                for r in self._names.single(doc[i].text)
            ):
                continue  # "der Gemeinschaft für Griechenland" is aid for a country
            first = _capitalised_adjectives_before(doc, index, start)
            if any(i in taken for i in range(first, after)):
                continue
            reading = self._known_organisation(doc, first, after) or Reading(
                "ORG", doc[first:after].text, "organisation"
            )
            found.append(Mention(first, after, "name", number, reading))
            taken.update(range(first, after))
        return found

    def _proper_noun_head_names(
        self,
        doc: Doc,
        start: int,
        end: int,
        number: int,
        taken: set[int],
        suffixes: list[OrgWord | None],
    ) -> list[Mention]:
        """``Kestrel Airways``, ``Morvania Holdings``: proper nouns before a company, media,
        club or association head make one organisation name, even when the first of them
        is a place (``Nordhafen Verlag``). Heads of state bodies are left out, since
        ``Merkels Regierung`` is no name."""
        found = []
        for index in range(start + 1, end):
            # A head in the genitive too: des Nordstern Verlags is the Nordstern Verlag.
            suffix = suffixes[index - start] or self._head_noun(doc[index].text)
            if (
                index in taken
                or suffix is None
                or suffix.kind != "head"
                or suffix.position == "prefix"
                or suffix.sector not in _NAMED_BY_PROPER_NOUN
            ):
                continue
            first = index
            while (
                first > start
                and index - first < 3
                and first - 1 not in taken
                and doc[first - 1].tag_ in NAME_TAGS
                and doc[first - 1].text[:1].isupper()
                and not self._lexicon.is_not_name(doc[first - 1].text)
            ):
                first -= 1
            if first == index or (index - first == 1 and doc[first].text.endswith("s")):
                continue  # "Nordwinds Verlag" is a possessive, not a name
            text = doc[first : index + 1].text
            reading = Reading("ORG", text, "organisation", sector=suffix.sector or None)
            found.append(Mention(first, index + 1, "name", number, reading))
            taken.update(range(first, index + 1))
        return found

    def _adjective_head_names(
        self,
        doc: Doc,
        start: int,
        end: int,
        number: int,
        taken: set[int],
        words: list[str],
        tags: list[str],
    ) -> list[Mention]:
        """``der Passauer Neuen Presse``, ``des Evangelischen Presseverbandes``: capitalised
        adjectives inside a sentence before a media, association or union head noun."""
        found = []
        for index in range(start + 1, end):
            if index in taken or tags[index - start] != "NN":
                continue
            head = self._head_noun(words[index - start])
            if head is None or head.sector not in _NAMED_BY_ADJECTIVE:
                continue
            first = _capitalised_adjectives_before(doc, index, start + 1)
            if first == index or index - first > 2 or any(i in taken for i in range(first, index)):
                continue
            known = self._names.longest(words, first - start)
            if known is not None and known.end + start > index:
                continue  # a KB name ("Russische Föderation") decides for itself
            text = doc[first : index + 1].text
            reading = Reading("ORG", text, "organisation", sector=head.sector)
            found.append(Mention(first, index + 1, "name", number, reading))
            taken.update(range(first, index + 1))
        return found

    def _head_noun(self, word: str) -> OrgWord | None:
        """The organisation head a noun is or ends with, also in the genitive."""
        for form in (word, word.removesuffix("s"), word.removesuffix("es")):
            suffix = self._lexicon.org_suffix(form)
            if suffix is not None and suffix.kind == "head":
                return suffix
            compound = self._lexicon.compound_org_head(form)
            if compound is not None:
                return compound
        return None

    def _legal_form_names(
        self,
        doc: Doc,
        start: int,
        end: int,
        number: int,
        taken: set[int],
        suffixes: list[OrgWord | None],
    ) -> list[Mention]:
        found = []
        for index in range(start, end):
            suffix = suffixes[index - start]
            if suffix is None or suffix.kind != "legal_form":
                continue
            first = index
            while (
                first - 1 >= start
                and first > index - 5
                and doc[first - 1].text[:1].isupper()
                and doc[first - 1].tag_ not in _NOT_IN_ORG_NAMES
            ):
                first -= 1
            if first < index:
                text = doc[first : index + 1].text
                # Deutsche Bank AG is the knowledge base's Deutsche Bank.
                reading = self._known_organisation(doc, first, index) or Reading(
                    "ORG", text, "organisation", sector=suffix.sector
                )
                found.append(Mention(first, index + 1, "name", number, reading))
                taken.update(range(first, index + 1))
        return found

    def _apposed_names(
        self, doc: Doc, start: int, end: int, number: int, taken: set[int], tags: list[str]
    ) -> list[Mention]:
        """``der Spielzeughersteller Nordwind``, ``die Rockband „Die Kiesel“``: a class noun
        right before a proper noun (or a quoted title) names an organisation; the class
        noun stays outside the span."""
        found = []
        for index in range(start, end - 1):
            if index in taken or tags[index - start] != "NN":
                continue
            token = doc[index]
            descriptor = self._lexicon.org_descriptor(token.text)
            if descriptor is None:
                continue
            first, after = self._apposed_span(doc, index + 1, end)
            if after <= first or any(i in taken for i in range(first, after)):
                continue
            if self._lexicon.descriptor_in_name(token.text) and first == index + 1:
                first = _capitalised_adjectives_before(doc, index, start)
            text = doc[first:after].text
            if (
                first == index + 1
                and after - first == 1
                and any(r.type in ("GPE", "LOC") for r in self._names.single(text))
            ):
                continue  # "der Partei Russlands": a genitive place, not the name
            reading = self._known_organisation(doc, first, after) or Reading(
                "ORG", text, "organisation", sector=descriptor.sector or None
            )
            found.append(Mention(first, after, "name", number, reading))
            taken.update(range(first, after))
        return found

    def _known_organisation(self, doc: Doc, first: int, after: int) -> Reading | None:
        """The knowledge base's organisation named exactly by ``doc[first:after]``: what it
        knows (id, country, sector) beats what the class noun suggests (die Terrorgruppe
        X is a known armed group of a country, die Organisation OECD an IGO)."""
        if after - first == 1:
            readings = self._names.single(doc[first].text)
        else:
            match = self._names.longest([token.text for token in doc[first:after]], 0)
            readings = match.readings if match and match.end == after - first else []
        return next((r for r in readings if r.type == "ORG" and r.kb_id), None)

    def _apposed_span(self, doc: Doc, first: int, end: int) -> tuple[int, int]:
        """The name right after a class noun: quoted words, or a run of proper nouns."""
        if doc[first].text in _OPENING_QUOTES:
            close = first + 1
            while close < end and close - first <= _MAX_APPOSED_NAME + 1:
                if doc[close].text in _CLOSING_QUOTES:
                    inner = doc[first + 1 : close]
                    if len(inner) and inner[0].text[:1].isupper():
                        return first + 1, close
                    break
                close += 1
            return first, first
        after = first
        while (
            after < end
            and after - first < _MAX_APPOSED_NAME
            and (doc[after].tag_ in NAME_TAGS or is_acronym(doc[after].text))
            and doc[after].text[:1].isupper()
            and not self._lexicon.is_not_name(doc[after].text)
        ):
            after += 1
        return first, after

    def _club_names(
        self, doc: Doc, start: int, end: int, number: int, taken: set[int], words: list[str]
    ) -> list[Mention]:
        """``1. FC Nordstadt``, ``TSV Oberweiler 1862``, ``Eintracht Nordstadt 05``: the
        club's abbreviation (or founding year) holds the club's name together."""
        found = []
        for index in range(start, end):
            text = words[index - start]
            if (
                index in taken
                or len(text) > _LONGEST_CLUB_PREFIX
                or not (text[:1].isupper() or text[:1].isdigit())  # der, und, ( ...
            ):
                continue
            if (_CLUB_PREFIX.match(text) or _UNIVERSITY_PREFIX.match(text)) and index + 1 < end:
                first = (
                    index - 1
                    if index > start and _CLUB_ORDINAL.match(doc[index - 1].text)
                    else index
                )
                after = index + 1
                while after < end and after - index <= 3 and self._club_word(doc[after].text):
                    after += 1
                if after == index + 1:
                    continue
            elif len(text) == 2 and _CLUB_YEAR.match(text) and index > start:
                first, after = index, index + 1
                while (
                    first > start
                    and index - first < 3
                    and doc[first - 1].tag_ in ("NE", "NN", "FM")
                    and self._club_word(doc[first - 1].text)
                ):
                    first -= 1
                if first == index or (index - first == 1 and doc[first].tag_ != "NE"):
                    continue  # "Eintracht Nordstadt 05", not "der Handy-Markt 07"
            else:
                continue
            if any(i in taken for i in range(first, after)):
                continue
            reading = Reading("ORG", doc[first:after].text, "organisation")
            found.append(Mention(first, after, "name", number, reading))
            taken.update(range(first, after))
        return found

    def _club_word(self, word: str) -> bool:
        return bool(_CLUB_YEAR.match(word)) or (
            word[:1].isupper()
            and word.replace("-", "").replace("/", "").isalpha()
            and not self._lexicon.is_not_name(word)
        )


def _capitalised_adjectives_before(doc: Doc, index: int, start: int) -> int:
    """Start of ``Mitteldeutscher Verlag``: capitalised adjectives before a name's head."""
    first = index
    while first > start and doc[first - 1].tag_ == "ADJA" and doc[first - 1].text[:1].isupper():
        first -= 1
    return first


def _purpose_phrase_end(doc: Doc, first: int, end: int) -> int:
    """End of ``Unterricht und Kultus``, ``politische Bildung``: capitalised nouns, with
    adjectives and ``und`` between them; the phrase ends on a capitalised word."""
    after, last_noun = first, first
    while after < end and after - first < _MAX_PURPOSE_WORDS:
        token = doc[after]
        if token.tag_ in ("NN", "NE", "FM") and token.text[:1].isupper():
            last_noun = after + 1
        elif token.tag_ != "ADJA" and token.lower_ != "und":
            break
        after += 1
    return last_noun
