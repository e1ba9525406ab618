"""Outlet fingerprints: paragraphs that recur across many articles of one outlet.

A paragraph that an outlet prints under every article (an appeal, a disclaimer, a
subscription note) is boilerplate whatever its wording. ``learn_fingerprints`` counts
normalised paragraphs per outlet over a collection of documents; ``analyze`` flags the
paragraphs of a new article that match its outlet's fingerprints.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from chronik.errors import UsageError
from chronik.settings import Settings
from chronik.structure.paragraphs import split_units

_NON_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")
# Short lines recur for ordinary reasons ("Berlin", "Foto: dpa"); they are not fingerprinted.
MIN_WORDS = 5
ANY_OUTLET = "*"


def paragraph_key(text: str) -> str:
    """A key equal for paragraphs that differ only in case, punctuation, spacing or numbers."""
    normal = _DIGITS.sub("0", _NON_WORD.sub(" ", text.lower())).strip()
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=8).hexdigest()


@dataclass
class Fingerprints:
    """Recurring paragraph keys per outlet."""

    by_outlet: dict[str, set[str]] = field(default_factory=dict)

    def matches(self, outlet: str | None, text: str) -> bool:
        if len(text.split()) < MIN_WORDS:
            return False
        key = paragraph_key(text)
        if outlet is None:
            return any(key in keys for keys in self.by_outlet.values())
        # A named outlet is judged by its own fingerprints and those learned without outlet.
        return key in self.by_outlet.get(outlet, ()) or key in self.by_outlet.get(ANY_OUTLET, ())

    def __len__(self) -> int:
        return sum(len(keys) for keys in self.by_outlet.values())

    def save(self, path: Path) -> None:
        data = {outlet: sorted(keys) for outlet, keys in sorted(self.by_outlet.items())}
        path.write_text(json.dumps({"fingerprints": data}, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Fingerprints:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))["fingerprints"]
            return cls({outlet: set(keys) for outlet, keys in data.items()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise UsageError(f"{path}: not a fingerprint file ({error})") from error


def learn_fingerprints(
    documents: Iterable[tuple[str | None, str]], settings: Settings | None = None
) -> Fingerprints:
    """Learn fingerprints from ``(outlet, text)`` pairs; documents without outlet pool as "*".

    A paragraph is kept when it occurs in at least ``fingerprint_min_documents`` documents
    and in at least ``fingerprint_min_share`` of its outlet's documents.
    """
    settings = settings or Settings()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for outlet, text in documents:
        name = outlet or ANY_OUTLET
        totals[name] += 1
        keys = {paragraph_key(u.text) for u in split_units(text) if u.words >= MIN_WORDS}
        counts[name].update(keys)
    result: dict[str, set[str]] = {}
    for name, counter in counts.items():
        needed = max(
            settings.fingerprint_min_documents, settings.fingerprint_min_share * totals[name]
        )
        keys = {key for key, seen in counter.items() if seen >= needed}
        if keys:
            result[name] = keys
    return Fingerprints(result)
