"""Speech frames without a speaking subject.

- ``heißt es`` / ``hieß es`` / ``hatte es geheißen``: the source, when named, is the
  object of ``in``/``aus``/``bei``/``seitens`` (``In der Erklärung heißt es, …``);
- ``war zu hören`` / ``ist zu lesen`` / ``war zu erfahren``;
- ``wurde bekannt`` / ``bekannt geworden war``;
- a speech verb in the passive (``Ihm wird vorgeworfen, …``, ``Es wird befürchtet, dass
  …``): the source, when named, is the ``von``/``durch`` phrase.

The content is the clause after the frame's comma, or the clause before it when the frame
closes the sentence (``…, hieß es aus Parteikreisen.``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronik.entities.records import Mention
from chronik.language.tokens_view import view
from chronik.quotes.content import clause_kind, content_comma, content_span
from chronik.quotes.lexicon import SpeechLexicon
from chronik.quotes.phrases import FINITE, clause_bounds, noun_phrase, speech_verb, trim_punctuation
from chronik.quotes.records import Found
from chronik.quotes.sources import extend_source

_PERCEPTION = frozenset({"hören", "lesen", "erfahren", "vernehmen"})
_FRAME_WORDS = _PERCEPTION | {"geheißen", "bekannt"}
_NOT_CONTENT_START = frozenset({"PRELS", "PRELAT", "KOUS", "KOUI", "KON", "APPR"})
_WERDEN = frozenset({"wird", "wurde", "werden", "wurden", "worden", "geworden", "würde"})
_SOURCE_PREPOSITIONS = {
    "heißen": frozenset({"in", "im", "aus", "bei", "beim", "seitens", "auf", "von", "vom"}),
    "perception": frozenset({"aus", "von", "vom", "in", "im", "bei", "beim", "auf"}),
    "passive": frozenset({"von", "vom", "durch", "seitens"}),
    "known": frozenset(),
}


class ImpersonalFrames:
    def __init__(self, lexicon: SpeechLexicon) -> None:
        self._lexicon = lexicon

    def frame_at(self, doc: Doc, index: int, start: int, end: int) -> tuple[str, list[int]] | None:
        """The kind and cue tokens of an impersonal frame whose verb is at ``index``."""
        tokens = view(doc)
        word, tag = tokens.lowers[index], tokens.tags[index]
        if tag != "VVPP" and word not in _FRAME_WORDS and tokens.lemmas[index] != "heißen":
            return None  # no frame can start here: skip the checks below
        token = doc[index]
        if token.lemma_ == "heißen" or word == "geheißen":
            near = (index - 1, index + 1, index - 2)
            es = next((i for i in near if start <= i < end and doc[i].lower_ == "es"), None)
            if es is None:
                return None
            auxiliary = [i for i in range(max(start, index - 3), index) if doc[i].tag_ == "VAFIN"]
            cue = sorted({es, index, *(auxiliary[-1:] if word == "geheißen" else [])})
            return "heißen", cue
        if word in _PERCEPTION and index - 1 > start and doc[index - 1].lower_ == "zu":
            auxiliary = _auxiliary(doc, index - 1, start, end, ("sein",))
            return ("perception", sorted({auxiliary, index - 1, index})) if auxiliary else None
        if word == "bekannt":
            forms = [
                i
                for i in (index - 1, index + 1, index + 2)
                if start <= i < end and doc[i].lower_ in _WERDEN
            ]
            if not forms or (index + 1 < end and doc[index + 1].tag_ == "VVPP"):
                return None
            auxiliary = [i for i in (index + 2, index + 3) if i < end and doc[i].lemma_ == "sein"]
            return "known", sorted({index, *forms, *auxiliary[:1]})
        if token.tag_ == "VVPP" and _passive_speech(doc, index, self._lexicon):
            auxiliary = _auxiliary(doc, index, start, end, ("werden",))
            if auxiliary is None or auxiliary > index or _conditional(doc, auxiliary, start, end):
                return None  # "Sollte der Antrag angenommen werden, …" reports nothing
            return "passive", [auxiliary, index]
        return None

    def find(
        self, doc: Doc, start: int, end: int, mentions: list[Mention], taken: list[Found]
    ) -> list[Found]:
        found: list[Found] = []
        tokens = view(doc)
        for index in range(start, end):
            if (
                tokens.tags[index] != "VVPP"
                and tokens.lowers[index] not in _FRAME_WORDS
                and tokens.lemmas[index] != "heißen"
            ):
                continue  # frame_at would say None
            frame = self.frame_at(doc, index, start, end)
            if frame is None or any(q.cue and index in q.cue for q in taken + found):
                continue
            kind, cue = frame
            quote = _content(doc, kind, cue, start, end)
            if quote is None or _overlaps(quote, taken + found):
                continue
            quote.speaker = self.source(doc, frame, start, end, mentions)
            if kind == "passive":
                quote.addressee = self._passive_addressee(doc, cue, start, end)
            found.append(quote)
        return found

    def _passive_addressee(
        self, doc: Doc, cue: list[int], start: int, end: int
    ) -> tuple[int, int] | None:
        """``Ihm wird vorgeworfen, …``, ``Die Anwohner wurden aufgefordert, …``: the
        prefield names whom a verb of accusing or asking addresses in the passive."""
        speech = speech_verb(doc, cue[-1], self._lexicon)
        if speech is None or not (speech.addressee or speech.target):
            return None
        left, _ = clause_bounds(doc, cue[0], start, end)
        if left >= cue[0] or doc[left].lower_ == "es":
            return None
        phrase = noun_phrase(doc, left, cue[0])
        if phrase is None or (phrase[1] != cue[0] and doc[phrase[1]].tag_ not in ("ADV", "APPR")):
            return None
        return phrase

    def source(
        self,
        doc: Doc,
        frame: tuple[str, list[int]],
        start: int,
        end: int,
        mentions: list[Mention],
    ) -> tuple[int, int] | None:
        """The source a frame names, if any: ``in der Erklärung``, ``von der Polizei``."""
        return _source(doc, frame[0], frame[1], start, end, mentions)


def _passive_speech(doc: Doc, index: int, lexicon: SpeechLexicon) -> bool:
    verb = speech_verb(doc, index, lexicon)
    return verb is not None and (verb.frames("indirect") or verb.frames("reported"))


def _conditional(doc: Doc, verb: int, start: int, end: int) -> bool:
    """The clause opens with its finite verb or a subordinator: a condition, no report."""
    left, _ = clause_bounds(doc, verb, start, end)
    return doc[left].tag_ in FINITE or doc[left].tag_ in ("KOUS", "PRELS", "PWAV")


def _auxiliary(doc: Doc, index: int, start: int, end: int, lemmas: tuple[str, ...]) -> int | None:
    """The finite auxiliary (``wird``, ``war``) of the clause of ``index``."""
    left, right = clause_bounds(doc, index, start, end)
    for i in [*range(index - 1, left - 1, -1), *range(index + 1, right)]:
        if doc[i].tag_ == "VAFIN" and doc[i].lemma_ in lemmas:
            return i
    return None


def _content(doc: Doc, kind: str, cue: list[int], start: int, end: int) -> Found | None:
    last = max(cue)
    comma = content_comma(doc, last, last + 1, end)
    if comma is not None and comma + 1 < end:
        clause = clause_kind(doc, comma + 1, end)
        if clause is not None or (
            kind in ("heißen", "perception") and doc[comma + 1].tag_ not in _NOT_CONTENT_START
        ):
            return Found("indirect", [content_span(doc, comma + 1, end)], cue=cue)
    first = min(cue)
    if (
        kind in ("heißen", "perception")
        and first - 1 > start
        and doc[first - 1].text == ","
        and _closes_sentence(doc, last, end)
    ):
        content = trim_punctuation(doc, start, first - 1)
        if content[1] - content[0] >= 3:
            return Found("indirect", [content], cue=cue)
    return None


def _closes_sentence(doc: Doc, last: int, end: int) -> bool:
    """Nothing but the source and adverbials follow the frame (a relative clause on the
    source may: ``…, heißt es in dem Bericht, der …``)."""
    for token in doc[last + 1 : end]:
        if token.text == ",":
            return True
        if token.tag_ in FINITE:
            return False
    return True


def _source(
    doc: Doc, kind: str, cue: list[int], start: int, end: int, mentions: list[Mention]
) -> tuple[int, int] | None:
    """The object of the preposition that names the source in the frame's clause."""
    prepositions = _SOURCE_PREPOSITIONS[kind]
    left, right = clause_bounds(doc, min(cue), start, end)
    for index in range(left, right):
        if doc[index].lower_ in prepositions and doc[index].tag_ in ("APPR", "APPRART"):
            phrase = noun_phrase(doc, index + 1, right)
            if phrase is not None and doc[phrase[0]].tag_ not in ("PPER", "PDS"):
                return extend_source(doc, phrase, right)
    return None


def _overlaps(quote: Found, others: list[Found]) -> bool:
    return any(quote.start < other.end and other.start < quote.end for other in others)
