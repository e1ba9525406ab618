"""Chronik's narrowed SoMaJo scans (abbreviations near a full stop, each gated pattern
only on tokens holding what its every match holds) change no match and no token."""

from __future__ import annotations

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from somajo import SoMaJo

from chronik.language.de.somajo_scans import (
    DIGIT_FIRST,
    LISTED_GATES,
    SCAN_GATES,
    fingerprint,
    literal_alternatives,
)
from chronik.language.de.tokens import GermanTokenizer

PLAIN = SoMaJo("de_CMC", split_camel_case=True, split_sentences=True)
TOKENIZER = GermanTokenizer()

PIECES = [
    "z.B.",
    "Z. B.",
    "u.a.",
    "usw.",
    "bzw.",
    "d.h.",
    "Dr.",
    "Prof.",
    "Abs.",
    "Nr.",
    "Mio.",
    "ca.",
    "St.",
    "Hauptstr.",
    "i.d.R.",
    "U.S.A.",
    "e.V.",
    "Jh.",
    "Iran.",
    "Geschäftsführer",
    "sagte",
    "am",
    "3.",
    "März",
    "2023.",
    "1.000",
    "...",
    "www.example.org",
    "„Ja.“",
    "Ende",
    ".",
    "",
    "C++",
    "H&M",
    "AT&T",
    "Strg+Alt+Entf",
    "Disney+",
    "Ein+Aus",
    "&",
    "+",
    "Bund & Länder",
    "12.03.2024",
    "3/4",
    "2024-03-12",
    "14:30",
    "10:15:00",
    "5,-",
    "3+4",
    "WS23/24",
    "100-prozentig",
    "ISBN 978-3-16-148410-0",
    "XIV.",
    "iPhone",
    "McDonald's",
    "MacBook",
    "Dipl.-Ing.",
    "Bahnhofstr.",
    "Best.-Nr.",
    "info@example.de",
    "name [at] example [dot] de",
    "https://example.org/a_(b)",
    "www.example.de/seite",
    "[Link](https://example.org)",
    "doi:10.1000/182",
    "<b>fett</b>",
    "&amp;",
    "2.",
    "1990er",
]


def _tokens(somajo: SoMaJo, text: str) -> list[list[tuple[str, str]]]:
    return [[(t.text, t.token_class) for t in s] for s in somajo.tokenize_text([text])]


def test_lookahead_is_in_use() -> None:
    pattern = TOKENIZER._somajo._tokenizer.abbreviation.pattern
    assert pattern != PLAIN._tokenizer.abbreviation.pattern
    assert "(?=[^.]{0," in pattern


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=16),
    st.sampled_from([" ", "", "\n"]),
)
def test_same_matches_and_tokens_as_somajo(pieces: list[str], glue: str) -> None:
    text = glue.join(pieces)
    ours = TOKENIZER._somajo._tokenizer.abbreviation
    theirs = PLAIN._tokenizer.abbreviation
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
    if text.strip():
        assert _tokens(TOKENIZER._somajo, text) == _tokens(PLAIN, text)


def test_abbreviations_stay_whole() -> None:
    text = "Der Vorstand, u.a. Dr. Meier, tagte z.B. in der Hauptstr. bzw. im Rathaus."
    [sentence] = _tokens(TOKENIZER._somajo, text)
    words = [word for word, _ in sentence]
    assert {"Dr.", "Hauptstr.", "bzw."} <= set(words)
    assert _tokens(TOKENIZER._somajo, text) == _tokens(PLAIN, text)


def test_every_gate_is_in_use_with_the_installed_somajo() -> None:
    """Fails when SoMaJo changes a gated pattern: its gate must then be checked again."""
    tokenizer = PLAIN._tokenizer
    changed = [
        name
        for name, (_, checked) in SCAN_GATES.items()
        if fingerprint(getattr(tokenizer, name)) != checked
    ]
    assert changed == []
    assert "split_gated_matches" in TOKENIZER._somajo._tokenizer._split_matches.__name__


@pytest.mark.parametrize("name", sorted(LISTED_GATES))
def test_every_listed_token_holds_its_gate(name: str) -> None:
    required, head, tail = LISTED_GATES[name]
    pattern = getattr(PLAIN._tokenizer, name)
    literals = literal_alternatives(pattern.pattern, head, tail)
    assert literals, "the pattern is a list of literal tokens"
    gate = regex.compile(required)
    assert [literal for literal in literals if not gate.search(literal)] == []
    if name == "camel_case_token":
        assert gate.search(":MacB")  # the one alternative that is not a literal


@pytest.mark.parametrize(
    ("name", "matching"),
    [
        ("three_part_date_dmy", "12.03.2024"),
        ("ordinal", "3."),
        ("time", "14:30"),
        ("email", "info@example.de"),
        ("simple_url", "https://example.org"),
        ("url_without_protocol", "example.de"),
        ("str_abbreviations", "Bahnhofstr."),
        ("nr_abbreviations", "Tel.-Nr."),
        ("roman_ordinal", "XIV."),
        ("url_without_protocol", "bericht.PDF"),
        ("tag", "<b>"),
        ("entity", "&amp;"),
    ],
)
def test_gates_let_matching_tokens_through(name: str, matching: str) -> None:
    pattern = getattr(PLAIN._tokenizer, name)
    assert pattern.search(matching) is not None
    assert regex.search(SCAN_GATES[name][0], matching) is not None


def test_tokens_with_plus_or_ampersand_stay_whole() -> None:
    text = "Er drückte Strg+Alt+Entf, schrieb in C++ und kaufte bei H&M ein."
    [sentence] = _tokens(TOKENIZER._somajo, text)
    assert {"Strg+Alt+Entf", "C++", "H&M"} <= {word for word, _ in sentence}
    assert _tokens(TOKENIZER._somajo, text) == _tokens(PLAIN, text)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"<(?:C\+\+|H\&M|a\.b)>", ["C++", "H&M", "a.b"]),
        (r"<(?:C\+\+|\w&M)>", None),  # a class is not a literal
        (r"<(?:C+|H&M)>", None),  # an operator is not a literal
        (r"<(?:C\+\+|H&M>", None),  # another tail
    ],
)
def test_literal_alternatives(source: str, expected: list[str] | None) -> None:
    assert literal_alternatives(source, "<(?:", ")>") == expected


@pytest.mark.parametrize("name", DIGIT_FIRST)
def test_digit_first_patterns_match_as_before(name: str) -> None:
    ours = getattr(TOKENIZER._somajo._tokenizer, name)
    theirs = getattr(PLAIN._tokenizer, name)
    assert ours.pattern.startswith("(?=\\d)") and not theirs.pattern.startswith("(?=")
    assert name in SCAN_GATES  # rewritten only when the source is the checked one
    text = " ".join(PIECES) + " am 3.4.2024 bzw. 04/05/2023, Platz 12. ISBN 3-16-148410-X."
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
