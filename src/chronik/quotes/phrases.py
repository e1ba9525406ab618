"""Clause helpers for attribution: speech verbs, clause bounds, noun phrases, subjects.

No parser is available; these rules read the topological fields of German clauses
from STTS tags: the finite verb in second position, a prefield before it, the middle
field after it up to the detached particle or the clause end.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronik.entities.records import Mention
from chronik.language.tokens_view import view
from chronik.quotes.lexicon import SpeechLexicon, SpeechVerb
from chronik.quotes.sources import COMMON_NOUNS, FINITE, NOUNS, extend_source

_NP_START = frozenset(
    {"ART", "PPOSAT", "PIAT", "PDAT", "ADJA", "PPER", "CARD", "FM", "PIS", "PDS", *NOUNS}
)
_PRONOUNS = frozenset({"PPER", "PIS", "PDS"})
_NP_PREFIX = frozenset({"ART", "PPOSAT", "PIAT", "PDAT", "ADJA", "CARD", "TRUNC", "KON"})
_NAME_PARTS = frozenset({"FM", "CARD"})
_PP_INNER = frozenset({"ART", "ADJA", "CARD", "PPOSAT", *NOUNS})
_NON_NOMINATIVE = frozenset({"dem", "den", "des", "einem", "einen", "eines"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", "„", "“", "”", "»", "«", '"'})
_SENTENCE_END = frozenset({".", "!", "?"})
_CONJUNCT_TAGS = frozenset({"KOUS", "KON", "PRELS", "PWS", "PWAV"})
_CLAUSE_ENDS = _CLAUSE_BREAKS | _SENTENCE_END
# The tags of words speech_verb reads: finite verbs, participles and infinitives.
VERB_FORMS = FINITE | {"VVPP", "VVINF"}


def speech_verb(doc: Doc, index: int, lexicon: SpeechLexicon) -> SpeechVerb | None:
    """The speech verb a finite verb or participle stands for (the language layer has
    already joined a detached particle to its lemma)."""
    tokens = view(doc)
    tag = tokens.tags[index]
    if tag not in VERB_FORMS:
        return None
    lemma = tokens.lemmas[index]
    return lexicon.verb(lemma) or lexicon.verb(f"davon {lemma}")


def cue_tokens(index: int, separable: dict[int, int]) -> list[int]:
    particle = separable.get(index)
    return [index] if particle is None else [index, particle]


def clause_bounds(doc: Doc, index: int, start: int, end: int) -> tuple[int, int]:
    """The clause around ``index``: between commas, colons and sentence ends. Leftwards
    it widens over commas that only set off an apposition (a stretch without a verb:
    ``Der Leiter des Programms, Klaus Stöhr, sagte``)."""
    texts, tags = view(doc).texts, view(doc).tags
    left = _left_edge(doc, index, start)
    while left - 1 > start and texts[left - 1] == ",":
        segment = left - 1
        while segment > start and texts[segment - 1] not in _CLAUSE_ENDS:
            segment -= 1
        if segment == left - 1 or any(
            tag in FINITE or tag in _CONJUNCT_TAGS for tag in tags[segment : left - 1]
        ):
            break
        left = segment
    right = index + 1
    while right < end and texts[right] not in _CLAUSE_ENDS:
        right += 1
    return left, right


def _left_edge(doc: Doc, index: int, start: int) -> int:
    """Where the clause of ``index`` starts, looking left; a short bracket or quoted name
    without a verb is part of it (``Die Agentur (dpa) meldete``, ``„BBC News“ berichtet``)."""
    texts = view(doc).texts
    left = index
    while left > start:
        before = texts[left - 1]
        if before in _ENCLOSURE_CLOSERS:
            opener = _opener_of(doc, left - 1, start)
            if opener is not None:
                left = opener
                continue
        if before in _CLAUSE_ENDS:
            break
        left -= 1
    return left


def _opener_of(doc: Doc, closer: int, start: int) -> int | None:
    """The opening bracket or mark of a short enclosure ending at ``closer``."""
    openers = _ENCLOSURE_CLOSERS[doc[closer].text]
    for index in range(closer - 1, max(start, closer - _ENCLOSURE_REACH) - 1, -1):
        token = doc[index]
        if token.text in openers:
            return index
        if token.tag_ in FINITE or token.text in _SENTENCE_END:
            return None
    return None


_ENCLOSURE_CLOSERS = {")": "(", "“": "„", "«": "»", "”": "„“"}
_ENCLOSURE_REACH = 8


def noun_phrase(doc: Doc, index: int, end: int) -> tuple[int, int] | None:
    """A noun phrase starting at ``index``: a pronoun alone, or determiner, modifiers and
    nouns, then a genitive. One common noun heads it; names may follow it
    (``Ministerin Eva Roth``), but a second common noun starts a new phrase
    (``laut Ministerium Arbeiten an …``: German writes compounds as one word)."""
    if index >= end or doc[index].tag_ not in _NP_START:
        return None
    if doc[index].tag_ in _PRONOUNS:
        return index, index + 1
    after = index
    while after < end and doc[after].tag_ in _NP_PREFIX:
        after += 1
    common = False
    while after < end and doc[after].tag_ in _NAME_PARTS | NOUNS:
        if doc[after].tag_ in COMMON_NOUNS:
            if common:
                break
            common = True
        after += 1
    if after == index:
        return None
    if (
        after < end
        and doc[after].tag_ == "ART"
        and doc[after].lower_ in ("des", "der")
        and after + 1 < end
        and doc[after + 1].tag_ in ("ADJA", *NOUNS)
    ):
        after += 1
        while after < end and doc[after].tag_ in ("ADJA", *NOUNS):
            after += 1
    return index, after


def subject(
    doc: Doc,
    verb: int,
    start: int,
    end: int,
    mentions: list[Mention],
    blocked: frozenset[str] = frozenset(),
) -> tuple[int, int] | None:
    """The subject of a finite verb: the prefield phrase, else the first nominative
    phrase after the verb (inversion: ``Dies sagte der Minister``), with what belongs to
    it (``des Ministeriums``, ``, der Direktor des Werks,``). For a participle (``hat …
    gefordert``) the clause's auxiliary stands in for the verb. ``blocked`` names
    prepositions that carry the verb's content (``berichtete … von``)."""
    left, right = clause_bounds(doc, verb, start, end)
    if doc[verb].tag_ == "VVPP":
        verb = next((i for i in range(left, verb) if doc[i].tag_ in FINITE), verb)
    before = _prefield_subject(doc, left, verb, mentions)
    if before is not None:
        return before
    if verb - 1 > left and doc[verb - 1].lower_ in _COORDINATORS:
        # "Sie dankte den Helfern und ergänzte, …": the subject of the first conjunct
        first = next((i for i in range(left, verb - 1) if doc[i].tag_ in FINITE), None)
        return None if first is None else subject(doc, first, start, end, mentions, blocked)
    index = verb + 1
    while index < right:
        token = doc[index]
        if token.tag_ in ("APPR", "APPRART"):
            index = _after_pp(doc, index, right)  # "sagte am Dienstag in Moskau der Minister"
            continue
        if token.tag_ in _NP_START and token.lower_ not in _NON_NOMINATIVE:
            found = _longest_phrase(doc, index, right, mentions)
            if found is None:
                return None
            return extend_source(doc, _with_adjacent_name(found, mentions), end, blocked)
        if token.tag_ not in ("ADV", "PTKNEG", "PROAV", "ADJD", "PRF"):
            return None
        index += 1
    return None


