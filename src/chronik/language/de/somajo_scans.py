"""SoMaJo's costly scans, narrowed so that they skip tokens that cannot match.

SoMaJo tokenises by running about a hundred patterns, one after the other, over every
token that is not yet settled. Most patterns can only match text that holds some
character or string (a date needs a digit, a URL ``www.`` or ``://``), and almost no
token of news text holds it, so each pattern here runs only on tokens that have what
its every match contains: the same matches, the same tokens.

A pattern is narrowed only when its source is exactly the one checked (SoMaJo 2.5), or,
for SoMaJo's lists of literal tokens (built in a different order in each process),
when every literal holds the gate; another SoMaJo version keeps its own behaviour until
it is checked again. ``tests/language/test_somajo_scans.py`` checks each claim against
SoMaJo itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import regex

# Any character that SoMaJo's emoji splitting reacts to (its two per-grapheme tests).
_PICTOGRAPHIC = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")

_DIGIT = r"\d"
_STOP = r"\."
# SoMaJo's pattern (by attribute) -> what every match contains, and the fingerprint of
# the pattern (flags and source) for which that was checked.
SCAN_GATES: dict[str, tuple[str, str]] = {
    # Abbreviations and addresses hold a full stop after a known part, ``@`` or a scheme.
    "str_abbreviations": (r"(?i)str\.", "5022c94d8284f24e"),
    "nr_abbreviations": (r"(?i)nr\.", "ae3e57f3f4d7bc7d"),
    "roman_ordinal": (r"[MDCLXVI]\.", "54af72e82a019ccf"),  # the last numeral, then the stop
    "url_without_protocol": (
        r"(?i)\.(?:de|com|tv|me|net|us|org|at|cc|ly|be|ch|info|live|eu|edu|gov|jpg|png|gif"
        r"|log|txt|xls|doc|ppt|pdf)",
        "79c860fc7bdb33fb",
    ),
    "email": (r"(?i)@|\[at\]", "0dec7c52002b384d"),
    "simple_url": (r"(?i)://|www\.", "042f242c43e81727"),
    "simple_url_with_brackets": (r"(?i)://|www\.", "bb14ddc9a0ed7ade"),
    "markdown_links": (r"\[", "95873363e96dbbef"),
    "doi": (r"(?i)doi:", "a63cb4e9e82468ba"),
    "doi_with_space": (r"(?i)doi:", "a8d9951f637a6b23"),
    "tag": (r"<", "d279801e0dcb60cc"),
    "xml_declaration": (r"<", "def1f9e74df7e694"),
    "entity": (r"&", "a90d534bf34b2d15"),
    # Dates, times, ordinals and numbers with letters all need a digit.
    "three_part_date_dmy": (_DIGIT, "fe37d7822c5508e7"),
    "three_part_date_mdy": (_DIGIT, "93b6e41ad18d164e"),
    "three_part_date_year_first": (_DIGIT, "cf9d50b8aeab3d3c"),
    "two_part_date": (_DIGIT, "1df12ce0a5cf262f"),
    "ordinal": (_DIGIT, "b19c11c5957bf5ff"),
    "time": (_DIGIT, "165b737bdd61c57c"),
    "fraction": (_DIGIT, "dc27d45feaf2beaa"),
    "amount": (_DIGIT, "bfb74fc2ba381a27"),
    "calculation": (_DIGIT, "dcc937b4dece2b70"),
    "number_compound": (_DIGIT, "223185cf4cee4cfc"),
    "semester": (_DIGIT, "7d904184bf07bc40"),
    "isbn": (_DIGIT, "9921edd1326e3ec7"),
}


# Lists of literal tokens -> the gate every literal must hold, and the list's head and
# tail around ``a|b|…`` (``:Mac\p{Lu}\p{Ll}*`` is camel case as well).
LISTED_GATES: dict[str, tuple[str, str, str]] = {
    "camel_case_token": (r"\p{Ll}\p{Lu}", r"\b(?:", r"|:Mac\p{Lu}\p{Ll}*)\b"),
    "single_token_abbreviation": (_STOP, r"(?<![\w.])(?:", r")(?!\p{L})"),
    "token_with_plus_ampersand": (r"[+&]", r"(?<!\w)(?:", r")(?!\w)"),
}


# Patterns whose every match starts with a digit (each alternative's first element is
# a digit class): a lookahead for one, tried first, rejects the other positions of a
# long text at once instead of after the lookbehinds and alternatives (same matches).
# These run on whole paragraphs, before whitespace splits them, where gates cannot help.
DIGIT_FIRST = ("three_part_date_dmy", "three_part_date_mdy", "ordinal", "isbn")
_DIGIT_AHEAD = r"(?=\d)"


def fingerprint(pattern: Any) -> str:
    """A short hash of a compiled pattern's flags and source."""
    return hashlib.sha1(f"{pattern.flags}:{pattern.pattern}".encode()).hexdigest()[:16]


