"""Answers remembered per word form, within a bound.

Word-level analyses (tagger readings, name and role lookups, tagger features) repeat for
every token of a frequent word, so they are remembered per form. A long run keeps
meeting new forms, so a memo that reaches its limit forgets its older half (a dict keeps
insertion order): memory stays bounded and the forms of recent text stay remembered.
"""

from __future__ import annotations

from itertools import islice
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

WORD_FORMS = 100_000  # the default limit: word forms (or lemmas) per memo


class Memo(dict[K, V]):
    def __init__(self, limit: int = WORD_FORMS) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, key: K, value: V) -> V:
        """Store ``value`` under ``key`` (forgetting the older half when full); return it."""
        if len(self) >= self.limit:
            for old in list(islice(self, len(self) - len(self) // 2)):
                del self[old]
        self[key] = value
        return value
