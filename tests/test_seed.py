"""The canonical RT DE article: its structure as in ../shared/data/seed/expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronik.interfaces.cli import app

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def seed(shared_data: Path) -> tuple[dict, dict]:  # type: ignore[type-arg]
    folder = shared_data / "seed"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    result = CliRunner().invoke(
        app,
        [
            "analyze",
            str(folder / expected["input"]["file"]),
            "--published",
            expected["input"]["published"],
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), expected


def test_seed_rubric_title_lead(seed: tuple[dict, dict]) -> None:  # type: ignore[type-arg]
    article, expected = seed
    structure = article["structure"]
    assert structure["rubric"]["text"] == expected["structure"]["rubric"]
    assert structure["title"]["text"] == expected["structure"]["title"]
    assert structure["lead"]["text"].startswith(expected["structure"]["lead_starts"])


def test_seed_caption_credit(seed: tuple[dict, dict]) -> None:  # type: ignore[type-arg]
    article, expected = seed
    credits = [c["credit"]["text"] for c in article["structure"]["captions"] if c["credit"]]
    for part in expected["structure"]["caption_credit_contains"]:
        assert any(part in credit for credit in credits)


def test_seed_related_and_boilerplate(seed: tuple[dict, dict]) -> None:  # type: ignore[type-arg]
    article, expected = seed
    structure = article["structure"]
    assert [s["text"] for s in structure["related"]] == expected["structure"]["related"]
    starts = [b["span"]["text"] for b in structure["boilerplate"]]
    for start in expected["structure"]["boilerplate_starts"]:
        assert any(text.startswith(start) for text in starts)


def test_seed_nothing_analysed_outside_the_article(seed: tuple[dict, dict]) -> None:  # type: ignore[type-arg]
    article, _ = seed
    structure = article["structure"]
    excluded = (
        [b["span"] for b in structure["boilerplate"]]
        + structure["related"]
        + [c["span"] for c in structure["captions"]]
    )
    spans = list(article["sentences"])
    for entity in article["entities"]:
        spans.extend(entity["mentions"])
    spans.extend(q["content"] for q in article["quotes"])
    spans.extend(e["evidence"] for e in article["events"])
    for span in spans:
        for outside in excluded:
            assert span["end"] <= outside["start"] or span["start"] >= outside["end"]


def _entity_by_name(article: dict, name: str) -> dict:  # type: ignore[type-arg]
    for entity in article["entities"]:
        if entity["name"] == name:
            return entity
    raise AssertionError(f"{name} not among {[e['name'] for e in article['entities']]}")


def test_seed_entities(seed: tuple[dict, dict]) -> None:  # type: ignore[type-arg]
    article, expected = seed
    text = article["text"]
    for wanted in expected["entities"]:
        entity = _entity_by_name(article, wanted["name"])
        assert entity["type"] == wanted["type"]
        assert entity["country"] == wanted.get("country", entity["country"])
        assert entity["sector"] == wanted.get("sector", entity["sector"])
        if "roles_include" in wanted:
            assert wanted["roles_include"] in entity["roles"]
        if "kind" in wanted:
            assert entity["kind"] == wanted["kind"]
        for phrase in wanted.get("must_link_mentions", []):
            places = [i for i in range(len(text)) if text.startswith(phrase, i)]
            assert any(
                m["start"] < at + len(phrase) and at < m["end"]
                for at in places
                for m in entity["mentions"]
            ), f"{phrase!r} is not a mention of {wanted['name']}"


def test_seed_quotes(seed: tuple[dict, dict]) -> None:  # type: ignore[type-arg]
    article, expected = seed
    names = {e["id"]: e["name"] for e in article["entities"]}
    for wanted in expected["quotes"]:
        matches = [
            q
            for q in article["quotes"]
            if q["content"]["text"].startswith(wanted["content_starts"])
        ]
        assert len(matches) == 1, wanted["content_starts"]
        quote = matches[0]
        assert quote["form"] == wanted["form"]
        assert names.get(quote["speaker"]) == wanted["speaker"]
        cue = " ".join(
            c["text"] for c in quote["cue_parts"] or ([quote["cue"]] if quote["cue"] else [])
        )
        assert (cue or None) == wanted["cue"]
        if "addressee" in wanted:
            assert names.get(quote["addressee"]) == wanted["addressee"]


def test_seed_events(seed: tuple[dict, dict]) -> None:  # type: ignore[type-arg]
    article, expected = seed
    required = [e for e in expected["events"] if not e.get("optional")]
    assert len(article["events"]) <= len(expected["events"]) + 1
    for wanted in required:

        def fits(event: dict, wanted: dict = wanted) -> bool:  # type: ignore[type-arg]
            sides = [a["country"] for a in event["source"] + event["target"]]
            if event["type"] != wanted["type"]:
                return False
            if "actors_unordered" in wanted:
                return sorted(set(sides)) == sorted(wanted["actors_unordered"])
            return [a["country"] for a in event["source"]] == [wanted["source"]] and [
                a["country"] for a in event["target"]
            ] == [wanted["target"]]

        [event] = [e for e in article["events"] if fits(e)]
        if "context" in wanted:
            assert wanted["context"] in event["context"]
        if "location" in wanted:
            assert event["location"]["name"] == wanted["location"]["name"]
            assert event["location"]["country"] == wanted["location"]["country"]
        if "date" in wanted:
            assert event["date"]["value"] == wanted["date"]
        if "mode" in wanted:
            assert event["mode"] == wanted["mode"]
        if "evidence_contains" in wanted:
            texts = [event["evidence"]["text"]] + [s["text"] for s in event["evidence_more"]]
            assert any(wanted["evidence_contains"] in t for t in texts)
