"""SoMaJo tokenisation and sentence splitting, one paragraph at a time.

Per paragraph, so that no sentence crosses a paragraph break; ``split_camel_case``
also separates scraper glue such as ``auszubauenQuelle``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from chronik.tables import load_table


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
