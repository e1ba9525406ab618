"""Clause helpers for attribution: speech verbs, clause bounds, noun phrases, subjects.

No parser is available; these rules read the topological fields of German clauses
from STTS tags: the finite verb in second position, a prefield before it, the middle
field after it up to the detached particle or the clause end.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronik.entities.records import Mention
from chronik.quotes.lexicon import SpeechLexicon, SpeechVerb

FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
_NP_START = frozenset(
    {"ART", "PPOSAT", "PIAT", "PDAT", "ADJA", "NN", "NE", "PPER", "CARD", "FM", "PIS", "PDS"}
)
_NP_INNER = frozenset({"ADJA", "ADJD", "NN", "NE", "CARD", "FM", "TRUNC", "KON", "ADV"})
_NON_NOMINATIVE = frozenset({"dem", "den", "des", "einem", "einen", "eines"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", "„", "“", "”", "»", "«", '"'})
_SENTENCE_END = frozenset({".", "!", "?"})
_CONJUNCT_TAGS = frozenset({"KOUS", "KON", "PRELS", "PWS", "PWAV"})


def speech_verb(doc: Doc, index: int, lexicon: SpeechLexicon) -> SpeechVerb | None:
    """The speech verb a finite verb or participle stands for (the language layer has
    already joined a detached particle to its lemma)."""
    token = doc[index]
    if token.tag_ not in FINITE and token.tag_ not in ("VVPP", "VVINF"):
        return None
    return lexicon.verb(token.lemma_) or lexicon.verb(f"davon {token.lemma_}")


def cue_tokens(index: int, separable: dict[int, int]) -> list[int]:
    particle = separable.get(index)
    return [index] if particle is None else [index, particle]


def clause_bounds(doc: Doc, index: int, start: int, end: int) -> tuple[int, int]:
    """The clause around ``index``: between commas, colons and sentence ends. Leftwards
    it widens over commas that only set off an apposition (a stretch without a verb:
    ``Der Leiter des Programms, Klaus Stöhr, sagte``)."""
    left = index
    while left > start and doc[left - 1].text not in _CLAUSE_BREAKS | _SENTENCE_END:
        left -= 1
    while left - 1 > start and doc[left - 1].text == ",":
        segment = left - 1
        while segment > start and doc[segment - 1].text not in _CLAUSE_BREAKS | _SENTENCE_END:
            segment -= 1
        if segment == left - 1 or any(
            t.tag_ in FINITE or t.tag_ in _CONJUNCT_TAGS for t in doc[segment : left - 1]
        ):
            break
        left = segment
    right = index + 1
    while right < end and doc[right].text not in _CLAUSE_BREAKS | _SENTENCE_END:
        right += 1
    return left, right


def noun_phrase(doc: Doc, index: int, end: int) -> tuple[int, int] | None:
    """A noun phrase starting at ``index``: determiner, adjectives, nouns, a genitive."""
    if index >= end or doc[index].tag_ not in _NP_START:
        return None
    after = index + 1
    while after < end and doc[after].tag_ in _NP_INNER and doc[after].tag_ != "KON":
        after += 1
    if (
        after < end
        and doc[after].tag_ == "ART"
        and doc[after].lower_ in ("des", "der")
        and after + 1 < end
        and doc[after + 1].tag_ in ("ADJA", "NN", "NE")
    ):
        after += 1
        while after < end and doc[after].tag_ in ("ADJA", "NN", "NE"):
            after += 1
    while after > index + 1 and doc[after - 1].tag_ == "ADV":
        after -= 1
    return index, after


def subject(
    doc: Doc, verb: int, start: int, end: int, mentions: list[Mention]
) -> tuple[int, int] | None:
    """The subject of a finite verb: the prefield phrase, else the first nominative
    phrase after the verb (inversion: ``Dies sagte der Minister``). For a participle
    (``hat … gefordert``) the clause's auxiliary stands in for the verb."""
    left, right = clause_bounds(doc, verb, start, end)
    if doc[verb].tag_ == "VVPP":
        verb = next((i for i in range(left, verb) if doc[i].tag_ in FINITE), verb)
    before = _prefield_subject(doc, left, verb, mentions)
    if before is not None:
        return _with_adjacent_name(before, mentions)
    index = verb + 1
    while index < right:
        token = doc[index]
        if token.tag_ in ("APPR", "APPRART"):
            index = _after_pp(doc, index, right)  # "sagte am Dienstag in Moskau der Minister"
            continue
        if token.tag_ in _NP_START and token.lower_ not in _NON_NOMINATIVE:
            found = _mention_span(mentions, index, index + 1) or noun_phrase(doc, index, right)
            found = _with_adjacent_name(found, mentions) if found else None
            return _with_apposition(doc, found, end, mentions)
        if token.tag_ not in ("ADV", "PTKNEG", "PROAV", "ADJD", "PRF"):
            return None
        index += 1
    return None


