"""Sentences about sports, software or science: event words there have their
non-political senses (``empfing den VfB``, ``zum Test freigegeben``), so the coder
codes no event in them. Cue words are in ``data/domains.tsv``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from chronik.errors import ResourceError
from chronik.events.lexicon import PACKAGE, fold
from chronik.tables import load_table

DOMAINS = frozenset({"sports", "software", "science"})
_KINDS = frozenset({"exact", "head", "modifier", "both"})
_MIN_REST = 3  # letters a compound part must leave (Fußball|spiel, Bundes|liga)
_SCORE = re.compile(r"\d{1,2}:\d{1,2}")  # a match result; "14:30 Uhr" is a time


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per process
class DomainCues:
    words: dict[str, str]  # folded lemma -> domain
    heads: tuple[tuple[str, str], ...]  # (folded stem, domain)
    modifiers: tuple[tuple[str, str], ...]

    @classmethod
    def load(cls) -> DomainCues:
        return _load()

    def domain_of_word(self, lemma: str) -> str | None:
        return _domain_of_word(self, lemma)

    def _lookup(self, lemma: str) -> str | None:
        key = fold(lemma)
        found = self.words.get(key)
        if found is not None:
            return found
        for stem, domain in self.modifiers:
            if key.startswith(stem) and len(key) - len(stem) >= _MIN_REST:
                return domain
        for stem, domain in self.heads:
            if key.endswith(stem) and len(key) - len(stem) >= _MIN_REST:
                return domain
        return None

    def domain_of(self, words: Sequence[str], lemmas: Sequence[str]) -> str | None:
        """The non-political domain a sentence is about, from its words and lemmas."""
        for index, word in enumerate(words):
            # "2:0" as one token or as "2", ":", "0"; not a clock time ("14:30 Uhr")
            after = words[index + 1 : index + 4]
            if _SCORE.fullmatch(word) and after[:1] != ["Uhr"]:
                return "sports"
            split = len(after) >= 2 and after[0] == ":" and word.isdigit() and after[1].isdigit()
            if split and len(word) <= 2 and len(after[1]) <= 2 and after[2:3] != ["Uhr"]:
                return "sports"
        return next((d for d in map(self.domain_of_word, lemmas) if d is not None), None)


@lru_cache(maxsize=1 << 16)  # lemmas repeat across sentences and articles
def _domain_of_word(cues: DomainCues, lemma: str) -> str | None:
    return cues._lookup(lemma)


@cache
def _load() -> DomainCues:
    table = load_table(PACKAGE, "domains.tsv")
    words: dict[str, str] = {}
    heads: list[tuple[str, str]] = []
    modifiers: list[tuple[str, str]] = []
    for number, row in enumerate(table, start=2):
        if row["domain"] not in DOMAINS or row["compound"] not in _KINDS or not row["word"]:
            raise ResourceError(f"{table.name}: row {number}: bad word, domain or compound")
        key = fold(row["word"])
        words[key] = row["domain"]
        if row["compound"] in ("head", "both"):
            heads.append((key, row["domain"]))
        if row["compound"] in ("modifier", "both"):
            modifiers.append((key, row["domain"]))
    longest = lambda item: -len(item[0])  # noqa: E731 - the sort key of both lists
    return DomainCues(
        words, tuple(sorted(heads, key=longest)), tuple(sorted(modifiers, key=longest))
    )
