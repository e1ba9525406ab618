"""The head of a page: rubric (section or kicker line), title and lead.

A title is short and rarely ends with a full stop; a rubric is a shorter label before
it; the lead is the first prose paragraph after the title when more body follows.
"""

from __future__ import annotations

import re

from chronik.structure.paragraphs import Unit

_WHITESPACE = re.compile(r"\s+")
MAX_TITLE_WORDS = 25
MAX_RUBRIC_WORDS = 4
MAX_RUBRIC_CHARS = 40
MIN_LEAD_WORDS = 8
MAX_LEAD_CHARS = 1200


def mark_head(units: list[Unit], title_hint: str | None = None) -> None:
    """Give the roles rubric, title and lead to the first content units."""
    content = [unit for unit in units if unit.role == "body"]
    if len(content) < 2:
        return
    title_at = _hinted_title(content, title_hint)
    if title_at is None:
        title_at = _guessed_title(content)
    if title_at is None:
        return
    content[title_at].role = "title"
    if title_at == 1:
        content[0].role = "rubric"
    rest = content[title_at + 1 :]
    if len(rest) >= 2 and _prose(rest[0]) and len(rest[0].text) <= MAX_LEAD_CHARS:
        rest[0].role = "lead"


def _hinted_title(content: list[Unit], title_hint: str | None) -> int | None:
    if not title_hint:
        return None
    wanted = _normal(title_hint)
    for index, unit in enumerate(content[:3]):
        if _normal(unit.text) == wanted:
            return index if index <= 1 else None
    return None


def _guessed_title(content: list[Unit]) -> int | None:
    first, second = content[0], content[1]
    if _rubric_like(first) and _headline_like(second) and second.words > first.words:
        return 1
    if _headline_like(first):
        return 0
    return None


def _rubric_like(unit: Unit) -> bool:
    return (
        unit.words <= MAX_RUBRIC_WORDS
        and len(unit.text) <= MAX_RUBRIC_CHARS
        and not unit.text.endswith((".", "!", "?", ",", ";"))
    )


def _headline_like(unit: Unit) -> bool:
    if unit.words > MAX_TITLE_WORDS:
        return False
    return not unit.text.endswith(".") or unit.text.endswith("...") or unit.words <= 8


def _prose(unit: Unit) -> bool:
    return unit.words >= MIN_LEAD_WORDS or unit.text.endswith((".", "!", "?", '"', "“"))


def _normal(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip().casefold()
