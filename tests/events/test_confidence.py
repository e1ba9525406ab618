"""Event confidence: its evidence factors, and the benchmark that measures its ordering."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import chronik
from chronik.events.confidence import EventEvidence, actor_strength
from chronik.model import Entity
from chronik.resources import Resources

ROOT = Path(__file__).resolve().parents[2]
CLEAR = EventEvidence(
    trigger_weight=0.9,
    ambiguous=False,
    noun_trigger=False,
    passive_agent=False,
    has_target=True,
    source_strength=1.0,
    target_strength=1.0,
    distance=2,
    sentence_length=12,
    modality_factor=1.0,
    quoted=False,
)


def test_every_doubt_lowers_the_score() -> None:
    doubts = [
        replace(CLEAR, ambiguous=True),
        replace(CLEAR, noun_trigger=True),
        replace(CLEAR, passive_agent=True),
        replace(CLEAR, has_target=False),
        replace(CLEAR, source_strength=0.7),
        replace(CLEAR, distance=25),
        replace(CLEAR, sentence_length=60),
        replace(CLEAR, modality_factor=0.8),
        replace(CLEAR, quoted=True),
        replace(CLEAR, trigger_weight=0.5),
    ]
    assert all(doubt.score() < CLEAR.score() for doubt in doubts)
    assert 0.0 < replace(CLEAR, ambiguous=True, noun_trigger=True, distance=30).score() < 0.6


def test_actor_strength_by_kind() -> None:
    country = Entity(id="e1", name="Polen", type="GPE", kind="country", country="POL")
    minister = Entity(id="e2", name="X", type="PER", kind="person", country="POL", sector="GOV")
    city = Entity(id="e3", name="Bremen", type="GPE", kind="city", country="DEU")
    company = Entity(id="e4", name="Y", type="ORG", kind="organisation", sector="BUS")
    assert actor_strength(country, "name", capital=False, role="source") == 1.0
    assert actor_strength(minister, "pronoun", capital=False, role="source") < 1.0
    assert actor_strength(city, "name", capital=True, role="source") == 1.0  # Washington
    city_source = actor_strength(city, "name", capital=False, role="source")
    assert city_source < actor_strength(city, "name", capital=False, role="target")
    assert city_source < actor_strength(company, "name", capital=False, role="source") < 1.0


def test_clear_report_outranks_a_nominal_one(resources: Resources) -> None:
    lead = "Meldung\n\nEin Vorspann mit einem Satz.\n\n"
    [clear] = chronik.analyze(
        lead + "Die USA verhängten am Dienstag Sanktionen gegen Iran.", resources=resources
    ).events
    [nominal] = chronik.analyze(
        lead + "Kanada erklärte, ein russischer Angriff auf die Ukraine habe begonnen.",
        resources=resources,
    ).events
    assert clear.confidence > nominal.confidence


JUDGED = """# source: written for this test
# licence: GPL-3.0-or-later
# scope: four made-up judgements
article\ttrigger_start\ttrigger_end\ttype\tmodality\tsides\tverdict\terror_class\tconfidence_judged\tround
1\t0\t5\tASSAULT\tasserted\tRUS>UKR\tcorrect\t\t0.9\t1
2\t0\t5\tCONSULT\tasserted\tDEU>FRA\tcorrect\t\t0.7\t1
3\t0\t5\tASSAULT\tasserted\tDEU>x\tincorrect\tsports\t0.8\t1
4\t0\t5\tRETREAT\tasserted\tx>-\tincorrect\tsoftware\t0.2\t1
"""


def test_confidence_benchmark_reports_precision_and_ordering(tmp_path: Path) -> None:
    path = tmp_path / "judged.tsv"
    path.write_text(JUDGED, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.event_confidence", "--judged", "--file", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "4 events, 2 correct, precision 0.50" in result.stdout
    # correct 0.9 and 0.7 against incorrect 0.8 and 0.2: 3 of 4 pairs ordered right
    assert "ordering AUC 0.750" in result.stdout
    assert "sports 1" in result.stdout


def test_a_missing_target_of_a_dyadic_type_costs_more_than_of_a_monadic_one() -> None:
    monadic = replace(CLEAR, has_target=False).score()
    dyadic = replace(CLEAR, has_target=False, target_expected=True).score()
    assert dyadic < monadic < CLEAR.score()
    assert replace(CLEAR, target_expected=True).score() == CLEAR.score()  # target present