def narrow_scans(somajo: Any) -> None:
    """Narrow the scans of a ``SoMaJo`` instance in place (same tokens, less work)."""
    tokenizer = getattr(somajo, "_tokenizer", None)
    if tokenizer is None:  # another SoMaJo version: keep its own behaviour
        return
    _skip_emoji_scan_without_emoji(tokenizer)
    _look_for_abbreviations_near_stops(tokenizer)
    _gate_scans(tokenizer)


def _gate_scans(tokenizer: Any) -> None:
    """Run each checked pattern only on tokens its gate finds something in (digit-first
    patterns also get their digit lookahead here, before their gate is keyed to them)."""
    split_matches: Callable[..., None] | None = getattr(tokenizer, "_split_matches", None)
    if split_matches is None:
        return
    gates: dict[int, Any] = {}
    for name, (required, checked) in SCAN_GATES.items():
        pattern = getattr(tokenizer, name, None)
        if pattern is None or fingerprint(pattern) != checked:
            continue
        if name in DIGIT_FIRST:
            pattern = regex.compile(_DIGIT_AHEAD + pattern.pattern, pattern.flags)
            setattr(tokenizer, name, pattern)
        gates[id(pattern)] = regex.compile(required).search
    for name, (required, head, tail) in LISTED_GATES.items():
        pattern = getattr(tokenizer, name, None)
        if pattern is not None and _every_literal_holds(pattern.pattern, head, tail, required):
            gates[id(pattern)] = regex.compile(required).search
    if not gates:
        return

    def split_gated_matches(found: Any, node: Any, *args: Any, **kwargs: Any) -> None:
        gate = gates.get(id(found))
        if gate is not None and gate(node.value.text) is None:
            return  # no match possible: SoMaJo would find none and change nothing
        split_matches(found, node, *args, **kwargs)

    tokenizer._split_matches = split_gated_matches


def _skip_emoji_scan_without_emoji(tokenizer: Any) -> None:
    """SoMaJo tests every grapheme of every token with an uncompiled pattern, which is
    about half its cost on news text; a token without any pictographic character has
    nothing to split, so the test runs only on tokens that have one (same result)."""
    scan: Callable[..., None] | None = getattr(tokenizer, "_split_emojis", None)
    if scan is None:
        return

    def split_emojis(node: Any, token_class: str = "emoticon") -> None:
        if _PICTOGRAPHIC.search(node.value.text) is not None:
            scan(node, token_class)

    tokenizer._split_emojis = split_emojis


def _look_for_abbreviations_near_stops(tokenizer: Any) -> None:
    """SoMaJo tries its pattern of about 1,100 known abbreviations at every character of
    the text, about a third of its cost on news text. Every abbreviation has a full stop
    within its first ``reach`` characters, so a lookahead for such a stop, tried first,
    rejects most positions cheaply and leaves every match as it was. Only applied when
    the pattern is exactly the one built from SoMaJo's list (else its own is kept)."""
    pattern = getattr(tokenizer, "abbreviation", None)
    language = getattr(tokenizer, "language", None)
    if pattern is None or not isinstance(language, str):
        return
    try:
        from somajo import utils

        entries = utils.read_abbreviation_file(f"abbreviations_{language[:2]}.txt", to_lower=True)
    except (ImportError, AttributeError, OSError):
        return
    if not entries or not all("." in entry for entry in entries):
        return
    head, tail = r"(?<![\p{L}.])", r")+(?!\p{L}{1,3}\.)"
    body = r"(?:(?:(?:\p{L}\.){2,})|" + "|".join(regex.escape(entry) for entry in entries)
    if pattern.pattern != head + body + tail:
        return
    # The multi-letter alternative (``u.s.w.``) has its stop at offset 1.
    reach = max(1, *(entry.index(".") for entry in entries))
    stop_ahead = rf"(?=[^.]{{0,{reach}}}\.)"
    tokenizer.abbreviation = regex.compile(head + stop_ahead + body + tail, pattern.flags)


def _every_literal_holds(source: str, head: str, tail: str, required: str) -> bool:
    literals = literal_alternatives(source, head, tail)
    gate = regex.compile(required)
    return bool(literals) and all(gate.search(literal) for literal in literals or ())


def literal_alternatives(source: str, head: str, tail: str) -> list[str] | None:
    """The alternatives of ``head + a|b|… + tail`` when each is an escaped literal."""
    if not (source.startswith(head) and source.endswith(tail)):
        return None
    body = source[len(head) : len(source) - len(tail)]
    literals, current, escaped = [], [], False
    for char in body:
        if escaped:
            if char.isalnum():
                return None  # a class or anchor such as \w or \b: not a literal
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            literals.append("".join(current))
            current = []
        elif char in "()[]{}.*+?^$":
            return None  # a regular-expression operator: not a literal
        else:
            current.append(char)
    if escaped:
        return None
    literals.append("".join(current))
    return literals
