"""Indirect and reported speech in one sentence.

- a speech verb with a ``dass``/``ob``/wh clause or a subjunctive clause (indirect);
- a speech act with a ``zu`` infinitive or an object (reported: ``schlug vor, … zu``);
- ``laut X``, ``X zufolge``, ``nach Angaben X``, ``…, so X``, ``wie X mitteilte``;
- ``Dies sagte X`` / ``Das teilte X mit``: the previous sentence is the content.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronik.entities.records import Mention
from chronik.language.tokens_view import view
from chronik.quotes.addressees import addressee
from chronik.quotes.content import (
    clause_kind,
    content_comma,
    content_span,
    subjunctive_clause,
    verb_second,
)
from chronik.quotes.impersonal import ImpersonalFrames
from chronik.quotes.lexicon import SpeechLexicon, SpeechVerb
from chronik.quotes.phrases import (
    FINITE,
    VERB_FORMS,
    clause_bounds,
    cue_tokens,
    mention_or_phrase,
    speech_verb,
    subject,
    trim_punctuation,
)
from chronik.quotes.records import Found
from chronik.quotes.sources import COMMON_NOUNS, NOUNS, extend_source

_CATAPHORIC = frozenset({"dies", "das", "dem", "darauf", "dieses", "diese"})
_WIE_REACH = 15  # tokens of a "wie X mitteilte" clause
_COMPARATIVE = frozenset({"so", "genauso", "ebenso", "anders", "wie"})
_NAMING = frozenset({"nennen", "bezeichnen"})  # "wie er sich nannte" names, reports nothing
_REPORTED_CLASSES = frozenset({"directive", "commissive"})
# The words _markers reads a marker from; any other word is skipped at once.
_MARKER_WORDS = frozenset({"laut", "nach", "gemäß", "wie", "demnach", "danach", "zufolge", "so"})


class IndirectSpeech:
    def __init__(self, lexicon: SpeechLexicon) -> None:
        self._lexicon = lexicon
        self._source_nouns = _source_nouns(lexicon)
        self._impersonal = ImpersonalFrames(lexicon)

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
        found = self._markers(doc, start, end, mentions, previous)
        lowers, tags = view(doc).lowers, view(doc).tags
        for index in _frames_first(doc, start, end):
            if tags[index] not in VERB_FORMS:
                continue  # speech_verb would say None
            verb = speech_verb(doc, index, self._lexicon)
            if verb is None or not _finite_or_perfect(doc, index, start):
                continue
            if verb.reflexive == "no" and index + 1 < end and lowers[index + 1] == "sich":
                continue  # "sich befinden" locates, "befinden" judges
            quote = self._complement(doc, index, verb, start, end, separable, mentions)
            if quote is not None and not _overlaps(quote, found):
                found.append(quote)
        return found + self._impersonal.find(doc, start, end, mentions, found)

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
        comma = content_comma(doc, verb_index, after, end)
        speaker = subject(doc, verb_index, start, end, mentions)
        if comma is not None and comma + 1 < end:
            form = _content_form(doc, comma + 1, end, verb)
            if form is not None:
                return Found(
                    form,
                    [content_span(doc, comma + 1, end)],
                    cue=cue,
                    speaker=speaker,
                    addressee=addressee(doc, verb_index, start, comma, mentions, verb, speaker),
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
        """``Russland sei bereit, sagte Lawrow.``: the frame follows the content. A content
        in the indicative counts when the frame names its speaker after the verb and
        closes the sentence (``Der Zug fällt aus, teilte die Bahn mit.``)."""
        if (
            verb_index - 1 <= start
            or doc[verb_index - 1].text != ","
            or not verb.frames("indirect")
        ):
            return None
        if not subjunctive_clause(doc, start, verb_index - 1) and not (
            speaker is not None
            and speaker[0] > verb_index
            and any(t.tag_ in NOUNS for t in doc[speaker[0] : speaker[1]])
            and not any(t.tag_ in FINITE for t in doc[verb_index + 1 : end])
            and any(t.tag_ in FINITE for t in doc[start : verb_index - 1])
        ):
            return None
        return Found("indirect", [(start, verb_index - 1)], cue=cue, speaker=speaker)

    def _according_to(self, doc: Doc, cue: int, start: int, end: int) -> Found | None:
        """``Nach Angaben der Polizei ist …``, ``…, hieß es nach Angaben der Polizei``:
        the rest of the sentence is the content; the source is the noun phrase after the
        preposition (``Angaben der Polizei``), as SpkAtt marks it."""
        head = _source_noun_phrase(doc, cue + 1, end, self._source_nouns)
        if head is None:
            return None
        speaker = extend_source(doc, (cue + 1, head), end)
        after = speaker[1] + (speaker[1] < end and doc[speaker[1]].text == ",")
        if cue == start:
            if after >= end or doc[after].tag_ not in FINITE:
                return None
            content = trim_punctuation(doc, after, end)
            return Found("indirect", [content], cue=[cue], speaker=speaker)
        parts = [(start, cue - (doc[cue - 1].text == ",")), trim_punctuation(doc, after, end)]
        parts = [(a, b) for a, b in parts if b - a >= 2]
        if not parts:
            return None
        return Found("indirect", parts, cue=[cue], speaker=speaker)

    def _opinion_of(self, doc: Doc, cue: int, start: int, end: int) -> Found | None:
        """``Seiner Meinung nach ist …``: the source phrase stands before ``nach``."""
        if cue - start not in (1, 2) or cue + 1 >= end or doc[cue + 1].tag_ not in FINITE:
            return None
        if _source_noun_phrase(doc, start, cue, self._source_nouns) != cue:
            return None
        content = trim_punctuation(doc, cue + 1, end)
        return Found("indirect", [content], cue=[cue], speaker=(start, cue))

    def _as_reported(
        self, doc: Doc, cue: int, start: int, end: int, mentions: list[Mention]
    ) -> Found | None:
        """``Wie der Bundeswahlleiter mitteilte, lag …`` (the main clause is the content)
        and ``…, wie eine Sprecherin mitteilte.`` (the clause before it)."""
        stop = next(
            (i for i in range(cue + 1, min(end, cue + _WIE_REACH)) if doc[i].text in ",;:"), end
        )
        frame = self._verb_final_frame(doc, cue, stop, end)
        if frame is None:
            return None
        if cue == start and stop + 1 < end and doc[stop].text == ",":
            content = trim_punctuation(doc, stop + 1, end)
        elif cue - 1 > start and doc[cue - 1].text == ",":
            content = trim_punctuation(doc, start, cue - 1)
            words = doc[content[0] : content[1]]
            if not any(t.tag_ in FINITE for t in words) or any(
                t.lower_ in _COMPARATIVE for t in doc[max(start, cue - 8) : cue]
            ):
                return None  # "so schnell, wie erwartet": a comparison, not a source
        else:
            return None
        source = mention_or_phrase(doc, cue + 1, min(frame), mentions)
        return Found("indirect", [content], cue=[cue, *frame], speaker=source)

    def _verb_final_frame(self, doc: Doc, cue: int, stop: int, end: int) -> list[int] | None:
        """The cue tokens of the speech verb that ends a ``wie`` clause: ``mitteilte``,
        ``bekannt gab``, ``bekannt wurde``, ``zitiert wird``."""
        for index in range(stop - 1, cue, -1):
            verb = speech_verb(doc, index, self._lexicon)
            if verb is not None:
                return [index] if verb.lemma not in _NAMING else None
            particle = doc[index - 1].lower_
            if doc[index].tag_ in FINITE and self._lexicon.verb_by_parts(
                doc[index].lemma_, particle
            ):
                return [index - 1, index]
            impersonal = self._impersonal.frame_at(doc, index, cue, end)
            if impersonal is not None:
                return impersonal[1]
        return None

    def _names_a_source(self, doc: Doc, previous: tuple[int, int] | None) -> bool:
        """The sentence before names a document or report (``Danach`` is temporal
        otherwise: ``Das Spiel endete. Danach …``)."""
        return previous is not None and any(
            _source_noun_phrase(doc, i, i + 1, self._source_nouns) for i in range(*previous)
        )

    def _markers(
        self,
        doc: Doc,
        start: int,
        end: int,
        mentions: list[Mention],
        previous: tuple[int, int] | None = None,
    ) -> list[Found]:
        found = []
        lowers = view(doc).lowers
        for index in range(start, end):
            word = lowers[index]
            if word not in _MARKER_WORDS:
                continue
            if word == "laut" and doc[index].tag_ in ("APPR", "ADJD", "ADV"):
                quote = _prepositional(doc, index, index + 1, end, mentions)
            elif word in ("nach", "gemäß"):
                quote = self._according_to(doc, index, start, end) or self._opinion_of(
                    doc, index, start, end
                )
            elif word == "wie" and (index == start or doc[index - 1].text == ","):
                quote = self._as_reported(doc, index, start, end, mentions)
            elif (
                word in ("demnach", "danach")
                and index == start
                and doc[index].tag_ in ("PROAV", "ADV")
                and (word == "demnach" or self._names_a_source(doc, previous))
            ):
                # the adverb stands for the source of the sentence before; it is the
                # speaker's words here, and names no entity
                quote = Found(
                    "indirect",
                    [trim_punctuation(doc, index + 1, end)],
                    cue=[index],
                    speaker=(index, index + 1),
                )
            elif word == "zufolge":
                quote = _postpositional(doc, index, start, end, mentions)
            elif word == "so" and index > start and doc[index - 1].text == ",":
                quote = _so_frame(doc, index, start, end, mentions)
            else:
                quote = None
            if quote is not None:
                found.append(quote)
        return found


def _content_form(doc: Doc, first: int, end: int, verb: SpeechVerb) -> str | None:
    """The quote form of the clause at ``first`` as the content of ``verb``, or None when
    it is no content of it (a ``zu`` infinitive of a directive or commissive act is
    reported: ``schlug vor, … zu besprechen``)."""
    kind = clause_kind(doc, first, end)
    if kind == "zu_inf" and doc[first].tag_ != "KOUI":
        if set(verb.classes) & _REPORTED_CLASSES:
            return "reported"
        return "indirect" if verb.frames("indirect") else None
    if kind is not None and kind != "zu_inf" and verb.frames("indirect"):
        return "indirect"
    if "v2" in verb.complements and verb.frames("indirect") and verb_second(doc, first, end):
        return "indirect"
    return None


def _source_nouns(lexicon: SpeechLexicon) -> frozenset[str]:
    """Forms of the nouns after which ``nach`` means "according to": the heads of the
    ``nach …`` markers (Angaben, Ansicht, Worten …) and the nouns of kind source
    (Bericht, Studie, Erkenntnis), each with its inflected forms."""
    heads = {
        marker.marker.split()[-1]
        for marker in lexicon.markers("prep_before")
        if marker.marker.startswith("nach ") and marker.marker.split()[-1] != "von"
    }
    heads |= {noun.noun for noun in lexicon.nouns_of_kind("source")}
    forms: set[str] = set()
    for head in heads:
        noun = lexicon.noun(head)
        forms.update(noun.forms if noun is not None else (head,))
    return frozenset(forms)


def _source_noun_phrase(doc: Doc, start: int, end: int, nouns: frozenset[str]) -> int | None:
    """The end of ``einer norwegischen Studie`` / ``seiner Meinung`` / ``Polizeiangaben``
    when its head is a noun of saying or a source, else None."""
    index = start
    while index < end and doc[index].tag_ in ("ART", "PPOSAT", "PRELAT", "ADJA", "PIAT", "PDAT"):
        index += 1
    if index >= end or doc[index].tag_ not in COMMON_NOUNS:
        return None
    word = doc[index].text
    if word not in nouns and not any(
        len(word) > len(noun) + 2 and word.endswith(noun.lower()) for noun in nouns
    ):
        return None
    return index + 1


def _prepositional(
    doc: Doc, cue: int, source: int, end: int, mentions: list[Mention]
) -> Found | None:
    """``Laut dem Minister wird …``: the source phrase, then the content to the end."""
    phrase = mention_or_phrase(doc, source, end, mentions)
    if phrase is None or phrase[1] >= end - 1:
        return None
    content_start = phrase[1] + (doc[phrase[1]].text == ",")
    return Found(
        "indirect",
        [trim_punctuation(doc, content_start, end)],
        cue=[cue],
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
    phrase = mention_or_phrase(doc, left, cue, mentions) or (left, cue)
    if left == start:
        content = trim_punctuation(doc, cue + 1, end)
    else:
        content = (start, left - (doc[left - 1].text == ","))
    return Found("indirect", [content], cue=[cue], speaker=phrase)


def _so_frame(doc: Doc, cue: int, start: int, end: int, mentions: list[Mention]) -> Found | None:
    """``…, so der Sprecher.``: the content is the clause before the comma; with the
    frame inside the sentence (``Die Lage, so der Sprecher, sei ernst.``) the content is
    both parts around it. Adverbials may follow the source (``so der Sprecher am
    Montag``), a verb may not."""
    phrase = mention_or_phrase(doc, cue + 1, end, mentions)
    if phrase is None or cue - 1 <= start or doc[phrase[0]].tag_ in FINITE:
        return None
    rest = phrase[1]
    while rest < end and doc[rest].text not in (",", ".", "!", "?", ";", ":"):
        if doc[rest].tag_ in FINITE:
            return None
        rest += 1
    if rest >= end - 1 or doc[rest].text != ",":
        return Found("indirect", [(start, cue - 1)], cue=[cue], speaker=phrase)
    after = trim_punctuation(doc, rest + 1, end)
    if after[1] - after[0] < 2 or not any(t.tag_ in FINITE for t in doc[after[0] : after[1]]):
        return None
    return Found("indirect", [(start, cue - 1), after], cue=[cue], speaker=phrase)


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


def _overlaps(quote: Found, others: list[Found]) -> bool:
    return any(quote.start < other.end and other.start < quote.end for other in others)


def _finite_or_perfect(doc: Doc, index: int, start: int) -> bool:
    """A finite speech verb, or its participle with an auxiliary (``hat gefordert``)."""
    tokens = view(doc)
    if tokens.tags[index] in FINITE:
        return True
    if tokens.tags[index] != "VVPP":
        return False
    left, _ = clause_bounds(doc, index, start, index + 1)
    return any(
        tokens.tags[i] == "VAFIN" and tokens.lemmas[i] in ("haben", "sein")
        for i in range(left, index)
    )


def _frames_first(doc: Doc, start: int, end: int) -> list[int]:
    """Token indices of a sentence, a closing frame first: in ``Beide Länder hätten
    vereinbart, Daten auszutauschen, sagte Lehtonen.`` the whole report is Lehtonen's,
    and the speech act inside it is part of what she said, not a quote of its own."""
    texts, tags = view(doc).texts, view(doc).tags
    last_comma = max((i for i in range(start, end) if texts[i] == ","), default=None)
    if last_comma is None or last_comma + 1 >= end or tags[last_comma + 1] != "VVFIN":
        return list(range(start, end))
    if any(tags[i] in FINITE for i in range(last_comma + 2, end)):
        return list(range(start, end))
    frame = last_comma + 1
    return [frame, *(i for i in range(start, end) if i != frame)]
