"""Rules against the error classes found by reading coded events by hand (sentences
written for these tests): non-political senses, actors of passives and nominalisations,
embedded and invited events, verbal attacks, numbered group actors."""

from __future__ import annotations

import pytest

import chronik
from chronik.events.domains import DomainCues
from chronik.model import Event
from chronik.resources import Resources

LEAD = "Meldung\n\nEin Vorspann mit einem Satz.\n\n"


def _events(resources: Resources, sentence: str) -> list[Event]:
    return chronik.analyze(LEAD + sentence, published="2024-03-06", resources=resources).events


def _sides(event: Event) -> tuple[list[str | None], list[str | None]]:
    return [a.country for a in event.source], [a.country for a in event.target]


@pytest.mark.parametrize(
    "sentence",
    [
        "Der 1. FC Köln empfing am Samstag den VfB Stuttgart.",
        "Im Kampf um Platz drei verlor Hamburg mit 1:3 gegen Bremen.",
        "Der Bundeskanzler gratulierte den Bayern zum Meistertitel.",
        "Die Bundesregierung hat die neue Software zum Test freigegeben.",
    ],
)
def test_no_events_in_sports_or_software_sentences(resources: Resources, sentence: str) -> None:
    assert _events(resources, sentence) == []


def test_domain_cues_match_compounds_but_not_lookalikes() -> None:
    cues = DomainCues.load()
    assert cues.domain_of_word("Bundesligaspiel") == "sports"
    assert cues.domain_of_word("Nationaltrainer") == "sports"
    assert cues.domain_of_word("Softwareversion") == "software"
    assert cues.domain_of_word("Gegenspieler") is None  # a political opponent
    assert cues.domain_of_word("Regierungsprogramm") is None
    assert cues.domain_of(["mit", "2:0", "gegen"], []) == "sports"
    assert cues.domain_of(["mit", "2", ":", "0", "gegen"], []) == "sports"
    assert cues.domain_of(["um", "14:30", "Uhr"], []) is None
    assert cues.domain_of(["um", "14", ":", "30", "Uhr"], []) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Der britische Premierminister entließ am Montag drei Minister.",
        "Die britische Premierministerin hatte den damaligen Verteidigungsminister entlassen.",
    ],
)
def test_dismissal_is_no_release(resources: Resources, sentence: str) -> None:
    assert [e for e in _events(resources, sentence) if e.type == "RETREAT"] == []


def test_release_from_prison_is_a_release(resources: Resources) -> None:
    events = _events(
        resources,
        "Die türkische Regierung hat den deutschen Journalisten aus dem Gefängnis entlassen.",
    )
    [event] = [e for e in events if e.type == "RETREAT"]
    assert event.mode == "release"
    assert _sides(event) == (["TUR"], ["DEU"])


def test_von_phrase_after_a_relational_noun_is_no_passive_agent(resources: Resources) -> None:
    events = _events(
        resources, "In Niger wurden Mitglieder von Amnesty International festgenommen."
    )
    assert all(not e.source or e.source[0].text != "Amnesty International" for e in events)


def test_passive_agent_after_a_plain_noun_is_kept(resources: Resources) -> None:
    [event] = _events(
        resources, "Zwei Soldaten der Ukraine wurden am Montag von russischen Soldaten getötet."
    )
    assert event.type == "ASSAULT"
    assert _sides(event) == (["RUS"], ["UKR"])


def test_passive_construction_without_agent_has_no_source(resources: Resources) -> None:
    events = _events(
        resources, "Der Sprecher der polnischen Opposition wurde aus der Haft entlassen."
    )
    assert [e for e in events if e.type == "RETREAT"] == []


def test_country_adjective_of_an_event_noun_is_its_source(resources: Resources) -> None:
    events = _events(
        resources, "Kanada erklärte, ein russischer Angriff auf die Ukraine stehe bevor."
    )
    [event] = [e for e in events if e.type == "ASSAULT"]
    assert _sides(event) == (["RUS"], ["UKR"])
    assert event.modality == "future"


def test_event_noun_as_a_label_is_no_report(resources: Resources) -> None:
    events = _events(resources, "Frankreich bezeichnete die Explosion als Angriff auf Europa.")
    assert [e for e in events if e.type == "ASSAULT"] == []


def test_alleged_act_under_an_accusation_is_not_coded(resources: Resources) -> None:
    events = _events(resources, "Italien warf Frankreich vor, Libyen angegriffen zu haben.")
    assert [e.type for e in events] == ["ACCUSE"]
    assert _sides(events[0]) == (["ITA"], ["FRA"])


