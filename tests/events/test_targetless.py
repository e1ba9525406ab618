"""Acts without a resolvable target: a state criticising a thing (``kritisierte die Pläne``)."""

from __future__ import annotations

import pytest

import chronik
from chronik.events.confidence import MISSING_TARGET, NO_TARGET
from chronik.model import Event
from chronik.resources import Resources

LEAD = "Meldung\n\nEin Vorspann mit einem Satz.\n\n"


def _events(resources: Resources, sentence: str) -> list[Event]:
    return chronik.analyze(LEAD + sentence, published="2024-03-06", resources=resources).events


def test_targetless_state_criticism_is_coded_with_lower_confidence(resources: Resources) -> None:
    [plans] = _events(resources, "Russland kritisierte die Pläne.")
    [country] = _events(resources, "Russland kritisierte Finnland.")
    assert (plans.type, plans.mode) == ("ACCUSE", "disapprove")
    assert [a.country for a in plans.source] == ["RUS"]
    assert plans.target == []
    assert plans.confidence < country.confidence
    assert MISSING_TARGET < NO_TARGET


def test_targetless_construction_with_unambiguous_reading(resources: Resources) -> None:
    [event] = _events(resources, "Japan verurteilte den Raketentest scharf.")
    assert event.type == "ACCUSE"
    assert [a.country for a in event.source] == ["JPN"]
    assert event.target == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Hamburg kritisierte die Pläne.",  # a city that is no capital: not clearly a state
        "Er kritisierte die Pläne.",  # no actor at all
        "Russland verurteilte den Mann.",  # verurteilen may be a sentence (SANCTION)
        "Die Kritik Russlands an den Plänen wächst.",  # nouns still need their participant
        "Frankreich forderte mehr Geld.",  # REQUEST keeps needing its addressee
        "Die Marine Polens hat das Wrack untersucht.",  # examining a thing: no investigation act
        # a perfect passive: the subject is the one put on trial, not the accuser
        "Der frühere Präsident Serbiens ist in Belgrad vor Gericht gestellt worden.",
    ],
)
def test_targetless_not_coded_without_a_clear_state_source(
    resources: Resources, sentence: str
) -> None:
    assert _events(resources, sentence) == []


def test_targetless_perfect_passive_takes_the_agent_as_source(resources: Resources) -> None:
    [event] = _events(resources, "Deutschland ist von Russland scharf kritisiert worden.")
    assert event.type == "ACCUSE"
    assert ([a.country for a in event.source], [a.country for a in event.target]) == (
        ["RUS"],
        ["DEU"],
    )