def _longest_phrase(
    doc: Doc, index: int, end: int, mentions: list[Mention]
) -> tuple[int, int] | None:
    """The longer of the mention and the noun phrase starting at ``index``."""
    found = _mention_span(mentions, index, index + 1)
    phrase = noun_phrase(doc, index, end)
    if found is None or (phrase is not None and phrase[1] > found[1]):
        return phrase
    return found


def _with_adjacent_name(phrase: tuple[int, int], mentions: list[Mention]) -> tuple[int, int]:
    """``der Virologe Klaus Stöhr``: a role phrase and the name right after it."""
    for mention in mentions:
        if mention.start == phrase[1] and mention.kind == "name":
            return phrase[0], mention.end
    return phrase


def _after_pp(doc: Doc, index: int, right: int) -> int:
    index += 1
    while index < right and doc[index].tag_ in _PP_INNER:
        index += 1
    return index


def _prefield_subject(
    doc: Doc, left: int, verb: int, mentions: list[Mention]
) -> tuple[int, int] | None:
    """The prefield of a verb-second clause holds one phrase: when it starts like a
    subject and has no verb of its own, all of it is the subject, apposition, ``von``
    phrase and all; a focus particle before it and a sentence adverb after it are not
    part of it (``Auch der Verband dagegen sagte``)."""
    while left < verb - 1 and doc[left].lower_ in _FOCUS_PARTICLES:
        left += 1
    if left >= verb:
        return None
    first = doc[left]
    if first.tag_ == "PRELS" and left + 1 == verb:
        return left, verb  # "…, der behauptet, …": the relative pronoun stands for it
    if first.text in _ENCLOSURE_OPENERS and left + 1 < verb:
        first = doc[left + 1]  # "„BBC News“ berichtet"
    if (
        first.tag_ in ("APPR", "APPRART", "ADV", "PROAV", "PDS", "KOUS", "PWAV", "PWS")
        or first.tag_ not in _NP_START
        or first.lower_ in _NON_NOMINATIVE
    ):
        return None
    last = verb
    while last > left + 1 and (
        doc[last - 1].text == "," or doc[last - 1].tag_ in ("ADV", "PTKNEG", "KON", "PROAV")
    ):
        last -= 1
    if any(t.tag_ in _NOT_IN_SUBJECT for t in doc[left:last]):
        return None
    return left, last


