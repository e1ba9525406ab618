"""Where the content of a speech frame lies: the comma that opens it and what kind of
clause follows (``dass``/``ob``/wh, a ``zu`` infinitive, a clause in the subjunctive)."""

from __future__ import annotations

from spacy.tokens import Doc

from chronik.quotes.phrases import FINITE, clause_bounds, is_subjunctive, trim_punctuation
from chronik.quotes.sources import apposition_end

COMPLEMENTIZERS = frozenset({"dass", "ob"})
WH_TAGS = frozenset({"PWS", "PWAV", "PWAT"})
_SUBJUNCTIVE_REACH = 10
_MIDDLE_FIELD_REACH = 12  # tokens between a speech verb and the comma of its content
_QUOTE_MARKS = frozenset({"„", "»", "«", '"', "“"})


def content_comma(doc: Doc, verb: int, after: int, end: int) -> int | None:
    """The comma that opens the verb's content clause: the first one after the verb (and
    its detached particle) that does not just close an apposition (``sagte Eva Roth,
    Sprecherin der Stadt, …``), with no other clause or quotation in between."""
    index = max(after - 1, verb + 1)
    limit = min(end, after + _MIDDLE_FIELD_REACH)
    while index < limit:
        token = doc[index]
        if token.text == ",":
            closing = apposition_end(doc, index, end)
            if index + 1 < closing < end and doc[closing].text == ",":
                index = closing
                continue
            return index
        if token.tag_ in FINITE or token.text in (":", ";") or token.text in _QUOTE_MARKS:
            return None
        index += 1
    return None


def clause_kind(doc: Doc, first: int, end: int) -> str | None:
    """What the clause starting at ``first`` is as a content: ``complement`` (dass, ob),
    ``wh``, ``zu_inf``, ``subjunctive``, or None."""
    if first >= end:
        return None
    token = doc[first]
    if token.lower_ in COMPLEMENTIZERS:
        return "complement"
    if token.tag_ in WH_TAGS:
        return "wh"
    if zu_infinitive(doc, first, end):
        return "zu_inf"
    if subjunctive_clause(doc, first, end):
        return "subjunctive"
    return None


def content_span(doc: Doc, first: int, end: int) -> tuple[int, int]:
    """The content from ``first`` to the sentence end, without a leading ``dass``/``ob``
    and trailing punctuation; a reported main clause in the subjunctive ends where the
    frame's subject goes on in the indicative (``sagte, sie müssten handeln, und
    verließ den Saal``)."""
    start = first + (doc[first].lower_ in COMPLEMENTIZERS)
    subjunctive = False
    for index in range(start, end - 1):
        if is_subjunctive(doc, index):
            subjunctive = True
        elif (
            subjunctive
            and doc[index].lower_ in ("und", "sowie")
            and doc[index + 1].tag_ in ("VVFIN", "VAFIN")
            and not is_subjunctive(doc, index + 1)
        ):
            end = index - (doc[index - 1].text == ",")
            break
    return trim_punctuation(doc, start, end)


def zu_infinitive(doc: Doc, start: int, end: int) -> bool:
    left, right = clause_bounds(doc, start, start, end)
    return any(t.tag_ in ("VVIZU", "PTKZU") for t in doc[left:right])


def subjunctive_clause(doc: Doc, start: int, end: int) -> bool:
    return any(is_subjunctive(doc, i) for i in range(start, min(end, start + _SUBJUNCTIVE_REACH)))


def verb_second(doc: Doc, first: int, end: int) -> bool:
    """A main clause starts at ``first``: a finite verb follows its first phrase (within
    a few words, before any comma), and it does not open like a subordinate clause."""
    if doc[first].tag_ in _SUBORDINATE_STARTS:
        return False
    for index in range(first + 1, min(end, first + _PREFIELD_REACH + 1)):
        if doc[index].text == "," or doc[index].tag_ in _SUBORDINATE_STARTS:
            return False
        if doc[index].tag_ in FINITE:
            return True
    return False


_SUBORDINATE_STARTS = frozenset({"PRELS", "PRELAT", "KOUS", "KOUI", "KON", "PWAV", "PWS"})
_PREFIELD_REACH = 6
