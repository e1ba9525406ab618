"""Language votes of the paragraphs: stopping early and reusing the overall answer give
the result of asking about every paragraph."""

from __future__ import annotations

import random
from types import SimpleNamespace

from chronik.language.detect import SAMPLE_CHARS, Identified, _has_letters
from chronik.pipeline import _identify, _sample_units
from chronik.structure.paragraphs import Unit


class _CountingIdentifier:
    """German when ``d`` is at least as frequent as ``e`` in what it reads, else English."""

    def __init__(self) -> None:
        self.calls = 0

    def identify(self, text: str, min_letters: int = 20) -> Identified:
        self.calls += 1
        sample = text[:SAMPLE_CHARS]
        if len(sample.replace(" ", "")) < min_letters:
            return Identified(None, 0.0)
        d, e = sample.count("d"), sample.count("e")
        return Identified("de" if d >= e else "en", max(d, e) / max(1, d + e))


def _every_vote(units: list[Unit], text: str, resources: SimpleNamespace) -> str | None:
    """The rule itself: every sampled paragraph votes by its length; a strict majority of
    the votes wins, else the sample as a whole decides."""
    minimum = resources.settings.min_letters_for_language
    sampled = _sample_units(units)
    votes: dict[str, int] = {}
    for unit in sampled:
        found = resources.identifier.identify(unit.text, minimum).language
        if found is not None:
            votes[found] = votes.get(found, 0) + len(unit.text)
    if votes:
        best = max(votes, key=lambda language: votes[language])
        if 2 * votes[best] > sum(votes.values()):
            return best
    sample = " ".join(unit.text for unit in sampled) or text
    return resources.identifier.identify(sample, minimum).language


def _resources() -> SimpleNamespace:
    return SimpleNamespace(
        settings=SimpleNamespace(min_letters_for_language=5), identifier=_CountingIdentifier()
    )


def test_early_answers_agree_with_every_vote() -> None:
    chooser = random.Random(3)
    for _ in range(2000):
        units, position = [], 0
        for block in range(chooser.randint(0, 5)):
            size = chooser.choice([0, 3, 12, 40, 300, 2600, 6000])
            letters = chooser.choice(["dde ", "dee ", "de "])  # German, English, either
            text = "".join(chooser.choice(letters) for _ in range(size))
            units.append(Unit(position, position + size, text, block))
            position += size + 2
        text = "\n\n".join(unit.text for unit in units) or "dd ee"
        found = _identify(units, text, _resources()).language
        assert found == _every_vote(units, text, _resources())


def test_paragraphs_after_a_majority_are_not_read() -> None:
    resources = _resources()
    german = Unit(0, 300, "dd " * 100, 0)
    english = Unit(302, 332, "ee " * 10, 1)
    assert _identify([german, english], "", resources).language == "de"
    assert resources.identifier.calls == 1


def test_a_quoted_paragraph_does_not_decide() -> None:
    resources = _resources()
    units = [Unit(0, 30, "ee " * 10, 0), Unit(32, 332, "dd " * 100, 1)]
    assert _identify(units, "", resources).language == "de"


def test_single_paragraph_is_identified_once() -> None:
    resources = _resources()
    unit = Unit(0, 30, "dd " * 10, 0)
    assert _identify([unit], unit.text, resources).language == "de"
    assert resources.identifier.calls == 1


def test_has_letters_counts_like_the_sum() -> None:
    chooser = random.Random(5)
    for _ in range(500):
        text = "".join(chooser.choice("ab1 ,é") for _ in range(chooser.randint(0, 40)))
        minimum = chooser.randint(-1, 30)
        assert _has_letters(text, minimum) == (sum(c.isalpha() for c in text) >= minimum)
