"""Whom a speaker addresses, as the speech verb marks it (``addressee`` column of the
verb table): a dative (``schlug dem General vor``, ``erklärte den Mitarbeitern``), an
accusative (``forderte die Regierung auf``) or a preposition (``sagte gegenüber
Journalisten``, ``sagte zur Zeitung``), after the verb or before it in the prefield
(``Gegenüber der Zeitung erklärte sie``); never a word of the speaker's own phrase."""

from __future__ import annotations

from spacy.tokens import Doc

from chronik.entities.records import Mention
from chronik.quotes.lexicon import SpeechVerb
from chronik.quotes.phrases import FINITE, mention_or_phrase, noun_phrase

_DATIVE = frozenset({"dem", "der", "den", "einem", "einer", "ihm", "ihr", "ihnen"})
_CONTRACTED = {"zum": "zu", "zur": "zu", "beim": "bei", "vom": "von", "im": "in", "vorm": "vor"}
_ACCUSATIVE_STARTS = frozenset({"ART", "PPOSAT", "PIAT", "ADJA", "NN", "NE", "CARD"})
_ACCUSATIVE_PRONOUNS = frozenset({"ihn", "sie", "uns", "euch", "mich", "dich"})


def addressee(
    doc: Doc,
    verb: int,
    start: int,
    after: int,
    mentions: list[Mention],
    speech: SpeechVerb,
    speaker: tuple[int, int] | None = None,
) -> tuple[int, int] | None:
    """The addressee phrase between the verb and ``after`` (its particle or the content's
    comma), else a ``gegenüber`` phrase in the prefield before the verb."""
    preps = {marker[5:] for marker in speech.addressee if marker.startswith("prep:")}

    def own(index: int) -> bool:
        return speaker is not None and speaker[0] <= index < speaker[1]

    first = verb + 1
    if doc[verb].tag_ == "VVPP":  # "hatte den Stadtrat aufgefordert": from the auxiliary on
        first = next(
            (i + 1 for i in range(verb - 1, start - 1, -1) if doc[i].tag_ in FINITE), first
        )
    for index in range(first, after):
        if index == verb or own(index):
            continue
        token = doc[index]
        word = _CONTRACTED.get(token.lower_, token.lower_)
        if word in preps and token.tag_ in ("APPR", "APPO", "APPRART"):
            return mention_or_phrase(doc, index + 1, after, mentions)
        if token.tag_ in ("APPR", "APPRART"):
            continue
        if "dat" in speech.addressee and token.lower_ in _DATIVE and token.tag_ in ("ART", "PPER"):
            phrase = mention_or_phrase(doc, index, after, mentions)
            if phrase is not None:
                return phrase
        if "acc" in speech.addressee and _accusative_object(doc, index, first - 1):
            phrase = noun_phrase(doc, index, after)
            if phrase is not None and not own(phrase[1] - 1):
                return phrase
    if "gegenüber" in preps:
        for index in range(start, verb):
            if doc[index].lower_ == "gegenüber" and doc[index].tag_ in ("APPR", "APPO"):
                return mention_or_phrase(doc, index + 1, verb, mentions)
    return None


def _accusative_object(doc: Doc, index: int, verb: int) -> bool:
    """A phrase in the middle field that can be the addressed object: not after a
    preposition, and starting like a noun phrase (``die Regierung``, ``Lenz``, ``ihn``)."""
    token = doc[index]
    before = doc[index - 1]
    if before.tag_ in ("APPR", "APPRART", "ART", "ADJA", "PPOSAT") or (
        before.tag_ in FINITE and index - 1 != verb
    ):
        return False
    return token.tag_ in _ACCUSATIVE_STARTS or token.lower_ in _ACCUSATIVE_PRONOUNS