def _with_adjacent_name(phrase: tuple[int, int], mentions: list[Mention]) -> tuple[int, int]:
    """``der Virologe Klaus Stöhr``: a role phrase and the name right after it."""
    for mention in mentions:
        if mention.start == phrase[1] and mention.kind == "name":
            return phrase[0], mention.end
    return phrase


def _with_apposition(
    doc: Doc, phrase: tuple[int, int] | None, end: int, mentions: list[Mention]
) -> tuple[int, int] | None:
    """``der Leiter des Programms, Klaus Stöhr``: a name after a comma belongs to it."""
    if phrase is None or phrase[1] + 1 >= end or doc[phrase[1]].text != ",":
        return phrase
    for mention in mentions:
        if mention.start == phrase[1] + 1 and mention.kind == "name":
            return phrase[0], mention.end
    return phrase


def _after_pp(doc: Doc, index: int, right: int) -> int:
    index += 1
    while index < right and doc[index].tag_ in ("ART", "ADJA", "NN", "NE", "CARD", "PPOSAT"):
        index += 1
    return index


def _prefield_subject(
    doc: Doc, left: int, verb: int, mentions: list[Mention]
) -> tuple[int, int] | None:
    if left >= verb:
        return None
    first = doc[left]
    if (
        first.tag_ in ("APPR", "APPRART", "ADV", "PROAV", "PDS", "KOUS", "PWAV", "PWS")
        or first.lower_ in _NON_NOMINATIVE
    ):
        return None
    last = verb
    while last > left and doc[last - 1].text == ",":
        last -= 1
    if "," in [t.text for t in doc[left:last]]:
        return left, last  # a phrase with its apposition: the whole prefield
    found = _mention_span(mentions, left, left + 1)
    if found is not None and found[1] <= verb:
        return found
    phrase = noun_phrase(doc, left, verb)
    if phrase is not None and phrase[1] == verb:
        return phrase
    return None


def _mention_span(mentions: list[Mention], start: int, end: int) -> tuple[int, int] | None:
    for mention in mentions:
        if start <= mention.start < end:
            return mention.start, mention.end
    return None


def is_subjunctive(doc: Doc, index: int) -> bool:
    """Konjunktiv I, the mood of reported speech: ``sei``, ``habe``, ``werde``, ``liege``."""
    token = doc[index]
    word = token.lower_
    if word in _SUBJUNCTIVE_FORMS:
        return True  # also when the tagger missed it ("habe" read as XY)
    if token.tag_ not in FINITE:
        return False
    return (
        word.endswith("e")
        and not word.endswith("te")
        and token.tag_ == "VVFIN"
        and word != token.lemma_.lower()
        and not word.endswith("ie")
    )


_SUBJUNCTIVE_FORMS = frozenset(
    "sei seien seiest habe werde könne müsse solle wolle dürfe möge wisse gebe gäbe wäre "
    "wären hätte hätten würde würden könnte könnten müsste müssten sollte wollte".split()
)


def trim_punctuation(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without trailing sentence punctuation, quotation marks or spaces."""
    while end > start and (doc[end - 1].tag_ in ("$.", "$(") or doc[end - 1].is_space):
        end -= 1
    return start, end
