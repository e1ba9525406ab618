"""Plural anaphors for coordinated countries (``beide Länder``) and ``group_nouns.tsv``."""

from __future__ import annotations

import pytest

import chronik
from chronik.events.groups import GroupNouns
from chronik.model import Event
from chronik.resources import Resources
from chronik.tables import load_table

LEAD = "Meldung\n\nEin Vorspann mit einem Satz.\n\n"


def _events(resources: Resources, text: str) -> list[Event]:
    return chronik.analyze(LEAD + text, published="2024-03-06", resources=resources).events


def _accusations(resources: Resources, text: str) -> list[Event]:
    return [e for e in _events(resources, text) if e.type == "ACCUSE"]


def test_groups_table_has_header_and_valid_rows() -> None:
    table = load_table("chronik.events", "group_nouns.tsv")
    assert {"source", "licence", "scope"} <= set(table.meta)
    kinds = {row["kind"] for row in table}
    assert kinds == {"quantifier", "noun"}
    for row in table:
        if row["kind"] == "quantifier":
            assert int(row["size"]) >= 2, row
        else:
            assert row["compound"] in ("exact", "head"), row


@pytest.mark.parametrize(
    ("word", "lemma", "expected"),
    [
        ("Nachbarstaaten", "Nachbarstaat", True),  # compound head
        ("Länder", "Land", True),
        ("Seiten", "Seite", True),
        ("Webseiten", "Webseite", False),  # Seite is exact only
        ("Bundesländer", "Bundesland", False),  # states of a federation, not countries
        ("Regierungen", "Landesregierung", True),  # Regierung is a head
        ("Pläne", "Plan", False),
    ],
)
def test_groups_group_noun_heads(word: str, lemma: str, expected: bool) -> None:
    assert GroupNouns.load().is_group_noun(word, lemma) is expected


def test_groups_anaphor_as_dative_target_resolves_to_both_countries(
    resources: Resources,
) -> None:
    text = (
        "Polen und Litauen wollen ihre Grenze gemeinsam sichern. "
        "Belarus warf den beiden Nachbarstaaten vor, die Region zu destabilisieren."
    )
    [event] = _accusations(resources, text)
    assert [a.country for a in event.source] == ["BLR"]
    assert sorted(a.country or "" for a in event.target) == ["LTU", "POL"]
    assert event.target[0].text == "den beiden Nachbarstaaten"


def test_groups_capitals_as_antecedent_and_accusative_anaphor(resources: Resources) -> None:
    text = (
        "Die Regierungen in Ottawa und Canberra wollen enger zusammenarbeiten. "
        "China kritisierte beide Regierungen."
    )
    [event] = _accusations(resources, text)
    assert sorted(a.country or "" for a in event.target) == ["AUS", "CAN"]


def test_groups_anaphor_as_source_is_trusted_like_a_pronoun(resources: Resources) -> None:
    named = _accusations(resources, "Norwegen und Dänemark kritisierten Russland.")
    [event] = _accusations(
        resources, "Norwegen und Dänemark stimmten sich ab. Beide Staaten kritisierten Russland."
    )
    assert sorted(a.country or "" for a in event.source) == ["DNK", "NOR"]
    assert [a.country for a in event.target] == ["RUS"]
    assert event.confidence < named[0].confidence


def test_groups_size_must_match_the_coordination(resources: Resources) -> None:
    three = "Deutschland, Frankreich und Italien wollen mehr Geld geben. "
    [pair] = _accusations(resources, three + "Russland warf den beiden Ländern vor, zu zögern.")
    assert pair.target == []  # "beiden" cannot take up three countries
    [trio] = _accusations(resources, three + "Russland warf den drei Ländern vor, zu zögern.")
    assert sorted(a.country or "" for a in trio.target) == ["DEU", "FRA", "ITA"]


def test_groups_salient_subject_pair_beats_a_recent_object_pair(resources: Resources) -> None:
    text = (
        "Polen und Litauen wollen ihre Grenze gemeinsam sichern. "
        "Polen und Litauen planen dazu gemeinsame Übungen. "
        "Warschau will auch Deutschland und Frankreich zu den Übungen einladen. "
        "Belarus warf den beiden Nachbarstaaten vor, die Region zu destabilisieren."
    )
    [event] = _accusations(resources, text)
    assert sorted(a.country or "" for a in event.target) == ["LTU", "POL"]


def test_groups_most_recent_pair_when_equally_salient(resources: Resources) -> None:
    text = (
        "Polen und Litauen wollen ihre Grenze gemeinsam sichern. "
        "Spanien und Portugal wollen ihre Küsten gemeinsam überwachen. "
        "Marokko kritisierte die beiden Staaten."
    )
    [event] = _accusations(resources, text)
    assert sorted(a.country or "" for a in event.target) == ["ESP", "PRT"]
