"""Split text into paragraph units: lines, with hard-wrapped lines joined again.

Scrapers put one paragraph per line (trafilatura) or separate paragraphs by blank lines;
some texts are wrapped at a fixed width. A unit is a stripped line or a run of wrapped
lines; ``block`` counts blank-line-separated blocks so that later rules can tell lines
that belong together (a lead directly followed by its caption) from separate paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n\r\u2028\u2029\x85]*(?:\r\n|[\n\r\u2028\u2029\x85]|$)")
_SENTENCE_END = tuple(".!?:;\"“”»«'’)")
# Wrapped text: several lines of similar, typewriter-like width.
_WRAP_MIN, _WRAP_MAX = 55, 100


@dataclass
class Unit:
    """A paragraph-sized piece of the text with its offsets and the role segmentation gives it."""

    start: int
    end: int
    text: str
    block: int
    role: str = "body"
    kind: str | None = None  # boilerplate kind when role == "boilerplate"

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_units(text: str) -> list[Unit]:
    """The non-empty lines of ``text`` as units; wrapped lines within a block are joined."""
    lines: list[Unit] = []
    block = 0
    position = 0
    for match in _LINE.finditer(text):
        raw = match.group()
        if not raw:
            break
        content = raw.rstrip("\r\n\u2028\u2029\x85")
        stripped = content.strip()
        if stripped:
            start = position + (len(content) - len(content.lstrip()))
            lines.append(Unit(start, start + len(stripped), stripped, block))
        else:
            block += 1
        position = match.end()
    return _join_wrapped(text, lines)


def _join_wrapped(text: str, lines: list[Unit]) -> list[Unit]:
    wrapped = _wrapped_blocks(lines)
    units: list[Unit] = []
    for line in lines:
        previous = units[-1] if units else None
        if (
            previous is not None
            and previous.block == line.block
            and _continues(previous, line, previous.block in wrapped)
        ):
            previous.end = line.end
            previous.text = text[previous.start : previous.end]
        else:
            units.append(line)
    return units


def _wrapped_blocks(lines: list[Unit]) -> set[int]:
    """Blocks of three or more lines whose lines (but the last) have a typewriter width."""
    widths: dict[int, list[int]] = {}
    for line in lines:
        widths.setdefault(line.block, []).append(len(line.text))
    return {
        block
        for block, sizes in widths.items()
        if len(sizes) >= 3 and all(_WRAP_MIN <= size <= _WRAP_MAX for size in sizes[:-1])
    }


def _continues(previous: Unit, line: Unit, wrapped_block: bool) -> bool:
    last_line = previous.text.rsplit("\n", 1)[-1]
    if last_line.endswith(_SENTENCE_END):
        return False
    if line.text[:1].islower():
        return len(last_line) >= 30
    # A capitalised continuation (German nouns) only in a block that is wrapped throughout.
    return wrapped_block
