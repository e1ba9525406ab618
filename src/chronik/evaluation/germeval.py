"""Read NER gold files: GermEval 2014 (``#`` source lines, then ``n<TAB>token<TAB>outer<TAB>
inner``) and CoNLL-style files whose last column is an IOB1 or BIO tag (German Europarl)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chronik.errors import UsageError

SCORED_TYPES = frozenset({"PER", "ORG", "LOC"})


@dataclass(frozen=True)
class GoldSentence:
    tokens: tuple[str, ...]
    spans: frozenset[tuple[int, int, str]]  # outer PER/ORG/LOC spans, token offsets
    source: str

    @property
    def is_news(self) -> bool:
        return "wikipedia.org" not in self.source


def read_germeval(path: Path) -> list[GoldSentence]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read ({error})") from error
    sentences: list[GoldSentence] = []
    source, rows = "", []
    for number, line in enumerate([*lines, ""], start=1):
        if line.startswith("#"):
            source = line.lstrip("#").strip()
        elif not line.strip():
            if rows:
                sentences.append(_sentence(rows, source))
            rows = []
        else:
            cells = line.split("\t")
            if len(cells) < 3:
                raise UsageError(f"{path}:{number}: expected 'n token outer inner' columns")
            if cells[0].isdigit():
                rows.append((cells[1], cells[2]))
            else:  # CoNLL style (token … tag), as in the German Europarl NER set
                rows.append((cells[0], cells[-1].replace("MISC", "OTH")))
                source = source or path.stem
    return sentences


def _sentence(rows: list[tuple[str, str]], source: str) -> GoldSentence:
    return GoldSentence(
        tuple(token for token, _ in rows), frozenset(bio_spans([tag for _, tag in rows])), source
    )


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Spans of a BIO sequence, keeping only the scored types (no deriv, part or OTH)."""
    spans = []
    start, kind = None, None
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if not continues:
            if kind is not None and start is not None and kind in SCORED_TYPES:
                spans.append((start, index, kind))
            start, kind = (index, label) if prefix in ("B", "I") else (None, None)
    return spans
