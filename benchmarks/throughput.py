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
import time

from benchmarks.corpus import tenkgnad_texts
from chronik.pipeline import analyze
from chronik.resources import Resources
from chronik.store.batch_process import tune_for_batch


def tokenise_only(texts: list[str]) -> float:
    """Seconds SoMaJo takes to tokenise (and sentence-split) ``texts``, one at a time."""
    from somajo import SoMaJo

    tokenizer = SoMaJo("de_CMC", split_camel_case=True, split_sentences=True)
    started = time.process_time()
    for text in texts:
        for _ in tokenizer.tokenize_text([text]):
            pass
    return time.process_time() - started


def spacy_tokenise_only(texts: list[str]) -> float:
    """Seconds spaCy's German tokenizer (no model, rules only) takes for ``texts``."""
    import spacy

    tokenizer = spacy.blank("de").tokenizer
    tokenizer("Vorlauf.")  # builds its caches outside the timing
    started = time.process_time()
    for text in texts:
        tokenizer(text)
    return time.process_time() - started


def analyse_all(texts: list[str], resources: Resources) -> float:
    started = time.process_time()
    for text in texts:
        analyze(text, resources=resources)
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
    somajo = tokenise_only(texts)
    spacy_seconds = spacy_tokenise_only(texts)
    full = analyse_all(texts, resources)
    print(f"articles: {len(texts)}  words: {words}")
    for label, seconds in (
        ("SoMaJo tokenisation", somajo),
        ("spaCy tokenisation", spacy_seconds),
        ("analyze end-to-end", full),
    ):
        rate, speed = len(texts) / seconds, words / seconds
        print(f"{label:20} {rate:7.1f} articles/s  {speed:9.0f} words/s")
    print(f"cost ratio analyze / SoMaJo tokenisation: {full / somajo:.2f}")
    print(f"cost ratio analyze / spaCy tokenisation: {full / spacy_seconds:.2f}")


if __name__ == "__main__":
    main()
