"""The span judge: candidates and their features, the choice, the weights file, fitting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronik.entities.tagger.judge import (
    THRESHOLD,
    Name,
    SpanJudge,
    candidates,
    fit,
    is_fragment,
    read_weights,
    span_probability,
    write_weights,
)
from chronik.entities.tagger.model import TaggedSpan, TaggerOutput
from chronik.entities.tagger.train import Prepared, judged
from chronik.errors import ResourceError

LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-OTH", "I-OTH")


def marginals(*rows: dict[str, float]) -> list[dict[str, float]]:
    """Per-token marginals; labels not given share what is left."""
    result = []
    for row in rows:
        rest = (1.0 - sum(row.values())) / (len(LABELS) - len(row))
        result.append({label: row.get(label, rest) for label in LABELS})
    return result


# "Gestern sprach Jana Vogt in Kassel ."
WORDS = ["Gestern", "sprach", "Jana", "Vogt", "in", "Kassel", "."]
OUTPUT = TaggerOutput(
    [TaggedSpan(2, 4, "PER", 0.9), TaggedSpan(5, 6, "LOC", 0.6)],
    marginals(
        {"O": 0.99},
        {"O": 0.99},
        {"B-PER": 0.95},
        {"I-PER": 0.9},
        {"O": 0.98},
        {"B-LOC": 0.6, "B-ORG": 0.3},
        {"O": 0.99},
    ),
)


def test_judge_span_probability_is_the_weakest_label() -> None:
    assert span_probability(OUTPUT.marginals, 2, 4, "PER") == pytest.approx(0.9)
    assert span_probability(OUTPUT.marginals, 5, 6, "ORG") == pytest.approx(0.3)
    assert span_probability(OUTPUT.marginals, 2, 4, "LOC") < 0.05


def test_judge_candidates_every_type_of_each_tagger_span_and_each_rule_name() -> None:
    names = [Name(5, 6, "LOC", True), Name(0, 1, "PER", False)]
    found = {(c.start, c.end, c.type): c.features for c in candidates(WORDS, OUTPUT, names)}
    assert set(found) == {
        (2, 4, "PER"),
        (2, 4, "ORG"),
        (2, 4, "LOC"),
        (5, 6, "PER"),
        (5, 6, "ORG"),
        (5, 6, "LOC"),
        (0, 1, "PER"),
    }
    assert found[5, 6, "LOC"]["sure"] == 1.0
    assert found[5, 6, "LOC"]["tagger_type_same"] == 1.0
    assert found[5, 6, "ORG"]["tagger_type_same"] == 0.0
    assert found[5, 6, "ORG"]["rule_other_type"] == 1.0
    assert found[0, 1, "PER"]["rule"] == 1.0
    assert found[0, 1, "PER"]["no_tagger"] == 1.0  # the tagger saw no name there
    assert "sure" not in found[2, 4, "PER"]


def test_judge_candidate_inside_a_longer_tagger_span_says_so() -> None:
    output = TaggerOutput([TaggedSpan(2, 4, "ORG", 0.95)], OUTPUT.marginals)
    found = {
        (c.start, c.end, c.type): c.features
        for c in candidates(WORDS, output, [Name(3, 4, "PER", True)])
    }
    assert found[3, 4, "PER"]["inside_tagger"] == 1.0
    assert found[3, 4, "PER"]["inside_tagger:ORG"] == 1.0


# A judge that trusts the tagger's probability and nothing else.
BY_PROBABILITY = SpanJudge({"logit": 5.0}, 0.5)


def test_judge_decide_takes_the_best_candidate_of_overlapping_ones() -> None:
    decision = BY_PROBABILITY.decide(WORDS, OUTPUT, [])
    assert decision.spans == [(2, 4, "PER"), (5, 6, "LOC")]
    stricter = SpanJudge({"logit": 5.0}, 0.7)
    assert stricter.decide(WORDS, OUTPUT, []).spans == [(2, 4, "PER")]


def test_judge_keeps_a_whole_sure_name_it_does_not_choose() -> None:
    # "Kassel" is linked to the knowledge base; below the threshold it stays anyway.
    stricter = SpanJudge({"logit": 5.0}, 0.7)
    decision = stricter.decide(WORDS, OUTPUT, [Name(5, 6, "LOC", True)])
    assert decision.kept == frozenset({0})
    # A guess of the rules (not linked) goes with the tagger span.
    decision = stricter.decide(WORDS, OUTPUT, [Name(5, 6, "LOC", False)])
    assert decision.kept == frozenset()


def test_judge_drops_a_sure_name_that_is_a_fragment_of_a_longer_run() -> None:
    # "Hansa Werft Kiel baut": "Kiel" linked, but a capitalised word stands before it.
    words = ["Die", "Hansa", "Werft", "Kiel", "baut", "."]
    output = TaggerOutput([], marginals(*({"O": 0.99} for _ in words)))
    decision = BY_PROBABILITY.decide(words, output, [Name(3, 4, "LOC", True)])
    assert decision.kept == frozenset()
    assert decision.spans == []


def test_judge_a_sure_name_chosen_in_another_type_keeps_its_own_reading() -> None:
    judge = SpanJudge({"type=ORG": 4.0, "bias": -1.0}, THRESHOLD)
    names = [Name(5, 6, "LOC", True)]
    decision = judge.decide(WORDS, OUTPUT, names)
    assert (5, 6, "ORG") in decision.spans
    assert decision.kept == frozenset({0})
    sentence = Prepared(
        [],
        ("O",) * 7,
        frozenset(),
        True,
        frozenset({(5, 6, "LOC")}),
        frozenset({(5, 6, "LOC")}),
        tuple(WORDS),
    )
    assert (5, 6, "LOC") in judged(judge, sentence, OUTPUT)
    assert (5, 6, "ORG") not in judged(judge, sentence, OUTPUT)


def test_judge_a_sure_name_gives_way_to_a_chosen_longer_name() -> None:
    output = TaggerOutput(
        [TaggedSpan(2, 4, "ORG", 0.97)],
        marginals({"O": 0.99}, {"O": 0.99}, {"B-ORG": 0.97}, {"I-ORG": 0.97}, {"O": 0.99}),
    )
    words = ["Sie", "verließ", "Kassel", "Logistik", "."]
    decision = BY_PROBABILITY.decide(words, output, [Name(2, 3, "LOC", True)])
    assert decision.spans == [(2, 4, "ORG")]
    assert decision.kept == frozenset()


@pytest.mark.parametrize(
    ("start", "end", "fragment"),
    [(1, 2, False), (0, 1, True), (3, 4, True), (3, 6, False), (5, 6, True)],
)
def test_judge_fragment_needs_a_capitalised_neighbour_after_the_first_word(
    start: int, end: int, fragment: bool
) -> None:
    # The sentence-initial "Erfurt" is capitalised anyway: it makes no fragment of "Gera".
    words = ["Erfurt", "Gera", "und", "Jena", "Ost", "Bahnhof", "."]
    assert is_fragment(words, start, end) is fragment


def test_judge_weights_round_trip_and_skip_comments() -> None:
    text = write_weights({"bias": -1.5, "p:PER": 2.25, "unused": 0.0}, ["Source: tests", ""])
    assert text.startswith("# Source: tests\n#\n")
    assert read_weights(text, "judge.tsv") == {"bias": -1.5, "p:PER": 2.25}


@given(
    st.dictionaries(
        st.text(
            st.characters(
                blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\t#"
            ),
            min_size=1,
        ).filter(lambda s: s.strip() and s == s.strip()),
        st.floats(min_value=-50, max_value=50, allow_nan=False).filter(lambda x: abs(x) > 1e-5),
        min_size=1,
    )
)
def test_judge_weights_file_reads_back_what_was_written(weights: dict[str, float]) -> None:
    read = read_weights(write_weights(weights, ["header"]), "judge.tsv")
    assert read.keys() == weights.keys()
    for name, value in weights.items():
        assert read[name] == pytest.approx(value, abs=1e-6)


@pytest.mark.parametrize("text", ["# only a comment\n", "bias\tnot-a-number\n", "bias\n"])
def test_judge_weights_file_errors_name_the_file(text: str) -> None:
    with pytest.raises(ResourceError, match=r"judge\.tsv"):
        read_weights(text, "judge.tsv")


def test_judge_fit_learns_which_feature_marks_names() -> None:
    examples = [({"bias": 1.0, "sure": 1.0}, True)] * 30 + [({"bias": 1.0}, False)] * 30
    examples += [({"bias": 1.0, "sure": 1.0}, False)] * 3
    weights = fit(examples, iterations=500)
    judge = SpanJudge(weights)
    assert weights["sure"] > 0
    assert judge.score({"bias": 1.0, "sure": 1.0}) > 0.8
    assert judge.score({"bias": 1.0}) < 0.2


def test_judge_shipped_weights_load_and_trust_sure_tagger_spans() -> None:
    judge = SpanJudge.load()
    assert judge is not None
    assert judge.decide(WORDS, OUTPUT, [Name(5, 6, "LOC", True)]).spans[0] == (2, 4, "PER")
