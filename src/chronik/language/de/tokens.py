"""SoMaJo tokenisation and sentence splitting, one paragraph at a time.

Per paragraph, so that no sentence crosses a paragraph break; ``split_camel_case``
also separates scraper glue such as ``auszubauenQuelle``.
"""

from __future__ import annotations

from dataclasses import dataclass


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
            if offsets:
                result.append(TokenizedSentence(offsets))
        return result
