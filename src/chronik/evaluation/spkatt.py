"""The GermEval 2023 SpkAtt JSON format: read gold files, write Chronik's quotes in it.

A file holds ``Sentences`` (``SentenceId``, ``Tokens``) and ``Annotations``, each a
speech event whose roles (``Cue``, ``Source``, ``Message``, ``Addr``, …) are lists of
``"sentence:token"`` ids. Chronik's quote forms map to SpkAtt's ``Form`` values.

SpkAtt's Message of direct speech includes its quotation marks (``„ Wir sind bereit “``)
and that of indirect speech its complementizer (``dass wir bereit sind``); Chronik's
``content`` is the reported words alone, so the marks around each part of a direct quote
and a ``dass``/``ob`` right before an indirect one are added when a quote is written as a
speech event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from chronik.errors import UsageError
from chronik.language.de.tokens import GermanTokenizer
from chronik.model import Article, Quote, Span

ROLES = ("Message", "Cue", "Source", "Addr")
FORM_TO_SPKATT = {
    "direct": "Direct",
    "indirect": "Indirect",
    "reported": "Reported",
    "free_indirect": "FreeIndirect",
}

TokenId = tuple[int, int]
_OPENING_MARKS = frozenset('„»«“”"‚‘›‹')
_CLOSING_MARKS = frozenset('“”"«»‘’‹›')
_COMPLEMENTIZERS = frozenset({"dass", "ob"})


@dataclass(frozen=True)
class SpeechEvent:
    roles: dict[str, frozenset[TokenId]]
    form: str | None = None


@dataclass(frozen=True)
class SpkAttDocument:
    name: str
    sentences: tuple[tuple[str, ...], ...]
    events: tuple[SpeechEvent, ...]


def parse_id(text: str) -> TokenId:
    sentence, _, token = text.partition(":")
    return int(sentence), int(token)


def read_document(path: Path) -> SpkAttDocument:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        sentences = tuple(
            tuple(s["Tokens"]) for s in sorted(data["Sentences"], key=lambda s: s["SentenceId"])
        )
        events = tuple(
            SpeechEvent(
                {role: frozenset(parse_id(t) for t in item.get(role, [])) for role in ROLES},
                item.get("Form"),
            )
            for item in data.get("Annotations", [])
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UsageError(f"{path}: not a SpkAtt file ({error})") from error
    return SpkAttDocument(data.get("DocumentName", path.stem), sentences, events)


def read_directory(folder: Path) -> list[SpkAttDocument]:
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a directory of SpkAtt JSON files")
    return [read_document(path) for path in sorted(folder.glob("*.json"))]


def write_document(name: str, sentences: list[list[str]], events: list[SpeechEvent]) -> dict:  # type: ignore[type-arg]
    """A SpkAtt JSON object for tokenised sentences and their speech events."""
    return {
        "DocumentName": name,
        "Sentences": [{"SentenceId": n, "Tokens": tokens} for n, tokens in enumerate(sentences)],
        "Annotations": [
            {
                **{
                    role: [f"{s}:{t}" for s, t in sorted(event.roles.get(role, ()))]
                    for role in ROLES
                },
                "Form": event.form,
            }
            for event in events
        ],
    }


def message_bounds(text: str, quote: Quote) -> list[tuple[int, int]]:
    """Character ranges of a quote's Message in SpkAtt's convention: the content parts,
    each with the quotation marks that enclose it when the quote is direct."""
    parts = [(part.start, part.end) for part in quote.content_parts or [quote.content]]
    if quote.form != "direct":
        start, end = parts[0]
        word_end = len(text[:start].rstrip())
        word_start = word_end
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        if text[word_start:word_end].casefold() in _COMPLEMENTIZERS:
            parts[0] = (word_start, end)
        return parts
    return [_with_marks(text, start, end) for start, end in parts]


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened over the quotation marks right around it."""
    before = start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    after = end
    while after < len(text) and text[after].isspace():
        after += 1
    opened = before > 0 and text[before - 1] in _OPENING_MARKS
    closed = after < len(text) and text[after] in _CLOSING_MARKS
    return (before - 1 if opened else start), (after + 1 if closed else end)


def article_to_spkatt(article: Article, tokenizer: GermanTokenizer) -> dict:  # type: ignore[type-arg]
    """Chronik's quotes in SpkAtt form: the article's sentences tokenised, each quote a
    speech event with Message, Cue, Source and Addr token ids."""
    sentences: list[list[str]] = []
    position: dict[int, TokenId] = {}
    for number, sentence in enumerate(article.sentences):
        tokens = []
        for tokenized in tokenizer.sentences(article.text, sentence.start, sentence.end):
            for start, end in tokenized.offsets:
                position[start] = (number, len(tokens))
                tokens.append(article.text[start:end])
        sentences.append(tokens)
    starts = sorted(position)

    def ids(spans: list[Span | None]) -> frozenset[TokenId]:
        return ranges([(span.start, span.end) for span in spans if span])

    def ranges(bounds: list[tuple[int, int]]) -> frozenset[TokenId]:
        return frozenset(position[s] for a, b in bounds for s in starts if a <= s < b)

    events = [
        SpeechEvent(
            {
                "Message": ranges(message_bounds(article.text, quote)),
                "Cue": ids(list(quote.cue_parts or [quote.cue])),
                "Source": ids([quote.speaker_span]),
                "Addr": ids([quote.addressee_span]),
            },
            FORM_TO_SPKATT[quote.form],
        )
        for quote in article.quotes
    ]
    return write_document(article.source.title or article.id, sentences, events)
