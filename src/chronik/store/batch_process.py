"""Interpreter settings for a process that analyses documents one after another.

An analysis makes hundreds of thousands of small objects that die with the article
(tokens, feature strings, search states). CPython starts a young-generation collection
every 700 net allocations, and each one also walks the survivors, which here are mostly
the memos that grow for the whole run. A threshold of 20,000 collects the same garbage
in fewer passes: about 5 % less CPU for a cold run over 10kGNAD, measured in
``benchmarks/`` (which applies the same setting to its tokenisation baselines). The
cost is that garbage in reference cycles lives a little longer, bounded by that count.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 20_000  # net allocations between young-generation collections
OLDER_THRESHOLD = 20  # collections of one generation before the next one is collected


def tune_for_batch() -> None:
    """Set the collector for a batch run (process-wide; idempotent). Called once in each
    process that loads the analysis resources for a run: the in-process engine, every
    worker and every Ray actor (a forked worker inherits its parent's setting)."""
    gc.set_threshold(YOUNG_THRESHOLD, OLDER_THRESHOLD, OLDER_THRESHOLD)
