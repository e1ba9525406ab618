"""``chronik eval ner``: strict-span precision, recall and F1 on GermEval 2014 TSV."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from chronik.evaluation.germeval import SCORED_TYPES, GoldSentence
from chronik.resources import Resources

# Chronik's types mapped to GermEval's: a state or city is a location there.
TO_GERMEVAL = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


@dataclass
class Counts:
    true_positive: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)

    def add(
        self, gold: Iterable[tuple[int, int, str]], predicted: Iterable[tuple[int, int, str]]
    ) -> None:
        gold, predicted = set(gold), set(predicted)
        for span in gold:
            self.gold[span[2]] += 1
        for span in predicted:
            self.predicted[span[2]] += 1
            self.true_positive[span[2]] += span in gold

    def scores(self, kind: str | None = None) -> tuple[float, float, float]:
        def total(counter: Counter[str]) -> int:
            return counter[kind] if kind else sum(counter.values())

        tp, pred, gold = total(self.true_positive), total(self.predicted), total(self.gold)
        precision = tp / pred if pred else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def predict(resources: Resources, tokens: tuple[str, ...]) -> set[tuple[int, int, str]]:
    """Name spans Chronik finds in one pre-tokenised sentence, as GermEval types."""
    parsed = resources.german.process_tokens(list(tokens))
    result = resources.entities.run(parsed, None)
    spans = set()
    for mention in result.mentions:
        if mention.kind != "name" or mention.reading is None:
            continue
        kind = TO_GERMEVAL.get(mention.reading.type)
        if kind in SCORED_TYPES:
            spans.add((mention.start, mention.end, kind))
    return spans


def evaluate(resources: Resources, sentences: list[GoldSentence]) -> dict[str, Counts]:
    results = {"all": Counts(), "news": Counts()}
    for sentence in sentences:
        predicted = predict(resources, sentence.tokens)
        results["all"].add(sentence.spans, predicted)
        if sentence.is_news:
            results["news"].add(sentence.spans, predicted)
    return results
