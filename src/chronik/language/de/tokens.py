"""SoMaJo tokenisation and sentence splitting, one paragraph at a time.

Per paragraph, so that no sentence crosses a paragraph break; ``split_camel_case``
also separates scraper glue such as ``auszubauenQuelle``. Token offsets are found
here (``verbatim_offsets``), with SoMaJo's own alignment only as the fallback, and two
of SoMaJo's costly scans are narrowed without changing its tokens.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from chronik.tables import load_table

# Any character that SoMaJo's emoji splitting reacts to (its two per-grapheme tests).
_PICTOGRAPHIC = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")


@dataclass(frozen=True)
class TokenizedSentence:
    """Token offsets (absolute, into the full text) of one sentence."""

    offsets: list[tuple[int, int]]


class GermanTokenizer:
    def __init__(self) -> None:
        self._somajo = _somajo(character_offsets=False)
        self._aligning: Any = None  # SoMaJo with its own offsets, made when first needed

    def sentences(self, text: str, start: int, end: int) -> list[TokenizedSentence]:
        """Sentences of the paragraph ``text[start:end]`` with absolute token offsets."""
        result = []
        for sentence in self.token_offsets(text[start:end]):
            offsets = [(start + first, start + after) for first, after in sentence if after > first]
            result.extend(
                TokenizedSentence(part)
                for part in _split_false_abbreviations(text, offsets)
                if part
            )
        return result

    def token_offsets(self, paragraph: str) -> list[list[tuple[int, int]]]:
        """SoMaJo's sentences of ``paragraph`` as token offsets into it (as SoMaJo's
        ``character_offsets`` gives them)."""
        tokenized = list(self._somajo.tokenize_text([paragraph]))
        offsets = verbatim_offsets(paragraph, tokenized)
        return offsets if offsets is not None else self._somajo_offsets(paragraph)

    def _somajo_offsets(self, paragraph: str) -> list[list[tuple[int, int]]]:
        """SoMaJo's own alignment, for paragraphs whose tokens it changed."""
        if self._aligning is None:
            self._aligning = _somajo(character_offsets=True)
        return [
            [token.character_offset for token in sentence]
            for sentence in self._aligning.tokenize_text([paragraph])
        ]


def _somajo(*, character_offsets: bool) -> Any:
    from somajo import SoMaJo

    somajo = SoMaJo(
        "de_CMC",
        split_camel_case=True,
        split_sentences=True,
        character_offsets=character_offsets,
    )
    _skip_emoji_scan_without_emoji(somajo)
    _look_for_abbreviations_near_stops(somajo)
    _skip_plus_ampersand_scan_without_either(somajo)
    return somajo


def verbatim_offsets(
    paragraph: str, sentences: list[list[Any]]
) -> list[list[tuple[int, int]]] | None:
    """Token offsets in ``paragraph`` when every token is its text verbatim, in order, with
    only whitespace between tokens; else None. SoMaJo aligns the same way, but through
    NFC tables of the whole paragraph, which cost about as much as its tokenising;
    tokens it normalised or cleaned (NFD input, soft hyphens, control characters) fail
    the test and are left to it."""
    if not unicodedata.is_normalized("NFC", paragraph):
        return None
    result = []
    position = 0
    length = len(paragraph)
    for sentence in sentences:
        offsets = []
        for token in sentence:
            spelling = token.original_spelling
            word = token.text if spelling is None else spelling
            if word:
                if word[0].isspace():
                    return None
                while position < length and paragraph[position].isspace():
                    position += 1
                if not paragraph.startswith(word, position):
                    return None
            offsets.append((position, position + len(word)))
            position += len(word)
        result.append(offsets)
    return result


def _skip_emoji_scan_without_emoji(somajo: Any) -> None:
    """SoMaJo tests every grapheme of every token with an uncompiled pattern, which is
    about half its cost on news text; a token without any pictographic character has
    nothing to split, so the test runs only on tokens that have one (same result)."""
    tokenizer = getattr(somajo, "_tokenizer", None)
    scan: Callable[..., None] | None = getattr(tokenizer, "_split_emojis", None)
    if scan is None:  # another SoMaJo version: keep its own behaviour
        return

    def split_emojis(node: Any, token_class: str = "emoticon") -> None:
        if _PICTOGRAPHIC.search(node.value.text) is not None:
            scan(node, token_class)

    tokenizer._split_emojis = split_emojis  # type: ignore[union-attr]


