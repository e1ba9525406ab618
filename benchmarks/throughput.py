"""End-to-end throughput of ``analyze`` on one core, against tokenisation alone.

    python -m benchmarks.throughput [--limit N]

The baselines are the floor any pipeline pays: SoMaJo (the tokenizer Chronik uses) and
spaCy's rule-based German tokenizer (``spacy.blank("de")``). Both are measured in the same
run on the same texts, so the ratios are comparable across machines; absolute figures
depend on the machine. The process is set up as an ingest sets up its workers
(``chronik.store.batch_process``), for the baselines as well as for ``analyze``.
``python -m benchmarks.suite`` reports these and more.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from benchmarks.corpus import tenkgnad_texts
from chronik.pipeline import analyze
from chronik.resources import Resources
from chronik.store.batch_process import tune_for_batch

CHUNKS = 8  # the texts are measured in this many turns, the three costs alternating


def compare(texts: list[str], resources: Resources, chunks: int = CHUNKS) -> dict[str, Any]:
    """CPU seconds of SoMaJo tokenisation, spaCy tokenisation and ``analyze`` of ``texts``,
    taken in turns: each slice of the texts is tokenised by both, then analysed, before
    the next slice. Another process on a shared machine slows all three alike, where
    measuring one whole pass after the other gives the load of one moment to one
    figure only. Each ``analyze`` call still sees the texts in their order, so its
    per-word caches grow as in one pass. Also the ratio of each slice, for the spread."""
    import spacy
    from somajo import SoMaJo

    somajo = SoMaJo("de_CMC", split_camel_case=True, split_sentences=True)
    spacy_tokenizer = spacy.blank("de").tokenizer
    spacy_tokenizer("Vorlauf.")  # builds its caches outside the timing
    totals = {"somajo_seconds": 0.0, "spacy_seconds": 0.0, "analyze_seconds": 0.0}
    ratios = []
    size = max(1, -(-len(texts) // chunks))
    for first in range(0, len(texts), size):
        part = texts[first : first + size]
        tokenised = _seconds(_somajo, somajo, part)
        totals["somajo_seconds"] += tokenised
        totals["spacy_seconds"] += _seconds(_spacy, spacy_tokenizer, part)
        analysed = _seconds(_analyse, resources, part)
        totals["analyze_seconds"] += analysed
        ratios.append(analysed / tokenised if tokenised > 0 else float("nan"))
    return {**totals, "chunk_ratios": ratios}


def _somajo(tokenizer: Any, texts: list[str]) -> None:
    """Tokenise and sentence-split ``texts``, one at a time."""
    for text in texts:
        for _ in tokenizer.tokenize_text([text]):
            pass


def _spacy(tokenizer: Any, texts: list[str]) -> None:
    for text in texts:
        tokenizer(text)


def _analyse(resources: Resources, texts: list[str]) -> None:
    for text in texts:
        analyze(text, resources=resources)


def _seconds(work: Callable[[Any, list[str]], None], tool: Any, texts: list[str]) -> float:
    """CPU seconds of ``work(tool, texts)``."""
    started = time.process_time()
    work(tool, texts)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args()
    texts = tenkgnad_texts(args.limit)
    tune_for_batch()  # as every ingest engine runs; the baselines get it too
    words = sum(len(text.split()) for text in texts)
    resources = Resources().warm()
    analyze(texts[0], resources=resources)  # first call pays one-off costs
    costs = compare(texts, resources)
    somajo, spacy_seconds = costs["somajo_seconds"], costs["spacy_seconds"]
    full = costs["analyze_seconds"]
    print(f"articles: {len(texts)}  words: {words}")
    for label, seconds in (
        ("SoMaJo tokenisation", somajo),
        ("spaCy tokenisation", spacy_seconds),
        ("analyze end-to-end", full),
    ):
        rate, speed = len(texts) / seconds, words / seconds
        print(f"{label:20} {rate:7.1f} articles/s  {speed:9.0f} words/s")
    ratios = costs["chunk_ratios"]
    print(f"cost ratio analyze / SoMaJo tokenisation: {full / somajo:.2f}", end="")
    spread = f"{min(ratios):.2f} to {max(ratios):.2f}, median {statistics.median(ratios):.2f}"
    print(f"  (slices: {spread})")
    print(f"cost ratio analyze / spaCy tokenisation: {full / spacy_seconds:.2f}")


if __name__ == "__main__":
    main()
