"""The emoji fast path in the German tokenizer gives exactly SoMaJo's own tokens."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from somajo import SoMaJo

from chronik.language.de.tokens import GermanTokenizer

PIECES = [
    "Der Minister",
    "sagte",
    "„Wir sind bereit.“",
    "😀",
    "👍🏽",
    "❤️",
    "🇩🇪",
    ":-)",
    "z.B.",
    "Nr. 5",
    "www.example.org",
    "\ufe0f",
    "a\u200db",
    "Iran.",
    "Das",
    " ",
    "\n",
]


PLAIN = SoMaJo("de_CMC", split_camel_case=True, split_sentences=True, character_offsets=True)


def _plain(text: str) -> list[list[str]]:
    return [[token.text for token in sentence] for sentence in PLAIN.tokenize_text([text])]


def _ours(tokenizer: GermanTokenizer, text: str) -> list[list[str]]:
    # The same SoMaJo call as the layer makes, without Chronik's own sentence repairs.
    return [
        [token.text for token in sentence] for sentence in tokenizer._somajo.tokenize_text([text])
    ]


TOKENIZER = GermanTokenizer()


def test_emoji_are_still_split_off() -> None:
    text = "Er lachte😀und ging👍🏽 weg."
    assert _ours(TOKENIZER, text) == _plain(text)
    assert "😀" in _ours(TOKENIZER, text)[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map(" ".join))
def test_same_tokens_as_somajo(text: str) -> None:
    if not text.strip():
        return
    assert _ours(TOKENIZER, text) == _plain(text)