def _look_for_abbreviations_near_stops(somajo: Any) -> None:
    """SoMaJo tries its pattern of about 1,100 known abbreviations at every character of
    the text, about a third of its cost on news text. Every abbreviation has a full stop
    within its first ``reach`` characters, so a lookahead for such a stop, tried first,
    rejects most positions cheaply and leaves every match as it was. Only applied when
    the pattern is exactly the one built from SoMaJo's list (else its own is kept)."""
    tokenizer = getattr(somajo, "_tokenizer", None)
    pattern = getattr(tokenizer, "abbreviation", None)
    language = getattr(tokenizer, "language", None)
    if pattern is None or not isinstance(language, str):
        return
    try:
        from somajo import utils

        entries = utils.read_abbreviation_file(f"abbreviations_{language[:2]}.txt", to_lower=True)
    except (ImportError, AttributeError, OSError):
        return
    if not entries or not all("." in entry for entry in entries):
        return
    head, tail = r"(?<![\p{L}.])", r")+(?!\p{L}{1,3}\.)"
    body = r"(?:(?:(?:\p{L}\.){2,})|" + "|".join(regex.escape(entry) for entry in entries)
    if pattern.pattern != head + body + tail:
        return
    # The multi-letter alternative (``u.s.w.``) has its stop at offset 1.
    reach = max(1, *(entry.index(".") for entry in entries))
    stop_ahead = rf"(?=[^.]{{0,{reach}}}\.)"
    tokenizer.abbreviation = regex.compile(head + stop_ahead + body + tail, pattern.flags)


def _skip_plus_ampersand_scan_without_either(somajo: Any) -> None:
    """SoMaJo's list of tokens with ``+`` or ``&`` (``C++``, ``H&M``) is one long pattern
    tried at every character; a token with neither sign cannot hold a match, so the
    pattern runs only on tokens that have one. Only applied when every alternative of
    the pattern is a literal with such a sign (else SoMaJo's own behaviour is kept)."""
    tokenizer = getattr(somajo, "_tokenizer", None)
    pattern = getattr(tokenizer, "token_with_plus_ampersand", None)
    split_matches: Callable[..., None] | None = getattr(tokenizer, "_split_matches", None)
    if pattern is None or split_matches is None:
        return
    literals = _literal_alternatives(pattern.pattern, r"(?<!\w)(?:", r")(?!\w)")
    if not literals or not all(("+" in word or "&" in word) for word in literals):
        return

    def split_matches_with_sign(found: Any, node: Any, *args: Any, **kwargs: Any) -> None:
        if found is pattern and "+" not in node.value.text and "&" not in node.value.text:
            return
        split_matches(found, node, *args, **kwargs)

    tokenizer._split_matches = split_matches_with_sign  # type: ignore[union-attr]


def _literal_alternatives(source: str, head: str, tail: str) -> list[str] | None:
    """The alternatives of ``head + a|b|… + tail`` when each is an escaped literal."""
    if not (source.startswith(head) and source.endswith(tail)):
        return None
    body = source[len(head) : len(source) - len(tail)]
    literals, current, escaped = [], [], False
    for char in body:
        if escaped:
            if char.isalnum():
                return None  # a class or anchor such as \w or \b: not a literal
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            literals.append("".join(current))
            current = []
        elif char in "()[]{}.*+?^$":
            return None  # a regular-expression operator: not a literal
        else:
            current.append(char)
    if escaped:
        return None
    literals.append("".join(current))
    return literals


def _split_false_abbreviations(
    text: str, offsets: list[tuple[int, int]]
) -> list[list[tuple[int, int]]]:
    """SoMaJo keeps ``Iran.`` whole (its list has ``iran.`` for iranisch): a capitalised
    word with a stop at a possible sentence end is a word and a full stop again."""
    if not any(end - start > 4 and text[end - 1] == "." for start, end in offsets):
        return [offsets]  # no candidate (at least four letters and a stop): most sentences
    sentences: list[list[tuple[int, int]]] = [[]]
    for number, (start, end) in enumerate(offsets):
        word = text[start:end]
        following = text[offsets[number + 1][0]] if number + 1 < len(offsets) else None
        if _false_abbreviation(word) and (following is None or following.isupper()):
            sentences[-1].extend([(start, end - 1), (end - 1, end)])
            if following is not None:
                sentences.append([])
        else:
            sentences[-1].append((start, end))
    return sentences


def _false_abbreviation(word: str) -> bool:
    stem = word[:-1]
    return (
        word.endswith(".")
        and len(stem) >= 4
        and stem[:1].isupper()
        and stem.isalpha()
        and stem not in _abbreviations()
    )


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load_table(__package__, "abbreviations.tsv").column("abbreviation"))
