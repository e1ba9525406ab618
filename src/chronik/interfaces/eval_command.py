"""``chronik eval …``: score Chronik against gold data."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from chronik.errors import ChronikError
from chronik.evaluation.germeval import read_germeval
from chronik.evaluation.ner import Counts, evaluate
from chronik.evaluation.quotes_eval import evaluate as evaluate_quotes
from chronik.evaluation.spkatt import ROLES, read_directory
from chronik.evaluation.tagging import evaluate as evaluate_tagging
from chronik.evaluation.tagging import read_conllu
from chronik.interfaces.errors import fail
from chronik.resources import Resources
from chronik.settings import Settings

TYPES = ("PER", "ORG", "LOC")


def ner(
    path: Annotated[Path, typer.Argument(help="A GermEval 2014 NER file (.tsv).")],
    limit: Annotated[int | None, typer.Option(help="Score the first N sentences only.")] = None,
    tagger: Annotated[
        bool, typer.Option(help="Use the statistical name tagger (--no-tagger: rules only).")
    ] = True,
) -> None:
    """Precision, recall and F1 of named entities (strict outer spans, PER/ORG/LOC), on
    GermEval 2014 files or CoNLL-style files with IOB tags in the last column.

    The shipped name tagger was trained on GermEval 2014 dev (see its model card): on
    that file, only --no-tagger scores are held-out figures.

    Example: chronik eval ner ../shared/data/germeval2014/NER-de-dev.tsv --no-tagger
    """
    try:
        sentences = read_germeval(path)[:limit]
        settings = replace(Settings.from_env(), name_tagger=tagger)
        results = evaluate(Resources(settings).warm(), sentences)
    except ChronikError as error:
        fail(error)
    news = sum(s.is_news for s in sentences)
    Console().print(_table(results, f"{path.name}: {len(sentences)} sentences, {news} news"))


def quotes(
    folder: Annotated[Path, typer.Argument(help="A directory of SpkAtt JSON gold files.")],
    limit: Annotated[int | None, typer.Option(help="Score the first N files only.")] = None,
) -> None:
    """Quotation roles against GermEval 2023 SpkAtt gold (token overlap, matched by message).

    Example: chronik eval quotes ../shared/data/spkatt-news/train
    """
    try:
        documents = read_directory(folder)[:limit]
        counts = evaluate_quotes(Resources().warm(), documents)
    except ChronikError as error:
        fail(error)
    table = Table(title=f"{folder}: {len(documents)} documents", title_justify="left")
    for column in ("role", "precision", "recall", "F1", "gold tokens", "predicted tokens"):
        table.add_column(column, justify="left" if column == "role" else "right")
    for role in (*ROLES, None):
        precision, recall, f1 = counts.scores(role)
        gold = counts.gold[role] if role else sum(counts.gold.values())
        predicted = counts.predicted[role] if role else sum(counts.predicted.values())
        table.add_row(
            role or "joint",
            f"{precision:.3f}",
            f"{recall:.3f}",
            f"{f1:.3f}",
            str(gold),
            str(predicted),
        )
    Console().print(table)


def tagging(
    path: Annotated[Path, typer.Argument(help="A CoNLL-U file with STTS tags (UD German).")],
) -> None:
    """Part-of-speech (STTS) and lemma accuracy of the German language layer, on gold
    tokens. Lemmas are scored on nouns, verbs and adjectives, ignoring case.

    Example: chronik eval tagging ../shared/data/ud-german-gsd/de_gsd-ud-dev.conllu
    """
    try:
        sentences = read_conllu(path)
        scores = evaluate_tagging(Resources().german.tagger, sentences)
    except ChronikError as error:
        fail(error)
    table = Table(title=f"{path.name}: {len(sentences)} sentences", title_justify="left")
    for column in ("measure", "accuracy", "tokens"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    table.add_row("STTS tag", f"{scores.tag_accuracy:.4f}", str(scores.tokens))
    table.add_row("lemma (content words)", f"{scores.lemma_accuracy:.4f}", str(scores.content))
    Console().print(table)


def _table(results: dict[str, Counts], title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("subset", "type", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(column, justify="right" if column not in ("subset", "type") else "left")
    for subset, counts in results.items():
        for kind in (*TYPES, None):
            precision, recall, f1 = counts.scores(kind)
            gold = counts.gold[kind] if kind else sum(counts.gold.values())
            predicted = counts.predicted[kind] if kind else sum(counts.predicted.values())
            table.add_row(
                subset,
                kind or "all",
                f"{precision:.3f}",
                f"{recall:.3f}",
                f"{f1:.3f}",
                str(gold),
                str(predicted),
            )
    return table
