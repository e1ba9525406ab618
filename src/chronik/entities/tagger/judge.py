"""Decide which names a sentence has, from the tagger's output and the rules' names.

The CRF tagger and the rule system each propose spans. Where they disagree, neither is
right as a rule: a knowledge-base name the tagger reads as nothing is often a word of a
longer name or a common noun (``die Schweden``), and a tagger span at probability 0.75 is
a person less often than a span at 0.6 is a place. The judge is a logistic regression over
each proposed span (a *candidate*): the tagger's probability for that span and type, how
sure it is of the tokens around it, which system proposed it and whether they agree, the
span's length and shape. It was fitted on cross-validated tagger output for GermEval
2014 dev (``train``, see docs/ner-model.md), so it has learnt how far to trust each
system out of sample.

    >>> judge = SpanJudge.load()       # None when the weights file is missing
    >>> judge.decide(words, output, names)
    Decision(spans=[(0, 2, 'PER')], kept=frozenset({1}))

``decide`` takes the best-scored candidates that overlap no better one, down to
``THRESHOLD``. A sure rule name (linked to the knowledge base) that no chosen candidate
overlaps stays unless it is a fragment of a longer capitalised run (``Detroit`` before
``Red Wings``): GermEval leaves out compounds such as ``EU-Kommission``, but an event
coder needs that actor, so the judge may drop a linked name only where a longer name
stands around it. For the same reason a tagger organisation at ``ORGANISATION_FLOOR`` or
above that overlaps nothing chosen is kept.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from chronik.entities.tagger.model import TaggedSpan, TaggerOutput
from chronik.errors import ResourceError

WEIGHTS_FILE = "judge.tsv"
SCORED = ("PER", "ORG", "LOC")
# The rules' reading types the judge scores, as GermEval types.
GERMEVAL_TYPES = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
# Candidates scored below this are not names. Chosen by nested cross-validation on
# GermEval dev (``train --cross-validate``, the ``judge@t`` rows); 0.35 to 0.45 score alike.
THRESHOLD = 0.4
# GermEval leaves many organisations unannotated (compounds, parts of longer names), and
# a judge fitted on it learns to doubt the tagger's organisations; an event coder needs
# them. A tagger organisation this sure that overlaps nothing chosen is kept.
ORGANISATION_FLOOR = 0.8
_QUOTES = frozenset({"„", '"', "“", "'", "‚", "«", "»"})


@dataclass(frozen=True)
class Name:
    """A name the rules found in the sentence (sentence-relative token indices)."""

    start: int
    end: int
    type: str  # PER | ORG | LOC (GermEval types; the rules' GPE counts as LOC)
    sure: bool  # linked to the knowledge base (or a known surname)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    type: str
    features: Mapping[str, float]


@dataclass(frozen=True)
class Decision:
    spans: list[tuple[int, int, str]]  # chosen candidates, sentence-relative
    kept: frozenset[int]  # indices of the names that stay (chosen or kept as sure)


def span_probability(
    marginals: Sequence[Mapping[str, float]], start: int, end: int, kind: str
) -> float:
    """The smallest marginal of the labels that make ``[start, end)`` a ``kind`` span."""
    first = marginals[start].get(f"B-{kind}", 0.0)
    return min([first, *(marginals[i].get(f"I-{kind}", 0.0) for i in range(start + 1, end))])


def candidates(
    words: Sequence[str], output: TaggerOutput, names: Sequence[Name]
) -> list[Candidate]:
    """Every tagger span in each scored type, and every rule name, with features."""
    proposed: dict[tuple[int, int, str], dict[str, object]] = {}
    for span in output.spans:
        for kind in SCORED:
            proposed.setdefault((span.start, span.end, kind), {})["tagger"] = span
    for name in names:
        source = "sure" if name.sure else "rule"
        proposed.setdefault((name.start, name.end, name.type), {})[source] = True
    return [
        Candidate(*span, _features(words, output, names, span, sources))
        for span, sources in proposed.items()
    ]


def _features(
    words: Sequence[str],
    output: TaggerOutput,
    names: Sequence[Name],
    span: tuple[int, int, str],
    sources: Mapping[str, object],
) -> dict[str, float]:
    start, end, kind = span
    features = _probabilities(output.marginals, start, end, kind, len(words))
    features.update(_sources(output, names, span, sources))
    features.update(_shape(words, start, end, kind))
    return features


def _probabilities(
    marginals: Sequence[Mapping[str, float]], start: int, end: int, kind: str, length: int
) -> dict[str, float]:
    """How sure the tagger is of this span in this type, and of its edges."""
    probability = span_probability(marginals, start, end, kind)
    logit = math.log((probability + 1e-4) / (1 - probability + 1e-4)) / 5
    features = {
        "bias": 1.0,
        f"type={kind}": 1.0,
        "p": probability,
        f"p:{kind}": probability,
        "logit": logit,
        f"logit:{kind}": logit,
        "pO": max(marginals[i].get("O", 0.0) for i in range(start, end)),
        "margin": probability
        - max(span_probability(marginals, start, end, t) for t in (*SCORED, "OTH") if t != kind),
    }
    if end < length:  # the name may go on
        features["continues"] = max(marginals[end].get(f"I-{t}", 0.0) for t in (*SCORED, "OTH"))
    if start > 0:
        features["after_name"] = 1.0 - marginals[start - 1].get("O", 0.0)
    return features


def _sources(
    output: TaggerOutput,
    names: Sequence[Name],
    span: tuple[int, int, str],
    sources: Mapping[str, object],
) -> dict[str, float]:
    """Which system proposed the span, and where the other one stands."""
    start, end, kind = span
    features: dict[str, float] = {}
    tagged = sources.get("tagger")
    if isinstance(tagged, TaggedSpan):
        features["tagger"] = 1.0
        features["tagger_type_same"] = float(tagged.type == kind)
        features[f"tagger_type:{tagged.type}>{kind}"] = 1.0
        features["tagger_p"] = tagged.probability
    else:
        overlapping = [s for s in output.spans if s.start < end and start < s.end]
        if not overlapping:
            features["no_tagger"] = 1.0
            features[f"no_tagger:{kind}"] = 1.0
        else:
            best = max(overlapping, key=lambda s: s.probability)
            features["other_p"] = best.probability
            if best.start <= start and end <= best.end:
                features["inside_tagger"] = 1.0
                features[f"inside_tagger:{best.type}"] = 1.0
            else:
                features["crosses_tagger"] = 1.0
    if sources.get("sure"):
        features["sure"] = 1.0
        features[f"sure:{kind}"] = 1.0
        features["sure_p"] = span_probability(output.marginals, start, end, kind)
    elif sources.get("rule"):
        features["rule"] = 1.0
        features[f"rule:{kind}"] = 1.0
    same_bounds = {n.type for n in names if (n.start, n.end) == (start, end)}
    if same_bounds and kind not in same_bounds:
        features["rule_other_type"] = 1.0
    return features


def _shape(words: Sequence[str], start: int, end: int, kind: str) -> dict[str, float]:
    """Length, place and look of the span."""
    features = {f"length{min(end - start, 4)}:{kind}": 1.0}
    if start == 0:
        features[f"initial:{kind}"] = 1.0
    span_words = words[start:end]
    if all(len(w) > 1 and w.isupper() for w in span_words):
        features[f"capitals:{kind}"] = 1.0
    if any(c.isdigit() for w in span_words for c in w):
        features[f"digit:{kind}"] = 1.0
    if any("-" in w for w in span_words):
        features[f"hyphen:{kind}"] = 1.0
    if start > 0 and words[start - 1] in _QUOTES:
        features[f"quoted:{kind}"] = 1.0
    if end < len(words) and words[end] == "(":
        features["bracket_after"] = 1.0
    if not span_words[0][:1].isupper():
        features["lower_start"] = 1.0
    if end < len(words) and words[end][:1].isupper():
        features[f"capitalised_after:{kind}"] = 1.0
    if start > 1 and words[start - 1][:1].isupper():
        features[f"capitalised_before:{kind}"] = 1.0
    return features


def is_fragment(words: Sequence[str], start: int, end: int) -> bool:
    """Whether a capitalised word stands right after the span, or right before it (not
    counting the sentence's first word): the span may be part of a longer name."""
    after = end < len(words) and words[end][:1].isupper()
    before = start > 1 and words[start - 1][:1].isupper()
    return after or before


class SpanJudge:
    def __init__(self, weights: Mapping[str, float], threshold: float = THRESHOLD) -> None:
        self.weights = dict(weights)
        self.threshold = threshold

    @classmethod
    @cache
    def load(cls) -> SpanJudge | None:
        """The shipped weights, read once per process; None when the file is missing."""
        path = resources.files("chronik.entities.tagger") / "data" / WEIGHTS_FILE
        if not path.is_file():
            return None
        return cls(read_weights(path.read_text(encoding="utf-8"), WEIGHTS_FILE))

    @classmethod
    def from_file(cls, path: Path) -> SpanJudge:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ResourceError(f"{path}: cannot read the judge's weights ({error})") from error
        return cls(read_weights(text, str(path)))

    def score(self, features: Mapping[str, float]) -> float:
        """The probability that a candidate is a name of its type."""
        weights = self.weights
        z = sum(weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def decide(self, words: Sequence[str], output: TaggerOutput, names: Sequence[Name]) -> Decision:
        scored = sorted(
            (
                (self.score(c.features), c.start, c.end, c.type)
                for c in candidates(words, output, names)
            ),
            key=lambda item: (-item[0], item[1], item[2], item[3]),
        )
        chosen: list[tuple[int, int, str]] = []
        for probability, start, end, kind in scored:
            if probability < self.threshold:
                break
            if not any(start < e and s < end for s, e, _ in chosen):
                chosen.append((start, end, kind))
        for span in output.spans:
            if (
                span.type == "ORG"
                and span.probability >= ORGANISATION_FLOOR
                and not any(span.start < e and s < span.end for s, e, _ in chosen)
            ):
                chosen.append((span.start, span.end, span.type))
        kept = frozenset(index for index, name in enumerate(names) if _stays(name, chosen, words))
        chosen.sort()
        return Decision(chosen, kept)


def _stays(name: Name, chosen: Sequence[tuple[int, int, str]], words: Sequence[str]) -> bool:
    """A name stays when it was chosen (a sure name in any type: its reading decides),
    or when it is sure, nothing chosen overlaps it, and it is no fragment."""
    if (name.start, name.end, name.type) in chosen:
        return True
    if not name.sure:
        return False
    overlapping = [(s, e) for s, e, _ in chosen if name.start < e and s < name.end]
    if overlapping:
        return (name.start, name.end) in overlapping
    return not is_fragment(words, name.start, name.end)


def read_weights(text: str, source: str) -> dict[str, float]:
    """``feature<TAB>weight`` lines; ``#`` lines are comments."""
    weights: dict[str, float] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, value = line.partition("\t")
        try:
            weights[name] = float(value)
        except ValueError:
            raise ResourceError(
                f"{source}, line {number}: expected a feature and a weight, got {line!r}"
            ) from None
    if not weights:
        raise ResourceError(f"{source}: no weights")
    return weights


def write_weights(weights: Mapping[str, float], header: Iterable[str]) -> str:
    lines = [f"# {line}" if line else "#" for line in header]
    lines += [f"{name}\t{weights[name]:.6f}" for name in sorted(weights) if weights[name]]
    return "\n".join(lines) + "\n"


def fit(
    examples: Sequence[tuple[Mapping[str, float], bool]],
    l2: float = 1.0,
    iterations: int = 2000,
    rate: float = 1.0,
) -> dict[str, float]:
    """Logistic regression by full-batch gradient descent (L2 on every weight), the
    features of each candidate against whether it is a gold name. numpy is needed only
    here, at training time."""
    import numpy as np

    names = sorted({name for features, _ in examples for name in features})
    column = {name: index for index, name in enumerate(names)}
    matrix = np.zeros((len(examples), len(names)))
    for row, (features, _) in enumerate(examples):
        for name, value in features.items():
            matrix[row, column[name]] = value
    target = np.array([1.0 if gold else 0.0 for _, gold in examples])
    weights = np.zeros(len(names))
    count = max(1, len(examples))
    for _ in range(iterations):
        predicted = 1.0 / (1.0 + np.exp(-(matrix @ weights)))
        gradient = matrix.T @ (predicted - target) / count + l2 * weights / count
        weights -= rate * gradient
    return {name: float(weights[column[name]]) for name in names}
