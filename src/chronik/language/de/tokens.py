"""SoMaJo tokenisation and sentence splitting, one paragraph at a time.

Per paragraph, so that no sentence crosses a paragraph break; ``split_camel_case``
also separates scraper glue such as ``auszubauenQuelle``.
"""

from __future__ import annotations

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
        from somajo import SoMaJo

        self._somajo = SoMaJo(
            "de_CMC", split_camel_case=True, split_sentences=True, character_offsets=True
        )
        _skip_emoji_scan_without_emoji(self._somajo)

    def sentences(self, text: str, start: int, end: int) -> list[TokenizedSentence]:
        """Sentences of the paragraph ``text[start:end]`` with absolute token offsets."""
        paragraph = text[start:end]
        result = []
        for sentence in self._somajo.tokenize_text([paragraph]):
            offsets = [
                (start + token.character_offset[0], start + token.character_offset[1])
                for token in sentence
                if token.character_offset[1] > token.character_offset[0]
            ]
            result.extend(
                TokenizedSentence(part)
                for part in _split_false_abbreviations(text, offsets)
                if part
            )
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


def _split_false_abbreviations(
    text: str, offsets: list[tuple[int, int]]
) -> list[list[tuple[int, int]]]:
    """SoMaJo keeps ``Iran.`` whole (its list has ``iran.`` for iranisch): a capitalised
    word with a stop at a possible sentence end is a word and a full stop again."""
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
