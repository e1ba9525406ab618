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
