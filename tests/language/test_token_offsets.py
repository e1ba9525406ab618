"""Chronik's own token offsets equal SoMaJo's ``character_offsets`` alignment."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from somajo import SoMaJo

from chronik.language.de.tokens import GermanTokenizer, verbatim_offsets

ALIGNING = SoMaJo("de_CMC", split_camel_case=True, split_sentences=True, character_offsets=True)
TOKENIZER = GermanTokenizer()

PIECES = [
    "Der",
    "Außenminister",
    "sagte",
    "am",
    "Montag",
    "in",
    "Wien",
    ".",
    ",",
    "„Wir sind bereit.“",
    "»Nein«",
    "‚so‘",
    '"Ja"',
    "(dpa)",
    "z.B.",
    "u.a.",
    "Nr. 5",
    "Dr. Müller",
    "3. März",
    "12.10.2023",
    "www.example.org",
    "https://example.com/a?b=c",
    "info@example.de",
    "E-Mail-Adresse",
    "CDU/CSU-Fraktion",
    "Gesprächs-",
    "–",
    "...",
    "?!",
    ":-)",
    "😀",
    "👍🏽",
    "❤️",
    "🇩🇪",
    "Iran.",
    "auszubauenQuelle",
    "Café",
    "Cafe\u0301",  # NFD: SoMaJo turns it into NFC
    "Stra\u00dfe",
    "Ü\u0308ber",
    "Wo\u00adrt",  # soft hyphen, dropped by SoMaJo
    "a\u200bb",
    "\ufe0f",
    "\u00a0",
    "\t",
    " ",
    "\n",
    "  ",
]
SEPARATORS = st.sampled_from([" ", "", "  ", "\n", "\u00a0", " \n "])


def _somajo(paragraph: str) -> list[list[tuple[int, int]]]:
    return [[token.character_offset for token in s] for s in ALIGNING.tokenize_text([paragraph])]


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
    text = pieces[0]
    for piece in pieces[1:]:
        text += draw(SEPARATORS) + piece
    if draw(st.booleans()):
        text = unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)
    return text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs())
def test_offsets_equal_somajo_alignment(paragraph: str) -> None:
    assert TOKENIZER.token_offsets(paragraph) == _somajo(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Der Minister sagte: „Wir sind bereit.“ Dann ging er.",
        "Er lachte😀und ging👍🏽 weg. Am 3. März kam Dr. Müller nach Wien.",
        "Siehe https://example.com/a?b=c und www.example.org, z.B. heute.",
        "Die CDU/CSU-Fraktion und die E-Mail-Adresse info@example.de.",
        "  Vorne   und\n\nhinten  Leerraum.\t",
        "Ein Satz",
        "Cafe\u0301 und Ü\u0308ber",
        "Wo\u00adrt mit weichem Trennstrich.",
        "Ein\u200bSatz mit\u00a0festem Leerzeichen.",
        "auszubauenQuelle: dpa",
    ],
)
def test_fixed_offsets_equal_somajo_alignment(paragraph: str) -> None:
    assert TOKENIZER.token_offsets(paragraph) == _somajo(paragraph)


def test_ordinary_text_is_aligned_without_somajo() -> None:
    paragraph = "Der Minister sagte am Montag: „Wir sind bereit.“  Dann ging er."
    tokenized = list(TOKENIZER._somajo.tokenize_text([paragraph]))
    assert verbatim_offsets(paragraph, tokenized) == _somajo(paragraph)


@pytest.mark.parametrize("paragraph", ["Cafe\u0301 heute.", "Wo\u00adrt heute."])
def test_changed_tokens_are_left_to_somajo(paragraph: str) -> None:
    tokenized = list(TOKENIZER._somajo.tokenize_text([paragraph]))
    assert verbatim_offsets(paragraph, tokenized) is None


def test_sentences_have_absolute_offsets() -> None:
    text = "Kopf.\n\nDer Minister kam. Er sprach.\n\nEnde."
    start = text.index("Der")
    end = text.index("\n\nEnde")
    sentences = TOKENIZER.sentences(text, start, end)
    words = [[text[a:b] for a, b in sentence.offsets] for sentence in sentences]
    assert words == [["Der", "Minister", "kam", "."], ["Er", "sprach", "."]]
