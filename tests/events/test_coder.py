"""PLOVER event coding on sentences written for these tests."""

from __future__ import annotations

import pytest

import chronik
from chronik.model import Event
from chronik.resources import Resources

LEAD = "Meldung\n\nEin Vorspann mit einem Satz.\n\n"


def _events(resources: Resources, sentence: str, published: str = "2024-03-06") -> list[Event]:
    return chronik.analyze(LEAD + sentence, published=published, resources=resources).events


def _sides(event: Event) -> tuple[list[str | None], list[str | None]]:
    return [a.country for a in event.source], [a.country for a in event.target]


@pytest.mark.parametrize(
    ("sentence", "kind", "source", "target"),
    [
        ("Die USA verhängten am Dienstag Sanktionen gegen Iran.", "SANCTION", ["USA"], ["IRN"]),
        ("Israel griff am Mittwoch Ziele im Gazastreifen an.", "ASSAULT", ["ISR"], ["PSE"]),
        (
            "Der ukrainische Präsident Wolodymyr Selenskyj warf Russland Kriegsverbrechen vor.",
            "ACCUSE",
            ["UKR"],
            ["RUS"],
        ),
        ("Japan forderte China auf, die Manöver zu beenden.", "REQUEST", ["JPN"], ["CHN"]),
        ("Deutschland wurde von Russland scharf kritisiert.", "ACCUSE", ["RUS"], ["DEU"]),
    ],
)
def test_coder_types_and_directed_actors(
    resources: Resources, sentence: str, kind: str, source: list[str], target: list[str]
) -> None:
    [event] = _events(resources, sentence)
    assert event.type == kind
    assert _sides(event) == (source, target)
    assert event.modality == "asserted"


def test_coder_reciprocal_meeting_with_place_date_and_mode(resources: Resources) -> None:
    [event] = _events(resources, "Russland und China haben sich am Montag in Peking getroffen.")
    assert event.type == "CONSULT"
    assert sorted(a.country or "" for a in event.source) == ["CHN", "RUS"]
    assert event.target == []
    assert event.location is not None and event.location.country == "CHN"
    assert event.location.geonameid is not None
    assert event.date is not None and (event.date.value, event.date.precision) == (
        "2024-03-04",
        "day",
    )
    assert event.mode == "visit"


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Die Türkei hat Schweden nicht unterstützt.", "negated"),
        ("Russland wird Belarus angreifen.", "future"),
        (
            "Wenn Russland angreift, wird die NATO Sanktionen gegen Russland verhängen.",
            "hypothetical",
        ),
        (
            "Falls Iran weiter anreichert, würden die USA Sanktionen gegen Iran verhängen.",
            "hypothetical",
        ),
        ("Die EU könnte Sanktionen gegen Belarus verhängen.", "hypothetical"),
        ("Polen will der Ukraine weitere Panzer liefern.", "intended"),
    ],
)
def test_coder_modality(resources: Resources, sentence: str, modality: str) -> None:
    events = _events(resources, sentence)
    assert events
    assert {event.modality for event in events} == {modality}


def test_coder_demanded_event_is_not_asserted(resources: Resources) -> None:
    events = _events(
        resources, "Die Türkei wurde aufgefordert, die Sanktionen gegen Syrien aufzuheben."
    )
    assert events and all(e.modality == "hypothetical" for e in events)


def test_coder_construction_words_are_not_coded_twice(resources: Resources) -> None:
    events = _events(resources, "Der UN-Sicherheitsrat beschließt Sanktionen gegen Libyen.")
    assert [e.type for e in events] == ["SANCTION"]


def test_coder_stated_readiness_to_talk_is_agree(resources: Resources) -> None:
    [event] = _events(
        resources,
        "Kanada hat die Bereitschaft erklärt, in direkte Gespräche mit Venezuela einzutreten.",
    )
    assert (event.type, event.modality) == ("AGREE", "intended")
    assert _sides(event) == (["CAN"], ["VEN"])


def test_coder_no_event_without_actors(resources: Resources) -> None:
    assert _events(resources, "Tausende Menschen feierten am Samstag ein Fest.") == []
    assert _events(resources, "Das Treffen fand im Rathaus statt.") == []


def test_coder_repeated_reports_merge(resources: Resources) -> None:
    text = (
        "Die USA verhängten Sanktionen gegen Iran. Washington verhängte die Sanktionen "
        "gegen Iran wegen des Atomprogramms."
    )
    events = _events(resources, text)
    sanctions = [e for e in events if e.type == "SANCTION"]
    assert len(sanctions) == 1
    assert len(sanctions[0].evidence_more) == 1


def test_coder_readiness_is_agree_with_the_target_of_its_content(resources: Resources) -> None:
    [event] = _events(
        resources, "Frankreich ist bereit, die militärische Zusammenarbeit mit Indien auszubauen."
    )
    assert event.type == "AGREE"
    assert _sides(event) == (["FRA"], ["IND"])
    assert "military" in event.context


def test_coder_event_inside_a_quote_points_to_it(resources: Resources) -> None:
    article = chronik.analyze(
        LEAD + "„Russland wird Belarus angreifen“, sagte der Analyst Jan Weber.",
        published="2024-03-06",
        resources=resources,
    )
    [event] = article.events
    [quote] = article.quotes
    assert event.quote == quote.id


def test_coder_evidence_indexes_the_text(resources: Resources) -> None:
    text = LEAD + "Die USA verhängten am Dienstag Sanktionen gegen Iran."
    [event] = chronik.analyze(text, published="2024-03-06", resources=resources).events
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    assert event.trigger is not None and event.trigger.text in event.evidence.text
    assert 0.0 < event.confidence <= 1.0


# One sentence per PLOVER type, each written for this test.
EVERY_TYPE = {
    "AGREE": "Serbien und Kosovo vereinbarten am Montag ein Abkommen über den Grenzverkehr.",
    "CONSULT": "Der Außenminister Frankreichs telefonierte am Dienstag mit dem ägyptischen "
    "Präsidenten.",
    "SUPPORT": "Kanada lobte Finnland für seine Klimapolitik.",
    "COOPERATE": "Deutschland und Frankreich arbeiten bei der Entwicklung eines Panzers zusammen.",
    "AID": "Die Europäische Union schickte Hilfsgüter nach Syrien.",
    "RETREAT": "Russland zog seine Truppen aus Georgien ab.",
    "REQUEST": "Polen forderte Deutschland zu höheren Verteidigungsausgaben auf.",
    "ACCUSE": "China beschuldigte die USA der Spionage.",
    "REJECT": "Venezuela wies die Forderungen der USA zurück.",
    "THREATEN": "Nordkorea drohte Südkorea mit Vergeltung.",
    "PROTEST": "Die Opposition in Serbien protestierte am Samstag in Belgrad gegen die Regierung.",
    "MOBILIZE": "Russland verlegte Truppen an die Grenze zu Finnland.",
    "COERCE": "Die iranische Polizei nahm in Teheran einen deutschen Journalisten fest.",
    "ASSAULT": "Die Türkei bombardierte Stellungen der PKK im Irak.",
    "CONCEDE": "Israel verkündete am Sonntag eine Waffenruhe mit der Hamas.",
    "SANCTION": "Die USA verhängten neue Sanktionen gegen Venezuela.",
}


@pytest.mark.parametrize("kind", sorted(EVERY_TYPE))
def test_coder_every_type(resources: Resources, kind: str) -> None:
    events = _events(resources, EVERY_TYPE[kind])
    assert [e.type for e in events] == [kind]
    assert events[0].modality == "asserted"
