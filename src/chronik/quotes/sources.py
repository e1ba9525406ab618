"""How far a source phrase reaches: the noun phrase a frame names, with what belongs to it.

A speaker is rarely one word in news German: ``ein Sprecher des Ministeriums``,
``Patrick Georg von der Gewerkschaft``, ``die Deutsche Presse-Agentur (dpa)``, ``der
Zeitung „Morgenpost“``, ``Peter Sharp, der Direktor des Unternehmens,``. Starting from
the head phrase, the phrase grows rightwards over genitives, a ``von`` phrase, a short
parenthesis, a short quoted name and a comma apposition, never over a verb.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronik.language.de.tagger import FINITE_TAGS

NOUNS = frozenset({"NN", "NE", "NNA", "NNI"})
COMMON_NOUNS = frozenset({"NN", "NNA", "NNI"})
FINITE = FINITE_TAGS
_DETERMINERS = frozenset({"ART", "PPOSAT", "PIAT", "PDAT"})
_PREMODIFIERS = frozenset({"ADJA", "ADJD", "CARD", "TRUNC", "ADV"})
_GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer"})
_OF = frozenset({"von", "vom"})
_INDEFINITE = frozenset({"ein", "einem", "einer", "eines"})
_OPENERS = {"„": '“”"', "»": "«", "«": "»", '"': '"', "“": "”"}
_BRACKET_REACH = 6  # tokens inside a parenthesis that still names the source: (dpa), (SPD)
_QUOTED_NAME_REACH = 6  # tokens of a quoted name: „Der Spiegel“
_APPOSITION_REACH = 14


def nominal_run(doc: Doc, index: int, limit: int) -> int:
    """The end of a noun phrase starting at ``index`` (determiner, modifiers, nouns), or
    ``index`` itself when no noun follows."""
    after = index
    if after < limit and doc[after].tag_ in _DETERMINERS:
        after += 1
    while after < limit and doc[after].tag_ in _PREMODIFIERS:
        after += 1
    if after >= limit or doc[after].tag_ not in NOUNS:
        return index
    while after < limit and (doc[after].tag_ in NOUNS or doc[after].tag_ == "CARD"):
        after += 1
    return after


def extend_source(
    doc: Doc, phrase: tuple[int, int], limit: int, blocked: frozenset[str] = frozenset()
) -> tuple[int, int]:
    """``phrase`` grown over what belongs to it, up to ``limit``. ``blocked`` names
    prepositions that carry the verb's content here (``berichtete … von``)."""
    start, after = phrase
    while after < limit:
        grown = _one_step(doc, start, after, limit, blocked)
        if grown <= after:
            break
        after = grown
    return start, after


def _one_step(doc: Doc, start: int, after: int, limit: int, blocked: frozenset[str]) -> int:
    token, last = doc[after], doc[after - 1]
    word = token.lower_
    if word in _GENITIVE_ARTICLES and token.tag_ == "ART" and last.tag_ in COMMON_NOUNS:
        return nominal_run(doc, after, limit)  # ein Sprecher des Ministeriums
    if token.tag_ == "NE" and last.tag_ in COMMON_NOUNS and token.text.endswith("s"):
        return after + 1  # die Regierung Russlands
    if (
        word in _OF
        and word not in blocked
        and last.tag_ in NOUNS
        and after + 1 < limit
        and doc[after + 1].lower_ not in _INDEFINITE
    ):
        return nominal_run(doc, after + 1, limit)  # Patrick Georg von der Gewerkschaft
    if token.text == "(":
        return _closed(doc, after, limit, ")", _BRACKET_REACH)
    if token.text in _OPENERS and (last.tag_ in NOUNS or last.tag_ == "ART"):
        return _closed(doc, after, limit, _OPENERS[token.text], _QUOTED_NAME_REACH)
    if token.text == ",":
        return apposition_end(doc, after, limit)
    return after


def _closed(doc: Doc, opener: int, limit: int, closers: str, reach: int) -> int:
    """After the closing bracket or mark of a short stretch without a verb."""
    for index in range(opener + 1, min(limit, opener + reach + 2)):
        if doc[index].text in closers:
            return index + 1 if index > opener + 1 else opener
        if doc[index].tag_ in FINITE:
            return opener
    return opener


def apposition_end(doc: Doc, comma: int, limit: int) -> int:
    """``Peter Sharp, der Direktor des Unternehmens,``: a noun phrase between commas (or
    up to the clause end) with no verb in it."""
    head_end = nominal_run(doc, comma + 1, limit)
    if head_end == comma + 1:
        return comma
    end = extend_source(doc, (comma + 1, head_end), min(limit, comma + 1 + _APPOSITION_REACH))[1]
    if end >= limit or doc[end].text in (",", ":", "."):
        return end
    return comma
