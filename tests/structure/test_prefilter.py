"""The boilerplate prefilter may skip a cue's regex only when the regex cannot match."""

from __future__ import annotations

import random
import re
import sys

import pytest

from chronik.structure.cues import StructureCues
from chronik.structure.paragraphs import split_units
from chronik.structure.prefilter import _SAFE_LETTERS, CASE_EXCEPTIONS, Probe, required_words
from chronik.structure.segment import boilerplate_score

CUES = StructureCues.load().boilerplate


def test_reads_words_in_sequence() -> None:
    required = required_words(r"(?i)\b(bitten|möchten) wir (sie|euch|dich)\b")
    assert required is not None and required.folded
    assert required.words == (("bitten", "möchten"), (" wir ",), ("sie", "euch", "dich"))


def test_optional_and_quantified_items_require_nothing() -> None:
    required = required_words(r"(?i)\bcookies?\b (bitte )?[a-z]+ ok")
    assert required is not None
    assert required.words == (("cookie",), (" ",), (" ok",))


def test_unread_patterns_get_no_prefilter() -> None:
    assert required_words(r"\bfoo|bar") is None  # top-level alternation
    assert required_words(r"(?x)\bfoo bar") is None  # verbose: spaces mean nothing
    assert required_words(r"(?P<a>x)") is None
    assert required_words(r"[]a]bc") is None
    assert required_words(r"\d+") is None


def test_escaped_bracket_in_class_does_not_end_it() -> None:
    required = required_words(r"[\]x]ab(c|d)")
    assert required is not None and required.words == (("ab",), ("c", "d"))


def test_case_exceptions_are_all_letters_re_folds_differently() -> None:
    """Every character that re.IGNORECASE equates with a letter the prefilter may require,
    while str.lower() does not, is one the probe refuses to judge."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    letters = "".join(sorted(_SAFE_LETTERS))
    candidates = set(re.findall(f"[{re.escape(letters)}]", everything, re.IGNORECASE))
    differing = {
        char
        for char in candidates
        for letter in letters
        if re.fullmatch(re.escape(letter), char, re.IGNORECASE) and char.lower() != letter.lower()
    }
    assert differing <= CASE_EXCEPTIONS


@pytest.mark.parametrize(
    "text",
    [
        "Wenn Ihnen dieser Artikel gefallen hat, teilen Sie ihn.",
        "FOLGEN SIE UNS AUF FACEBOOK",
        "Jetzt für nur 4,99 € im Monat weiterlesen",
        "Newſletter abonnieren",  # long s: re folds it to s, str.lower() does not
        "DİESER ARTİKEL İST NUR FÜR ABONNENTEN",  # dotted capital I
        "© 2024 Beispiel Verlag. Alle Rechte vorbehalten.",
        "Stand: 12.03.2024, 14:30 Uhr",
    ],
)
def test_probe_never_rejects_a_match(text: str) -> None:
    probe = Probe(text)
    for cue in CUES:
        if cue.pattern.search(text):
            assert probe.may_match(cue.required), cue.pattern.pattern


def test_probe_never_rejects_a_match_in_random_text() -> None:
    pieces = sorted(
        {word for cue in CUES if cue.required for words in cue.required.words for word in words}
    )
    pieces += [" ", ", ", ".", "ſ", "ı", "İ", "K", "4,99 €", "12:30", "Ab", "SIE", "Der"]
    chooser = random.Random(7)
    for _ in range(3000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 12)))
        text = text.upper() if chooser.random() < 0.2 else text
        probe = Probe(text)
        for cue in CUES:
            if cue.pattern.search(text):
                assert probe.may_match(cue.required), (cue.pattern.pattern, text)


def test_scores_agree_with_scanning_every_cue() -> None:
    text = (
        "Berlin – Die Regierung hat am Montag beschlossen.\n\n"
        "Unterstützen Sie unsere Arbeit! Jetzt spenden per PayPal.\n\n"
        "Folgen Sie uns auf Twitter und abonnieren Sie unseren Newsletter."
    )
    for unit in split_units(text):
        plain, best, kind = 0.0, 0.0, None
        for cue in CUES:
            if cue.pattern.search(unit.text):
                plain += cue.weight
                if cue.weight > best:
                    best, kind = cue.weight, cue.kind
        assert boilerplate_score(unit.text, StructureCues.load()) == (plain, kind)
