"""SoMaJo tokenisation and sentence splitting, one paragraph at a time.

Per paragraph, so that no sentence crosses a paragraph break; ``split_camel_case``
also separates scraper glue such as ``auszubauenQuelle``. Token offsets are found
here (``verbatim_offsets``), with SoMaJo's own alignment only as the fallback; SoMaJo's
costly scans are narrowed without changing its tokens (``somajo_scans``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from chronik.language.de.somajo_scans import narrow_scans
from chronik.tables import load_table


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
    narrow_scans(somajo)
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
