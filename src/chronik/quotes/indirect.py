"""Indirect and reported speech in one sentence.

- a speech verb with a ``dass``/``ob``/wh clause or a subjunctive clause (indirect);
- a speech act with a ``zu`` infinitive or an object (reported: ``schlug vor, … zu``);
- ``laut X``, ``X zufolge``, ``nach Angaben X``, ``…, so X``, ``wie X mitteilte``;
- ``Dies sagte X`` / ``Das teilte X mit``: the previous sentence is the content.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronik.entities.records import Mention
from chronik.quotes.lexicon import SpeechLexicon, SpeechVerb
from chronik.quotes.phrases import (
    FINITE,
    clause_bounds,
    cue_tokens,
    is_subjunctive,
    noun_phrase,
    speech_verb,
    subject,
    trim_punctuation,
)
from chronik.quotes.records import Found

_COMPLEMENTIZERS = {"dass": "dass", "ob": "ob"}
_WH_TAGS = frozenset({"PWS", "PWAV", "PWAT"})
_CATAPHORIC = frozenset({"dies", "das", "dem", "darauf", "dieses", "diese"})
_REPORTED_CLASSES = frozenset({"directive", "commissive"})
_DATIVE = frozenset({"dem", "der", "den", "einem", "einer", "ihm", "ihr", "ihnen"})
_SUBJUNCTIVE_REACH = 10


class IndirectSpeech:
    def __init__(self, lexicon: SpeechLexicon) -> None:
        self._lexicon = lexicon

    def sentence(
        self,
        doc: Doc,
        start: int,
        end: int,
        previous: tuple[int, int] | None,
        separable: dict[int, int],
        mentions: list[Mention],
    ) -> list[Found]:
        found = self._cataphoric(doc, start, end, previous, separable, mentions)
        if found:
            return found
        found = self._markers(doc, start, end, mentions)
        for index in range(start, end):
            verb = speech_verb(doc, index, self._lexicon)
            if verb is None or not _finite_or_perfect(doc, index, start):
                continue
            quote = self._complement(doc, index, verb, start, end, separable, mentions)
            if quote is not None and not _overlaps(quote, found):
                found.append(quote)
        return found

    def _cataphoric(
        self,
        doc: Doc,
        start: int,
        end: int,
        previous: tuple[int, int] | None,
        separable: dict[int, int],
        mentions: list[Mention],
    ) -> list[Found]:
        """``Dies sagte der Minister am Dienstag.`` attributes the previous sentence."""
        if previous is None or end - start < 3 or doc[start].lower_ not in _CATAPHORIC:
            return []
        verb = speech_verb(doc, start + 1, self._lexicon)
        if verb is None or doc[start + 1].tag_ not in FINITE:
            return []
        content = trim_punctuation(doc, *previous)
        return [
            Found(
                "indirect",
                [content],
                cue=cue_tokens(start + 1, separable),
                speaker=subject(doc, start + 1, start, end, mentions),
            )
        ]

    def _complement(
        self,
        doc: Doc,
        verb_index: int,
        verb: SpeechVerb,
        start: int,
        end: int,
        separable: dict[int, int],
        mentions: list[Mention],
    ) -> Found | None:
        cue = cue_tokens(verb_index, separable)
        after = max(cue) + 1
        comma = next((i for i in range(after - 1, min(end, after + 3)) if doc[i].text == ","), None)
        speaker = subject(doc, verb_index, start, end, mentions)
        if comma is not None and comma + 1 < end:
            first = doc[comma + 1]
            if (first.lower_ in _COMPLEMENTIZERS or first.tag_ in _WH_TAGS) and verb.frames(
                "indirect"
            ):
                content = trim_punctuation(
                    doc, comma + 2 if first.lower_ in _COMPLEMENTIZERS else comma + 1, end
                )
                return Found(
                    "indirect",
                    [content],
                    cue=cue,
                    speaker=speaker,
                    addressee=_addressee(doc, verb_index, comma, mentions, verb),
                )
            if _zu_infinitive(doc, comma + 1, end) and set(verb.classes) & _REPORTED_CLASSES:
                content = trim_punctuation(doc, comma + 1, end)
                return Found(
                    "reported",
                    [content],
                    cue=cue,
                    speaker=speaker,
                    addressee=_addressee(doc, verb_index, after, mentions, verb),
                )
            if _subjunctive_clause(doc, comma + 1, end) and verb.frames("indirect"):
                content = trim_punctuation(doc, comma + 1, end)
                return Found(
                    "indirect",
                    [content],
                    cue=cue,
                    speaker=speaker,
                    addressee=_addressee(doc, verb_index, comma, mentions, verb),
                )
        inverted = self._inverted(doc, verb_index, verb, start, end, cue, speaker)
        if inverted is not None:
            return inverted
        return _prepositional_content(doc, verb_index, verb, end, cue, speaker)

    def _inverted(
        self,
        doc: Doc,
        verb_index: int,
        verb: SpeechVerb,
        start: int,
        end: int,
        cue: list[int],
        speaker: tuple[int, int] | None,
    ) -> Found | None:
        """``Russland sei bereit, sagte Lawrow.``: the frame follows the content."""
        if (
            verb_index - 1 <= start
            or doc[verb_index - 1].text != ","
            or not verb.frames("indirect")
        ):
            return None
        if not _subjunctive_clause(doc, start, verb_index - 1):
            return None
        return Found("indirect", [(start, verb_index - 1)], cue=cue, speaker=speaker)

    def _according_to(self, doc: Doc, cue: int, start: int, end: int) -> Found | None:
        """``Nach einer Studie ist …``, ``…, hieß es nach Angaben der Polizei``: the rest
        of the sentence is the content."""
        after = _speech_noun_phrase(doc, cue + 1, end, self._lexicon)
        if after is None:
            return None
        if cue == start:
            if after >= end or doc[after].tag_ not in FINITE:
                return None
            content = trim_punctuation(doc, after, end)
            return Found("indirect", [content], cue=[cue], speaker=(cue + 1, after))
        parts = [(start, cue), trim_punctuation(doc, after, end)]
        parts = [(a, b) for a, b in parts if b - a >= 2]
        if not parts:
            return None
        return Found("indirect", parts, cue=[cue], speaker=(cue + 1, after))

    def _as_reported(self, doc: Doc, cue: int, end: int, mentions: list[Mention]) -> Found | None:
        """``Wie der Bundeswahlleiter mitteilte, lag …``: the main clause is the content."""
        comma = next((i for i in range(cue + 1, min(end, cue + 15)) if doc[i].text == ","), None)
        if comma is None or comma + 1 >= end:
            return None
        verb = next(
            (
                i
                for i in range(comma - 1, cue, -1)
                if speech_verb(doc, i, self._lexicon) is not None
            ),
            None,
        )
        if verb is None:
            return None
        source = _mention_or_phrase(doc, cue + 1, verb, mentions)
        return Found(
            "indirect",
            [trim_punctuation(doc, comma + 1, end)],
            cue=[verb],
            speaker=source,
        )

    def _markers(self, doc: Doc, start: int, end: int, mentions: list[Mention]) -> list[Found]:
        found = []
        for index in range(start, end):
            word = doc[index].lower_
            if word == "laut" and doc[index].tag_ in ("APPR", "ADJD", "ADV"):
                quote = _prepositional(doc, index, index + 1, end, mentions)
            elif word == "nach" and index + 1 < end and doc[index + 1].lower_ == "angaben":
                source = index + 2 + (doc[index + 2].lower_ == "von" if index + 2 < end else 0)
                quote = _prepositional(doc, index, source, end, mentions, cue_end=index + 2)
            elif word in ("nach", "gemäß"):
                quote = self._according_to(doc, index, start, end)
            elif word == "wie" and index == start:
                quote = self._as_reported(doc, index, end, mentions)
            elif (
                word in ("demnach", "danach")
                and index == start
                and doc[index].tag_ in ("PROAV", "ADV")
            ):
                quote = Found("indirect", [trim_punctuation(doc, index + 1, end)], cue=[index])
            elif word == "zufolge":
                quote = _postpositional(doc, index, start, end, mentions)
            elif word == "so" and index > start and doc[index - 1].text == ",":
                quote = _so_frame(doc, index, start, end, mentions)
            else:
                quote = None
            if quote is not None:
                found.append(quote)
        return found


def _speech_noun_phrase(doc: Doc, start: int, end: int, lexicon: SpeechLexicon) -> int | None:
    """End of ``einer norwegischen Studie`` / ``seiner Meinung`` when its head is a
    noun of saying or a source (Angaben, Meinung, Studie, Bericht, Erkenntnissen)."""
    index = start
    while index < end and doc[index].tag_ in ("ART", "PPOSAT", "PRELAT", "ADJA", "PIAT", "PDAT"):
        index += 1
    if index >= end or doc[index].tag_ != "NN" or lexicon.noun(doc[index].text) is None:
        return None
    after = index + 1
    if after < end and doc[after].lower_ in ("des", "der", "von"):
        after += 1
        while after < end and doc[after].tag_ in ("ART", "ADJA", "NN", "NE"):
            after += 1
    return after


def _prepositional(
    doc: Doc, cue: int, source: int, end: int, mentions: list[Mention], cue_end: int | None = None
) -> Found | None:
    """``Laut dem Minister wird …``: the source phrase, then the content to the end."""
    phrase = _mention_or_phrase(doc, source, end, mentions)
    if phrase is None or phrase[1] >= end - 1:
        return None
    content_start = phrase[1] + (doc[phrase[1]].text == ",")
    return Found(
        "indirect",
        [trim_punctuation(doc, content_start, end)],
        cue=list(range(cue, cue_end or cue + 1)),
        speaker=phrase,
    )


def _postpositional(
    doc: Doc, cue: int, start: int, end: int, mentions: list[Mention]
) -> Found | None:
    """``Dem Bericht zufolge ist …`` — the source stands before ``zufolge``."""
    left = cue - 1
    while left > start and doc[left - 1].tag_ in ("ART", "ADJA", "NN", "NE", "PPOSAT"):
        left -= 1
    if left >= cue or cue + 1 >= end:
        return None
    phrase = _mention_or_phrase(doc, left, cue, mentions) or (left, cue)
    if left == start:
        content = trim_punctuation(doc, cue + 1, end)
    else:
        content = (start, left - (doc[left - 1].text == ","))
    return Found("indirect", [content], cue=[cue], speaker=phrase)


def _so_frame(doc: Doc, cue: int, start: int, end: int, mentions: list[Mention]) -> Found | None:
    """``…, so der Sprecher.``: the content is the clause before the comma."""
    phrase = _mention_or_phrase(doc, cue + 1, end, mentions)
    if phrase is None or phrase[1] < end - 1 or cue - 1 <= start:
        return None
    return Found("indirect", [(start, cue - 1)], cue=[cue], speaker=phrase)


def _mention_or_phrase(
    doc: Doc, index: int, end: int, mentions: list[Mention]
) -> tuple[int, int] | None:
    """The source phrase at ``index``, with a name in apposition (``dem Sprecher Max
    Brandt``) included."""
    phrase = _first_phrase(doc, index, end, mentions)
    if phrase is None:
        return None
    for mention in mentions:
        if mention.start == phrase[1] and mention.kind == "name":
            return phrase[0], mention.end
    return phrase


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


def _prepositional_content(
    doc: Doc,
    verb_index: int,
    verb: SpeechVerb,
    end: int,
    cue: list[int],
    speaker: tuple[int, int] | None,
) -> Found | None:
    """``sprach von einem Riesenerfolg``, ``warnte vor einer Eskalation``: reported."""
    if "pp" not in verb.complements or not verb.content_preps or speaker is None:
        return None
    _, right = clause_bounds(doc, verb_index, verb_index, end)
    for index in range(verb_index + 1, right):
        if doc[index].lower_ in verb.content_preps and doc[index].tag_ in ("APPR", "APPRART"):
            content = trim_punctuation(doc, index, right)
            if content[1] - content[0] >= 2:
                return Found("reported", [content], cue=cue, speaker=speaker)
    return None


def _addressee(
    doc: Doc, verb: int, after: int, mentions: list[Mention], speech: SpeechVerb
) -> tuple[int, int] | None:
    """Whom the speaker addresses, as the verb marks it: a dative between the verb and its
    particle or comma (``schlug dem General vor``), or a prepositional phrase
    (``sagte gegenüber Journalisten``, ``appellierte an die Regierung``)."""
    preps = {marker[5:] for marker in speech.addressee if marker.startswith("prep:")}
    for index in range(verb + 1, after):
        token = doc[index]
        if token.lower_ in preps and token.tag_ in ("APPR", "APPO"):
            return _mention_or_phrase(doc, index + 1, after, mentions)
        if "dat" in speech.addressee and token.lower_ in _DATIVE and token.tag_ in ("ART", "PPER"):
            phrase = _mention_or_phrase(doc, index, after, mentions)
            if phrase is not None:
                return phrase
    return None


def _zu_infinitive(doc: Doc, start: int, end: int) -> bool:
    left, right = clause_bounds(doc, start, start, end)
    return any(t.tag_ in ("VVIZU", "PTKZU") for t in doc[left:right])


def _subjunctive_clause(doc: Doc, start: int, end: int) -> bool:
    return any(is_subjunctive(doc, i) for i in range(start, min(end, start + _SUBJUNCTIVE_REACH)))


def _overlaps(quote: Found, others: list[Found]) -> bool:
    return any(quote.start < other.end and other.start < quote.end for other in others)


def _finite_or_perfect(doc: Doc, index: int, start: int) -> bool:
    """A finite speech verb, or its participle with an auxiliary (``hat gefordert``)."""
    if doc[index].tag_ in FINITE:
        return True
    if doc[index].tag_ != "VVPP":
        return False
    left, _ = clause_bounds(doc, index, start, index + 1)
    return any(t.tag_ == "VAFIN" and t.lemma_ in ("haben", "sein") for t in doc[left:index])
