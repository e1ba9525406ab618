"""Train and evaluate the CRF name tagger on GermEval 2014 dev (CC BY 4.0).

    python -m chronik.entities.tagger.train --cross-validate 5
    python -m chronik.entities.tagger.train --out src/chronik/entities/tagger/data/ner.crfsuite

(``--out`` prints the cross-validated table too, then retrains the shipped model.)

Cross-validation deals contiguous blocks of sentences to folds (fixed seed) and scores
strict outer PER/ORG/LOC spans on each held-out fold for four systems: the rules alone,
the tagger alone, the union of earlier versions (rule names linked to the knowledge base
win where they overlap a tagger span, unless a sure span contains them; tagger spans
elsewhere if at least as sure as ``MIN_SPAN_PROBABILITY``), and the span judge, what the
pipeline does (``judge.py``), fitted for each fold on the other folds' held-out output.
Tables of the union at other floors and of the judge at other thresholds follow. Training
with ``--out`` cross-validates first (5 folds unless ``--cross-validate K``), fits the
shipped judge on every fold's output (``judge.tsv`` beside the model), trains the model on
every sentence and scores both on Europarl dev, out of domain. Europarl (licence unstated)
and SpkAtt (NC) are only ever read for evaluation, never for training.

Sentences written for Chronik (``training/ner/*.txt``, see ``corpus.py``; run from the
project root or give ``--written``) join the training side of every fold and the final
model; they are never scored. ``--no-written`` trains on GermEval alone.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pycrfsuite

from chronik.entities.tagger.corpus import SOURCE, read_annotated
from chronik.entities.tagger.features import FeatureExtractor
from chronik.entities.tagger.judge import (
    THRESHOLD,
    WEIGHTS_FILE,
    Name,
    SpanJudge,
    candidates,
    fit,
    write_weights,
)
from chronik.entities.tagger.model import (
    MIN_SPAN_PROBABILITY,
    NameTagger,
    TaggedSpan,
    TaggerOutput,
    combine,
)
from chronik.errors import UsageError
from chronik.evaluation.germeval import SCORED_TYPES, bio_spans
from chronik.evaluation.ner import TO_GERMEVAL, Counts
from chronik.language.de.tokens import GermanTokenizer
from chronik.resources import Resources
from chronik.settings import Settings

GERMEVAL = Path("germeval2014/NER-de-dev.tsv")
WRITTEN = Path("training/ner")  # relative to the project root; see ``corpus.py``
EUROPARL = Path("europarl-ner/dev.tsv")
LABEL_TYPES = frozenset({"PER", "ORG", "LOC", "OTH"})
SYSTEMS = ("rules", "tagger", "union", "judge")
FLOORS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)  # probability floors compared for the union
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5)  # judge thresholds compared
SEED = 20140101
BLOCK = 20  # sentences per contiguous block dealt to a fold
# Chosen by 5-fold cross-validation on GermEval dev (``--grid``), nothing else.
DEFAULT_PARAMS: dict[str, float] = {
    "c1": 0.02,
    "c2": 0.02,
    "max_iterations": 150.0,
    "augment": 1.0,  # 1: add one mention-replaced copy of the training sentences
    # Draws of the mention replacement (fold k uses seed + k). Only the augmentation
    # depends on it, never the folds: compare features at a fixed seed, and take the
    # spread over a few seeds (about +-0.008 F1) as the noise floor.
    "seed": SEED,
}
# Mean F1 (all) over 5 folds, 2026-11-29: 0.05/0.05 0.685, 0.02/0.02 0.688, 0.02/0.2 0.687,
# 0.2/0.02 0.688, 0.2/0.2 0.685; differences are within the spread of augmentation seeds.
# With the lexicon and capitalised-run features, 300 iterations scored 0.717 vs 0.718.
GRID = [(0.05, 0.05), (0.02, 0.02), (0.02, 0.2), (0.2, 0.02), (0.2, 0.2)]
MIN_FREQ = 1.0  # features seen fewer times are dropped from the model


@dataclass(frozen=True)
class Labelled:
    tokens: tuple[str, ...]
    labels: tuple[str, ...]  # BIO over PER/ORG/LOC/OTH
    source: str

    @property
    def gold(self) -> frozenset[tuple[int, int, str]]:
        return frozenset(bio_spans(list(self.labels)))

    @property
    def is_news(self) -> bool:
        return "wikipedia.org" not in self.source


@dataclass(frozen=True)
class Prepared:
    """A sentence with its features and what the rules found, computed once."""

    items: list[list[str]]
    labels: tuple[str, ...]
    gold: frozenset[tuple[int, int, str]]
    news: bool
    rules: frozenset[tuple[int, int, str]]  # every rule name, as ``chronik eval ner``
    linked: frozenset[tuple[int, int, str]]  # rule names with a knowledge-base reading
    words: tuple[str, ...] = ()

    @property
    def names(self) -> list[Name]:
        """The rule names as the judge reads them."""
        return [Name(s, e, kind, (s, e, kind) in self.linked) for s, e, kind in sorted(self.rules)]


@dataclass(frozen=True)
class HeldOut:
    """A fold's held-out sentences and what that fold's tagger said about them."""

    sentences: list[Prepared]
    outputs: list[TaggerOutput]


def read_germeval_outer(path: Path) -> list[Labelled]:
    """The outer column of a GermEval 2014 file; ``B-LOCderiv``, ``B-ORGpart`` -> O."""
    sentences: list[Labelled] = []
    source, rows = "", []
    for line in [*_lines(path), ""]:
        if line.startswith("#"):
            source = line.lstrip("#").strip()
        elif line.strip():
            cells = line.split("\t")
            if len(cells) < 3:
                raise UsageError(f"{path}: expected 'n token outer inner' columns: {line!r}")
            label = cells[2] if cells[2].partition("-")[2] in LABEL_TYPES else "O"
            rows.append((cells[1], label))
        elif rows:
            tokens, labels = zip(*rows, strict=True)
            sentences.append(Labelled(tokens, labels, source))
            rows = []
    return sentences


def read_europarl(path: Path) -> list[Labelled]:
    """German Europarl NER (``token lemma POS chunk IOB1-tag``); MISC becomes OTH."""
    sentences: list[Labelled] = []
    rows: list[tuple[str, str]] = []
    for line in [*_lines(path), ""]:
        if line.strip():
            cells = line.split("\t")
            rows.append((cells[0], cells[-1].replace("MISC", "OTH")))
        elif rows:
            tokens = tuple(token for token, _ in rows)
            sentences.append(Labelled(tokens, _iob1_to_bio([t for _, t in rows]), "europarl"))
            rows = []
    return sentences


def _iob1_to_bio(tags: list[str]) -> tuple[str, ...]:
    labels, previous = [], "O"
    for tag in tags:
        prefix, _, kind = tag.partition("-")
        opens = prefix == "I" and previous.partition("-")[2] != kind
        label = f"B-{kind}" if opens else tag
        labels.append(label)
        previous = label
    return tuple(labels)


def read_written(folder: Path) -> list[Labelled]:
    """Every ``*.txt`` file of ``folder`` in the format of ``corpus.py`` (sorted by name,
    so that training is reproducible); a missing folder gives no sentences."""
    if not folder.is_dir():
        _say(f"{folder}: no such folder, training on GermEval only")
        return []
    tokenizer = GermanTokenizer()
    return [
        Labelled(sentence.tokens, sentence.labels, f"{SOURCE}/{path.name}")
        for path in sorted(folder.glob("*.txt"))
        for sentence in read_annotated(path, tokenizer)
    ]


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read ({error})") from error


def augment(sentences: Sequence[Labelled], seed: int = SEED) -> list[Labelled]:
    """One copy of each sentence with names, with every PER/ORG/LOC name replaced by a
    name of the same type drawn from ``sentences`` (mention replacement). The copies teach
    the CRF the contexts of names rather than the names, which helps on unseen ones; the
    names come from the same training sentences, never from held-out ones."""
    rng = random.Random(seed)
    pool: dict[str, list[tuple[str, ...]]] = {}
    for sentence in sentences:
        for start, end, kind in sorted(sentence.gold):
            pool.setdefault(kind, []).append(sentence.tokens[start:end])
    copies = []
    for sentence in sentences:
        tokens: list[str] = []
        labels: list[str] = []
        position = 0
        for start, end, kind in sorted(sentence.gold):
            name = rng.choice(pool[kind])
            tokens += [*sentence.tokens[position:start], *name]
            labels += [*sentence.labels[position:start], f"B-{kind}"]
            labels += [f"I-{kind}"] * (len(name) - 1)
            position = end
        if position:
            tokens += sentence.tokens[position:]
            labels += sentence.labels[position:]
            copies.append(Labelled(tuple(tokens), tuple(labels), sentence.source))
    return copies


def prepare(resources: Resources, sentences: Iterable[Labelled]) -> list[Prepared]:
    """Tag, run the rules and extract features for each sentence."""
    extractor = FeatureExtractor.load()
    prepared = []
    for sentence in sentences:
        parsed = resources.german.process_tokens(list(sentence.tokens))
        mentions = resources.entities.run(parsed, None).mentions
        rules, linked = set(), set()
        for mention in mentions:
            kind = TO_GERMEVAL.get(mention.reading.type) if mention.reading else None
            if mention.kind == "name" and kind in SCORED_TYPES:
                rules.add((mention.start, mention.end, kind))
                if mention.reading and mention.reading.kb_id:
                    linked.add((mention.start, mention.end, kind))
        items = extractor.sentence(parsed.doc, 0, len(parsed.doc), mentions)
        prepared.append(
            Prepared(
                items,
                sentence.labels,
                sentence.gold,
                sentence.is_news,
                frozenset(rules),
                frozenset(linked),
                tuple(sentence.tokens),
            )
        )
    return prepared


def train(prepared: Sequence[Prepared], out: Path, params: dict[str, float]) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in prepared:
        trainer.append(pycrfsuite.ItemSequence(sentence.items), list(sentence.labels))
    trainer.set_params(
        {
            "c1": params["c1"],
            "c2": params["c2"],
            "max_iterations": int(params["max_iterations"]),
            "feature.minfreq": MIN_FREQ,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(out))


def union(
    spans: Sequence[TaggedSpan], linked: Iterable[tuple[int, int, str]], floor: float
) -> set[tuple[int, int, str]]:
    """What the pipeline keeps: linked rule names, and the tagger spans as sure as
    ``floor`` that overlap none of them (a span that contains names replaces them, see
    ``combine``)."""
    names = sorted(linked)
    taken, dropped = combine(spans, [(start, end) for start, end, _ in names], floor)
    result = {name for index, name in enumerate(names) if index not in dropped}
    result.update((s.start, s.end, s.type) for s in taken if s.type in SCORED_TYPES)
    return result


def judged(judge: SpanJudge, sentence: Prepared, output: TaggerOutput) -> set[tuple[int, int, str]]:
    """What the pipeline keeps with the judge: the names that stay, in their own type,
    and the chosen spans that are not one of them."""
    names = sentence.names
    decision = judge.decide(sentence.words, output, names)
    kept = {(names[i].start, names[i].end, names[i].type) for i in decision.kept}
    bounds = {(s, e) for s, e, _ in kept}
    return kept | {span for span in decision.spans if span[:2] not in bounds}


def score(
    outputs: Sequence[TaggerOutput], test: Sequence[Prepared], judge: SpanJudge | None
) -> dict[tuple[str, str], Counts]:
    """Counts per (system, subset) with subset ``all`` or ``news``. ``union`` keeps the
    tagger spans as sure as ``MIN_SPAN_PROBABILITY`` beside the linked names (the pipeline
    without a judge); ``judge`` is the pipeline; the ``floor<p>`` and ``judge@<t>`` systems
    are those at other floors and thresholds, to choose them."""
    systems = [
        *SYSTEMS,
        *(f"floor{floor}" for floor in FLOORS),
        *(f"judge@{t}" for t in THRESHOLDS),
    ]
    counts = {(system, subset): Counts() for system in systems for subset in ("all", "news")}
    at = {t: SpanJudge(judge.weights, t) for t in THRESHOLDS} if judge is not None else {}
    for sentence, output in zip(test, outputs, strict=True):
        spans = output.spans  # OTH too: it can contain linked names
        tagged = {(s.start, s.end, s.type) for s in spans if s.type in SCORED_TYPES}
        found = {"rules": sentence.rules, "tagger": tagged}
        found["union"] = union(spans, sentence.linked, MIN_SPAN_PROBABILITY)
        for floor in FLOORS:
            found[f"floor{floor}"] = union(spans, sentence.linked, floor)
        if judge is not None:
            found["judge"] = judged(judge, sentence, output)
            for threshold, judge_at in at.items():
                found[f"judge@{threshold}"] = judged(judge_at, sentence, output)
        for system, predicted in found.items():
            counts[system, "all"].add(sentence.gold, predicted)
            if sentence.news:
                counts[system, "news"].add(sentence.gold, predicted)
    return counts


def examples(held: Sequence[HeldOut]) -> list[tuple[dict[str, float], bool]]:
    """The judge's training examples: every candidate of the held-out sentences (tagger
    output out of sample), against whether it is a gold name."""
    found = []
    for fold in held:
        for sentence, output in zip(fold.sentences, fold.outputs, strict=True):
            for candidate in candidates(sentence.words, output, sentence.names):
                gold = (candidate.start, candidate.end, candidate.type) in sentence.gold
                found.append((dict(candidate.features), gold))
    return found


def fit_judge(held: Sequence[HeldOut]) -> SpanJudge:
    return SpanJudge(fit(examples(held)), THRESHOLD)


def folds(count: int, k: int, seed: int = SEED) -> list[list[int]]:
    """Sentence indices of ``k`` folds: blocks of contiguous sentences dealt in a shuffled
    order, so a fold holds whole stretches of the file and no sentence twice."""
    blocks = [list(range(start, min(start + BLOCK, count))) for start in range(0, count, BLOCK)]
    random.Random(seed).shuffle(blocks)
    result: list[list[int]] = [[] for _ in range(k)]
    for number, block in enumerate(blocks):
        result[number % k].extend(block)
    return [sorted(fold) for fold in result]


def cross_validate(
    resources: Resources,
    sentences: Sequence[Labelled],
    prepared: Sequence[Prepared],
    k: int,
    params: dict[str, float],
    written: Sequence[Labelled] = (),
    written_prepared: Sequence[Prepared] = (),
) -> tuple[list[dict[tuple[str, str], Counts]], list[HeldOut]]:
    """Train on k-1 folds and the written sentences (plus their augmented copies), tag
    the held-out fold; written sentences are never scored. Then fit each fold's judge on
    the other folds' held-out output (nested: no judge sees its own fold) and score."""
    held: list[HeldOut] = []
    for number, held_out in enumerate(folds(len(prepared), k)):
        test = set(held_out)
        kept = [index for index in range(len(prepared)) if index not in test]
        kept = _fraction(kept, params.get("train_fraction", 1.0), number)
        training = [prepared[index] for index in kept] + list(written_prepared)
        if params.get("augment"):
            seed = int(params.get("seed", SEED)) + number
            copies = augment([*(sentences[index] for index in kept), *written], seed)
            training += prepare(resources, copies)
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "fold.crfsuite"
            train(training, path, params)
            tagger = NameTagger.from_file(path)
        fold = [prepared[index] for index in held_out]
        held.append(HeldOut(fold, [tagger.read_items(sentence.items) for sentence in fold]))
        _say(f"fold {number + 1}/{k} tagged")
    results = []
    for number, fold in enumerate(held):
        judge = fit_judge([other for index, other in enumerate(held) if index != number])
        results.append(score(fold.outputs, fold.sentences, judge))
        found = results[-1]
        _say(
            f"fold {number + 1}/{k}: tagger F1 {found['tagger', 'all'].scores()[2]:.3f},"
            f" union {found['union', 'all'].scores()[2]:.3f},"
            f" judge {found['judge', 'all'].scores()[2]:.3f}"
        )
    return results, held