def test_modal_passive_is_no_event(resources: Resources) -> None:
    events = _events(
        resources, "Der Sender ist ab Montag in ganz Polen über Satellit zu empfangen."
    )
    assert events == []


def test_object_pronoun_takes_the_object_slot(resources: Resources) -> None:
    events = _events(
        resources, "Der Präsident der USA würdigte ihn für seinen Einsatz in Afghanistan."
    )
    assert all("AFG" not in _sides(e)[1] for e in events)


def test_invitation_to_talks_is_not_asserted(resources: Resources) -> None:
    events = _events(resources, "Norwegen hat Kolumbien zu Gesprächen mit Venezuela geladen.")
    consults = [e for e in events if e.type == "CONSULT"]
    assert consults and all(e.modality == "hypothetical" for e in consults)


def test_striving_for_mediation_is_intended(resources: Resources) -> None:
    events = _events(
        resources, "Frankreich bemühte sich um Vermittlung zwischen Russland und der Ukraine."
    )
    assert events and all(e.modality == "intended" for e in events)


def test_attacking_a_politician_is_verbal(resources: Resources) -> None:
    [event] = _events(resources, "Der polnische Präsident griff den russischen Präsidenten an.")
    assert (event.type, event.cameo) == ("ACCUSE", "111")
    assert _sides(event) == (["POL"], ["RUS"])


def test_attacking_a_city_stays_an_assault(resources: Resources) -> None:
    [event] = _events(resources, "Russland griff am Montag die ukrainische Stadt Charkiw an.")
    assert event.type == "ASSAULT"


def test_numbered_group_is_an_actor(resources: Resources) -> None:
    [event] = _events(resources, "Deutschland wies zwei russische Diplomaten aus.")
    assert (event.type, event.mode) == ("SANCTION", "expel")
    assert _sides(event) == (["DEU"], ["RUS"])


def test_attacking_a_country_as_something_is_verbal(resources: Resources) -> None:
    events = _events(
        resources, "Der Außenminister der USA attackierte Iran als Förderer des Terrorismus."
    )
    assert [e.type for e in events] == ["ACCUSE"]


def test_pressure_to_resign_is_no_resignation(resources: Resources) -> None:
    events = _events(
        resources, "Der Außenminister Frankreichs steht unter Druck, von seinem Amt zurückzutreten."
    )
    assert all(e.modality != "asserted" for e in events if e.type == "RETREAT")


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Frankreich hat die nicht angemeldete Übung Russlands kritisiert.", "asserted"),
        ("Frankreich hat die Übung Russlands nicht kritisiert.", "negated"),
        ("Frankreich hat Russland die nicht genehmigte Übung nicht vorgeworfen.", "negated"),
    ],
)
def test_negation_inside_an_attribute_does_not_negate_the_event(
    resources: Resources, sentence: str, modality: str
) -> None:
    [event] = _events(resources, sentence)
    assert event.type == "ACCUSE"
    assert event.modality == modality


def test_perfect_subjunctive_in_indirect_speech_reports_an_event(resources: Resources) -> None:
    # Indirect speech uses "hätten" where Konjunktiv I ("haben") would look indicative.
    article = chronik.analyze(
        "Finnland und Estland hätten vereinbart, Daten auszutauschen, sagte die finnische "
        "Ministerin Aino Lehtonen.",
        published="2024-03-11",
        resources=resources,
    )
    agreed = [e for e in article.events if e.type == "AGREE" and e.trigger.text == "vereinbart"]
    assert [e.modality for e in agreed] == ["asserted"]


def test_perfect_subjunctive_with_a_condition_stays_counterfactual(resources: Resources) -> None:
    article = chronik.analyze(
        "Russland hätte Estland angegriffen, wenn die NATO nicht eingegriffen hätte, sagte er.",
        published="2024-03-11",
        resources=resources,
    )
    assaults = [e for e in article.events if e.type == "ASSAULT"]
    assert assaults
    assert all(e.modality == "hypothetical" for e in assaults)


def test_dismissing_an_employee_is_no_sanction(resources: Resources) -> None:
    events = _events(
        resources, "Die Leitung der BBC hat ihrer Moderatorin zum Monatsende gekündigt."
    )
    assert [e for e in events if e.type == "SANCTION"] == []


def test_leaving_a_treaty_with_a_state_is_a_withdrawal(resources: Resources) -> None:
    events = _events(resources, "Die USA kündigten am Freitag das Abkommen mit Russland auf.")
    assert [(e.type, e.mode) for e in events] == [("SANCTION", "withdraw")]
    assert _sides(events[0]) == (["USA"], ["RUS"])
