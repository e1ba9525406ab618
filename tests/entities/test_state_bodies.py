"""State bodies the knowledge base knows under a common noun (die Bundesregierung): no
name for the name finder, but an actor with its country, or the country the phrase says."""

from __future__ import annotations

from chronik.pipeline import analyze
from chronik.resources import Resources


def _entities(resources: Resources, body: str) -> dict[str, tuple[str | None, ...]]:
    article = analyze(f"Bericht\n\n{body}", published="2024-03-01", resources=resources)
    return {e.name: (e.type, e.country, e.sector, e.kb_id) for e in article.entities}


def test_bundesregierung_is_the_german_government(resources: Resources) -> None:
    found = _entities(resources, "Die Bundesregierung hat am Montag neue Zölle beschlossen.")
    assert ("ORG", "DEU", "GOV", "chronik:org/bundesregierung") in found.values()


def test_a_country_adjective_names_another_federal_government(resources: Resources) -> None:
    found = _entities(
        resources, "Die österreichische Bundesregierung hat am Montag neue Regeln beschlossen."
    )
    assert [value[:3] for value in found.values() if value[0] == "ORG"] == [("ORG", "AUT", "GOV")]
    assert all(value[3] != "chronik:org/bundesregierung" for value in found.values())


def test_bundesregierung_acts_in_events(resources: Resources) -> None:
    article = analyze(
        "Streit um Zölle\n\nDie Bundesregierung kritisierte am Montag die chinesische "
        "Regierung scharf.",
        published="2024-03-01",
        resources=resources,
    )
    assert [
        (event.type, event.source[0].country, event.target[0].country) for event in article.events
    ] == [("ACCUSE", "DEU", "CHN")]
