"""HanTa part-of-speech tags (STTS) and lemmas, with results cached per word form.

HanTa's morphological analysis dominates its cost and depends only on the word (and
its case at sentence start), so both analyses it repeats per token are memoised.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
# Memo entries before a cache is cleared (bounds memory on very long runs).
MAX_CACHE = 300_000


def _memoised(function: Callable[..., Any]) -> Callable[..., Any]:
    memo: dict[tuple[Any, ...], Any] = {}

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        key = (args, tuple(sorted(kwargs.items())))
        try:
            return memo[key]
        except KeyError:
            if len(memo) >= MAX_CACHE:
                memo.clear()
            value = memo[key] = function(*args, **kwargs)
            return value

    return wrapper


def stts(tag: str) -> str:
    """HanTa writes ``VV(FIN)``, ``ADJ(A)``; STTS writes ``VVFIN``, ``ADJA`` (but ``$(``)."""
    if tag.endswith(")") and "(" in tag:
        return tag.replace("(", "").replace(")", "")
    return tag


class GermanTagger:
    def __init__(self) -> None:
        from HanTa import HanoverTagger

        tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        # Instance attributes shadow the methods; the Viterbi search calls them per token.
        tagger._tag_word = _memoised(tagger._tag_word)
        tagger._analyze = _memoised(tagger._analyze)
        self._tagger = tagger

    def tag(self, words: list[str]) -> tuple[list[str], list[str]]:
        """STTS tags and lemmas of one sentence."""
        if not words:
            return [], []
        tagged = self._tagger.tag_sent([_for_tagger(word) for word in words], taglevel=1)
        tags = [stts(tag) for _, _, tag in tagged]
        lemmas = [
            _lemma(word, lemma, tag) for word, (_, lemma, tag) in zip(words, tagged, strict=True)
        ]
        self._repair_verb_second(words, tags, lemmas)
        return tags, lemmas

    def _repair_verb_second(self, words: list[str], tags: list[str], lemmas: list[str]) -> None:
        """A main clause has a finite verb. When the tagger found none and read a verb
        form after the first phrase as an adjective (``Die Türkei bombardierte
        Stellungen``), take the finite-verb reading if the tagger's lexicon allows it."""
        if any(tag in _FINITE for tag in tags) or len(words) < 3:
            return
        for index in range(1, min(len(words), 5)):
            word = words[index]
            if tags[index] not in ("ADJA", "ADJD") or not word.islower():
                continue
            readings = dict(self._tagger.tag_word(word, cutoff=10))
            if "VV(FIN)" in readings:
                tags[index] = "VVFIN"
                lemmas[index] = self._tagger.analyze(word, pos="VV(FIN)", taglevel=1)[0]
                return


def _for_tagger(word: str) -> str:
    # German quotation marks the model has not seen are read as the plain mark.
    return '"' if word in ("„", "“", "”", "»", "«") else word


def _lemma(word: str, lemma: str, tag: str) -> str:
    # HanTa lower-cases unknown proper nouns; the surface form is the better lemma there.
    if tag.startswith("NE") or not lemma:
        return word
    return lemma
