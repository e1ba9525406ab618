"""Chronik's narrowed SoMaJo scans (abbreviations near a full stop, tokens with ``+``
or ``&`` only where such a sign is) change no match and no token."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from somajo import SoMaJo

from chronik.language.de.tokens import GermanTokenizer, _literal_alternatives

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


def test_plus_ampersand_filter_is_in_use() -> None:
    tokenizer = TOKENIZER._somajo._tokenizer
    assert tokenizer._split_matches != PLAIN._tokenizer._split_matches
    assert "split_matches_with_sign" in tokenizer._split_matches.__name__


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
    assert _literal_alternatives(source, "<(?:", ")>") == expected