def _fraction(indices: list[int], fraction: float, fold: int) -> list[int]:
    """A share of a fold's training sentences, in whole blocks drawn at random (fixed by
    the fold), for a learning curve: the held-out folds stay the same, so scores at two
    fractions compare the same test sentences."""
    if fraction >= 1.0:
        return indices
    blocks: dict[int, list[int]] = {}
    for index in indices:
        blocks.setdefault(index // BLOCK, []).append(index)
    order = sorted(blocks)
    random.Random(SEED + fold).shuffle(order)
    chosen = order[: max(1, round(fraction * len(order)))]
    return sorted(index for block in chosen for index in blocks[block])


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def report_folds(results: list[dict[tuple[str, str], Counts]]) -> str:
    lines = ["| fold | subset | " + " | ".join(f"{s} F1" for s in SYSTEMS) + " |"]
    lines.append("|---|---|" + "---|" * len(SYSTEMS))
    for number, counts in enumerate(results, start=1):
        for subset in ("all", "news"):
            cells = [f"{counts[system, subset].scores()[2]:.3f}" for system in SYSTEMS]
            lines.append(f"| {number} | {subset} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report_means(results: list[dict[tuple[str, str], Counts]], subsets: Sequence[str]) -> str:
    """Mean over folds of precision, recall and F1, per system, subset and type."""
    lines = ["| subset | type | system | P | R | F1 |", "|---|---|---|---|---|---|"]
    for subset in subsets:
        for kind in (None, "PER", "ORG", "LOC"):
            for system in SYSTEMS:
                scores = [counts[system, subset].scores(kind) for counts in results]
                p, r, f = (_mean([s[i] for s in scores]) for i in range(3))
                label = kind or "all"
                lines.append(f"| {subset} | {label} | {system} | {p:.3f} | {r:.3f} | {f:.3f} |")
    return "\n".join(lines)


def report_floors(results: list[dict[tuple[str, str], Counts]]) -> str:
    """Mean F1 of the union at each probability floor for tagger spans, and of the
    judge at each threshold."""
    lines = ["| system | F1 all | F1 news |", "|---|---|---|"]
    rows = [(f"floor{floor}", floor == MIN_SPAN_PROBABILITY) for floor in FLOORS]
    rows += [(f"judge@{t}", t == THRESHOLD) for t in THRESHOLDS]
    for system, shipped in rows:
        f1 = _mean([r[system, "all"].scores()[2] for r in results])
        news = _mean([r[system, "news"].scores()[2] for r in results])
        lines.append(f"| {system}{' (shipped)' if shipped else ''} | {f1:.3f} | {news:.3f} |")
    return "\n".join(lines)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m chronik.entities.tagger.train")
    parser.add_argument("--data", type=Path, help="shared data folder (default: settings)")
    parser.add_argument("--cross-validate", type=int, metavar="K", help="K-fold scores")
    parser.add_argument("--grid", action="store_true", help="cross-validate each c1/c2 pair")
    parser.add_argument("--out", type=Path, help="train on all sentences, write the model")
    parser.add_argument("--c1", type=float, default=DEFAULT_PARAMS["c1"])
    parser.add_argument("--c2", type=float, default=DEFAULT_PARAMS["c2"])
    parser.add_argument("--iterations", type=float, default=DEFAULT_PARAMS["max_iterations"])
    parser.add_argument("--no-augment", action="store_true", help="train on the gold only")
    parser.add_argument("--limit", type=int, help="use only the first N sentences")
    parser.add_argument(
        "--written",
        type=Path,
        default=WRITTEN,
        help=f"folder of sentences written for Chronik, *.txt (default: {WRITTEN})",
    )
    parser.add_argument("--no-written", action="store_true", help="train on GermEval only")
    parser.add_argument(
        "--train-fraction",
        type=float,
        default=1.0,
        metavar="F",
        help="cross-validation: train on this share of each fold's GermEval sentences"
        " (a learning curve; the written sentences are all used)",
    )
    parser.add_argument(
        "--seed", type=int, default=SEED, help="augmentation seed (fold k draws with seed + k)"
    )
    args = parser.parse_args(argv)
    if not (args.cross_validate or args.grid or args.out):
        parser.error("give --cross-validate K, --grid or --out PATH")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    # The rules' guesses are features: they must not include the shipped tagger's own
    # output, which has seen every fold of this file.
    resources = Resources(replace(Settings.from_env(), name_tagger=False))
    data = args.data or resources.settings.data_dir
    try:
        sentences = read_germeval_outer(data / GERMEVAL)[: args.limit]
        written = [] if args.no_written else read_written(args.written)
    except UsageError as error:
        _say(str(error))
        return 2
    params = {
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.iterations,
        "augment": 0.0 if args.no_augment else 1.0,
        "seed": args.seed,
        "train_fraction": args.train_fraction,
    }
    if not 0.0 < args.train_fraction <= 1.0:
        _say(f"--train-fraction {args.train_fraction}: give a share above 0 and at most 1")
        return 2
    began = time.perf_counter()
    prepared = prepare(resources, sentences)
    written_prepared = prepare(resources, written)
    _say(
        f"{len(prepared)} GermEval and {len(written)} written sentences prepared"
        f" in {time.perf_counter() - began:.0f} s"
    )
    if args.grid:
        k = args.cross_validate or 5
        _grid(resources, sentences, prepared, k, params, written, written_prepared)
        return 0
    # The shipped judge is fitted on cross-validated output, so --out runs it too.
    k = args.cross_validate or 5
    results, held = cross_validate(
        resources, sentences, prepared, k, params, written, written_prepared
    )
    extra = f", plus {len(written)} written sentences in training" if written else ""
    print(f"## {k}-fold cross-validation, params {params}{extra}\n")
    print(report_folds(results) + "\n")
    print(report_means(results, ("all", "news")) + "\n")
    print(report_floors(results) + "\n")
    if args.out:
        judge = fit_judge(held)
        _train_final(
            resources,
            [*sentences, *written],
            [*prepared, *written_prepared],
            args.out,
            params,
        )
        _write_judge(judge, args.out.with_name(WEIGHTS_FILE), k, params)
        europarl = data / EUROPARL
        if europarl.is_file():
            test = prepare(resources, read_europarl(europarl))
            tagger = NameTagger.from_file(args.out)
            outputs = [tagger.read_items(sentence.items) for sentence in test]
            print("## Europarl dev (out of domain), trained on all of GermEval dev\n")
            print(report_means([score(outputs, test, judge)], ("all",)) + "\n")
    return 0


def _write_judge(judge: SpanJudge, path: Path, k: int, params: dict[str, float]) -> None:
    header = [
        "Weights of Chronik's span judge (chronik/entities/tagger/judge.py): a logistic",
        "regression over the candidate names of the CRF tagger and the rules. Fitted by",
        f"`python -m chronik.entities.tagger.train --out ...` on the {k}-fold",
        "cross-validated tagger output for GermEval 2014 dev (CC BY 4.0, Benikova et al.",
        f"2014), augmentation seed {int(params.get('seed', SEED))}. See MODEL_CARD.md.",
        "",
        "feature<TAB>weight; features not listed weigh 0.",
    ]
    path.write_text(write_weights(judge.weights, header), encoding="utf-8")
    _say(f"wrote {path} ({len(judge.weights)} weights)")


def _grid(
    resources: Resources,
    sentences: Sequence[Labelled],
    prepared: Sequence[Prepared],
    k: int,
    params: dict[str, float],
    written: Sequence[Labelled],
    written_prepared: Sequence[Prepared],
) -> None:
    print("| c1 | c2 | tagger F1 all | judge F1 all | judge F1 news |\n|---|---|---|---|---|")
    for c1, c2 in GRID:
        grid_params = {**params, "c1": c1, "c2": c2}
        results, _ = cross_validate(
            resources, sentences, prepared, k, grid_params, written, written_prepared
        )
        tagger = _mean([r["tagger", "all"].scores()[2] for r in results])
        both = _mean([r["judge", "all"].scores()[2] for r in results])
        news = _mean([r["judge", "news"].scores()[2] for r in results])
        print(f"| {c1} | {c2} | {tagger:.3f} | {both:.3f} | {news:.3f} |", flush=True)


def _train_final(
    resources: Resources,
    sentences: Sequence[Labelled],
    prepared: Sequence[Prepared],
    out: Path,
    params: dict[str, float],
) -> None:
    began = time.perf_counter()
    training = list(prepared)
    if params.get("augment"):
        training += prepare(resources, augment(sentences, int(params.get("seed", SEED))))
    train(training, out, params)
    size = out.stat().st_size / 1e6
    _say(f"trained on {len(prepared)} sentences in {time.perf_counter() - began:.0f} s")
    _say(f"wrote {out} ({size:.1f} MB)")


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "HeldOut",
    "augment",
    "cross_validate",
    "examples",
    "fit_judge",
    "folds",
    "judged",
    "main",
    "prepare",
    "read_europarl",
    "read_germeval_outer",
    "read_written",
    "score",
    "train",
    "union",
]