_COORDINATORS = frozenset({"und", "sowie", "oder", "aber"})
_FOCUS_PARTICLES = frozenset(
    {"auch", "selbst", "sogar", "nur", "gerade", "allein", "einzig", "lediglich", "ebenfalls"}
)
_ENCLOSURE_OPENERS = frozenset({"„", "»", "("})
_NOT_IN_SUBJECT = frozenset(
    {"VVFIN", "VAFIN", "VMFIN", "VVPP", "VVINF", "VAINF", "VVIZU", "KOUS", "KOUI", "PRELS"}
)


def _mention_span(mentions: list[Mention], start: int, end: int) -> tuple[int, int] | None:
    for mention in mentions:
        if start <= mention.start < end:
            return mention.start, mention.end
    return None


def is_subjunctive(doc: Doc, index: int) -> bool:
    """Konjunktiv I, the mood of reported speech: ``sei``, ``habe``, ``werde``, ``liege``."""
    tokens = view(doc)
    word = tokens.lowers[index]
    if word in _SUBJUNCTIVE_FORMS:
        return True  # also when the tagger missed it ("habe" read as XY)
    tag = tokens.tags[index]
    if tag not in FINITE:
        return False
    return (
        word.endswith("e")
        and not word.endswith("te")
        and tag == "VVFIN"
        and word != tokens.lemmas[index].lower()
        and not word.endswith("ie")
    )


_SUBJUNCTIVE_FORMS = frozenset(
    "sei seien seiest habe werde könne müsse solle wolle dürfe möge wisse gebe gäbe wäre "
    "wären hätte hätten würde würden könnte könnten müsste müssten sollte wollte".split()
)


def trim_punctuation(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without trailing sentence punctuation, quotation marks or spaces;
    a closing mark stays when the span opened its quotation (``sei „völlig offen“``)."""
    while end > start and (doc[end - 1].tag_ in ("$.", "$(") or doc[end - 1].is_space):
        if doc[end - 1].text in _CLOSING_MARKS and _opens_inside(doc, start, end - 1):
            break
        end -= 1
    return start, end


def _opens_inside(doc: Doc, start: int, end: int) -> bool:
    """An opening quotation mark in ``[start, end)`` is not closed there."""
    depth = 0
    for token in doc[start:end]:
        if token.text in ("„", "»"):
            depth += 1
        elif token.text in ("“", "«") and depth:
            depth -= 1
    return depth > 0


_CLOSING_MARKS = frozenset({"“", "«", "”"})


def mention_or_phrase(
    doc: Doc, index: int, end: int, mentions: list[Mention]
) -> tuple[int, int] | None:
    """The source phrase at ``index``, with a name in apposition (``dem Sprecher Max
    Brandt``) and what else belongs to it (``des Ministeriums``, ``(dpa)``) included."""
    phrase = _first_phrase(doc, index, end, mentions)
    if phrase is None:
        return None
    for mention in mentions:
        if mention.start == phrase[1] and mention.kind == "name":
            phrase = phrase[0], mention.end
            break
    return extend_source(doc, phrase, end)


def _first_phrase(
    doc: Doc, index: int, end: int, mentions: list[Mention]
) -> tuple[int, int] | None:
    for mention in mentions:
        if mention.start == index or (
            mention.start > index
            and mention.start <= index + 2
            and all(t.tag_ in ("ART", "ADJA", "PPOSAT") for t in doc[index : mention.start])
        ):
            return (index, mention.end) if mention.start > index else (mention.start, mention.end)
    return noun_phrase(doc, index, end)
