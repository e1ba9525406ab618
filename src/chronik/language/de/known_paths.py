"""Morpheme paths of the word forms HanTa's lexicon knows, computed once and shipped.

HanTa takes a word's lemma from its best morpheme path for the tag the sentence search
chose (``analyze_viterbi``, ``MorphologyModel.best_path`` here). A process searches that
path again for every word form it meets, which is most of what a fresh process pays
for common words. For the forms in HanTa's own lexicon (about 23,000, each with the
tags it lists for them) the paths are searched when the table is built and read from
``data/known_paths.tsv.gz``; any other word or tag is searched as before.

The table is a cache of our own search over HanTa's model, nothing else: it records a
fingerprint of the model's lexicon and is used only when the installed model has the
same one, and a test searches a sample of its rows again. Rebuild it after a change to
the morphology or a new HanTa model::

    python -m chronik.language.de.known_paths
"""

from __future__ import annotations

import gzip
import hashlib
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

TABLE = "known_paths.tsv.gz"
MorphemePath = tuple[tuple[int, int], ...]
Search = Callable[[str, int], Any]

_HEADER = (
    "# source: computed by chronik.language.de.known_paths (Chronik's own search) from the"
    " lexicon of HanTa's morphmodel_ger.pgz",
    "# licence: GPL-3.0-or-later (part of Chronik); derived from HanTa's model (LGPL-3.0)",
    "# scope: the best morpheme path of every word form of HanTa's lexicon for each tag it"
    " lists; path = tag:end pairs",
)


def lexicon_fingerprint(lexicon: dict[str, Any]) -> str:
    """A short hash of HanTa's lexicon: its forms and their tag codes."""
    digest = hashlib.sha1()
    for word in sorted(lexicon):
        codes = ",".join(str(code) for code, _ in lexicon[word])
        digest.update(f"{word}\t{codes}\n".encode())
    return digest.hexdigest()[:16]


def pairs(lexicon: dict[str, Any]) -> Iterator[tuple[str, int]]:
    """The (word, final tag) pairs a sentence may ask the path of: HanTa asks with the
    negated code of one of the word's listed tags."""
    for word in sorted(lexicon):
        for code, _ in lexicon[word]:
            yield word, -code


def write(lexicon: dict[str, Any], search: Search, path: Path) -> int:
    """Search every pair and write the table; the number of rows."""
    rows = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(_HEADER) + "\n")
        out.write(f"# lexicon: {lexicon_fingerprint(lexicon)}\n")
        out.write("word\ttarget\tpath\n")
        for word, target in pairs(lexicon):
            steps = " ".join(f"{tag}:{end}" for tag, end in search(word, target))
            out.write(f"{word}\t{target}\t{steps}\n")
            rows += 1
    return rows


def read(text: str, fingerprint: str) -> dict[tuple[str, int], str] | None:
    """The table's paths as written (``parse_path`` reads one), or None when the table
    was built from another lexicon. Paths are parsed when asked for: a process asks
    for a fraction of them."""
    lines = text.splitlines()
    built_from = next((line for line in lines if line.startswith("# lexicon:")), "")
    if built_from.partition(":")[2].strip() != fingerprint:
        return None
    paths: dict[tuple[str, int], str] = {}
    body = (line for line in lines if not line.startswith("#"))
    next(body, None)  # the column names
    for line in body:
        word, target, steps = line.split("\t")
        paths[word, int(target)] = steps
    return paths


def parse_path(steps: str) -> MorphemePath:
    """``"20:7 -20:8"`` -> ``((20, 7), (-20, 8))``."""
    return tuple(
        (int(tag), int(end)) for tag, _, end in (step.partition(":") for step in steps.split())
    )


def load(lexicon: dict[str, Any]) -> dict[tuple[str, int], str]:
    """The shipped paths for this lexicon (empty when missing or built from another)."""
    table = resources.files(__package__) / "data" / TABLE
    if not table.is_file():
        return {}
    text = gzip.decompress(table.read_bytes()).decode("utf-8")
    return read(text, lexicon_fingerprint(lexicon)) or {}


def with_known_paths(search: Search, known: dict[tuple[str, int], str]) -> Search:
    """``search`` answering known (word, target) pairs from the table."""

    def best_path(word: str, target: int) -> Any:
        found = known.get((word, target))
        return parse_path(found) if found is not None else search(word, target)

    return best_path


def main(argv: list[str] | None = None) -> int:
    from HanTa import HanoverTagger

    from chronik.language.de.morphology import MorphologyModel

    out = Path(argv[0]) if argv else Path(__file__).parent / "data" / TABLE
    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    rows = write(tagger.cache, MorphologyModel(tagger).best_path, out)
    print(f"{out}: {rows} paths")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
