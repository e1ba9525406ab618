"""A cheap test before a boilerplate cue's regular expression: words it cannot match without.

Most cues are words or choices of words in sequence (``(?i)\\b(bitten|möchten) wir
(sie|euch|dich)\\b``). A text lacking every choice of one required position cannot
match, and ``str.__contains__`` is far cheaper than a regex scan that tries every
position. The test only says "cannot match" when that is certain: parts of a pattern it
does not read (classes, escapes, optional or repeated items, flag groups) require
nothing, and a pattern with an alternation at its top level gets no prefilter.

Case-insensitive cues compare lower-cased text. Python's ``re`` also equates a few
letters that ``str.lower`` keeps apart (dotless ``ı`` and ``İ`` with ``i``, long ``ſ``
with ``s``); a text containing one of them is always scanned in full.
"""

from __future__ import annotations

from dataclasses import dataclass

_IGNORE_CASE = "(?i)"
_META = frozenset("\\.^$*+?{}[]()|")
_QUANTIFIERS = frozenset("*+?{")
# Letters the prefilter may require: for these, re.IGNORECASE equality and equality of
# str.lower() agree, except for the characters in _CASE_EXCEPTIONS (checked in tests).
_SAFE_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -"
    + "".join(chr(code) for code in range(0xC0, 0x100) if chr(code) not in "×÷")
)
CASE_EXCEPTIONS = frozenset("İıſ")


@dataclass(frozen=True)
class Required:
    """Each group of ``words`` has one member in any text the pattern matches (compared
    lower-cased when ``folded``)."""

    words: tuple[tuple[str, ...], ...]
    folded: bool


def required_words(pattern: str) -> Required | None:
    """What a pattern cannot match without, or None when nothing is clear."""
    folded = pattern.startswith(_IGNORE_CASE)
    body = pattern[len(_IGNORE_CASE) :] if folded else pattern
    if body.startswith("(?") or "[]" in body or "[^]" in body:
        return None  # flags (verbose?), or a class opening with "]": not read
    items = _items(body)
    if items is None:
        return None
    required = []
    run = ""
    for item, optional in [*items, ("", False)]:
        if len(item) == 1 and item not in _META and not optional:
            run += item
            continue
        if run:
            required.append((run,))
            run = ""
        if item.startswith("(") and not item.startswith("(?") and not optional:
            alternatives = _top_level_alternatives(item[1:-1])
            words = [_literal_prefix(a) for a in alternatives] if alternatives else []
            if words and all(words):
                required.append(tuple(words))
    if folded:
        required = [
            tuple(word.lower() for word in words)
            for words in required
            if all(char in _SAFE_LETTERS for word in words for char in word)
        ]
    return Required(tuple(required), folded) if required else None


class Probe:
    """A text to test, lower-cased once for all case-insensitive cues."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lowered: str | None = None
        self._foldable = not any(char in text for char in CASE_EXCEPTIONS)

    def may_match(self, required: Required | None) -> bool:
        """False only when the cue certainly does not match the text."""
        if required is None:
            return True
        if required.folded:
            if not self._foldable:
                return True
            if self._lowered is None:
                self._lowered = self.text.lower()
            text = self._lowered
        else:
            text = self.text
        return all(any(word in text for word in words) for words in required.words)


def _items(body: str) -> list[tuple[str, bool]] | None:
    """The top-level items of a pattern (a character, an escape, a class, a group), each
    with whether a quantifier makes it optional or repeated; None for a top-level ``|``
    or brackets that do not close."""
    items: list[tuple[str, bool]] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == "|":
            return None
        if char == "\\":
            end = index + 2
        elif char == "[":
            close = _class_end(body, index)
            if close is None:
                return None
            end = close + 1
        elif char == "(":
            close = _closing_paren(body[index:])
            if close is None:
                return None
            end = index + close + 1
        else:
            end = index + 1
        quantified = end < len(body) and body[end] in _QUANTIFIERS
        items.append((body[index:end], quantified))
        index = end
        if quantified:  # skip the quantifier: "?", "*", "+", "{m,n}", and a lazy "?"
            index = body.find("}", index) + 1 if body[index] == "{" else index + 1
            if index == 0:
                return None
            if index < len(body) and body[index] in "?+":
                index += 1
    return items


def _class_end(text: str, start: int) -> int | None:
    """Index of the ``]`` closing the character class opened at ``text[start]``."""
    index = start + 1
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == "]":
            return index
        index += 1
    return None


def _literal_prefix(text: str) -> str:
    """The plain characters a regex fragment starts with; a character made optional or
    repeatable by a quantifier right after it does not count."""
    for index, char in enumerate(text):
        if char in _META:
            return text[: max(index - 1, 0)] if char in _QUANTIFIERS else text[:index]
    return text


def _bracket_depths(text: str) -> tuple[list[tuple[int, str, int]], bool]:
    """The unescaped characters of ``text`` outside character classes, each with the
    group depth before it, and whether every bracket closes."""
    found, depth, index, in_class = [], 0, 0, False
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            found.append((index, char, depth))
            depth += (char == "(") - (char == ")")
        index += 1
    return found, depth == 0 and not in_class


def _closing_paren(text: str) -> int | None:
    """Index of the parenthesis closing the one at ``text[0]``."""
    characters, _ = _bracket_depths(text)
    return next((i for i, char, depth in characters if char == ")" and depth == 1), None)


def _top_level_alternatives(text: str) -> list[str] | None:
    """``a|b(c|d)|e`` -> ``a``, ``b(c|d)``, ``e``; None when the brackets do not close."""
    characters, balanced = _bracket_depths(text)
    if not balanced:
        return None
    parts, start = [], 0
    for index, char, depth in characters:
        if char == "|" and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts
