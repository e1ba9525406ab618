"""The evaluation gate: scores on shared gold data must not fall below the committed floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronik.evaluation.germeval import read_germeval
from chronik.evaluation.ner import evaluate
from chronik.evaluation.quotes_eval import evaluate as evaluate_quotes
from chronik.evaluation.spkatt import read_directory
from chronik.resources import Resources
from chronik.settings import Settings

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules_only() -> Resources:
    return Resources(Settings(name_tagger=False))


@pytest.mark.shared_data
def test_evaluation_gate_ner(shared_data: Path, rules_only: Resources) -> None:
    # Rules only: the shipped name tagger was trained on this file.
    floors = BASELINE["ner_germeval2014_dev_first500"]
    sentences = read_germeval(shared_data / "germeval2014" / "NER-de-dev.tsv")[:500]
    results = evaluate(rules_only, sentences)
    precision, _, f1_all = results["all"].scores()
    _, _, f1_news = results["news"].scores()
    assert f1_all >= floors["f1_all"]
    assert f1_news >= floors["f1_news"]
    assert precision >= floors["precision_all"]


@pytest.mark.shared_data
def test_evaluation_gate_ner_out_of_domain(
    shared_data: Path, resources: Resources, rules_only: Resources
) -> None:
    floors = BASELINE["ner_europarl_dev"]
    sentences = read_germeval(shared_data / "europarl-ner" / "dev.tsv")
    assert evaluate(resources, sentences)["all"].scores()[2] >= floors["f1_with_tagger"]
    assert evaluate(rules_only, sentences)["all"].scores()[2] >= floors["f1_rules"]


@pytest.mark.shared_data
def test_evaluation_gate_quotes(shared_data: Path, resources: Resources) -> None:
    floors = BASELINE["quotes_spkatt_news_train_first100"]
    documents = read_directory(shared_data / "spkatt-news" / "train")[:100]
    counts = evaluate_quotes(resources, documents)
    precision, _, f1 = counts.scores()
    assert f1 >= floors["f1_joint"]
    assert counts.scores("Message")[2] >= floors["f1_message"]
    assert precision >= floors["precision_joint"]
