"""How analysis cost grows with article length: typical articles analysed one by one,
four at a time and sixteen at a time (concatenated, paragraphs apart).

The same texts go through every length, so the total words are equal and
``time(16×) / (16 · time(1×))`` is the total time of the long documents over the total
time of the single articles: 1.0 is linear, more is worse than linear. Times are CPU time
of this process, after one untimed pass over the texts (see ``length_growth``).
"""

from __future__ import annotations

import statistics
import time

from chronik.pipeline import analyze
from chronik.resources import Resources

FACTORS = (1, 4, 16)


def typical(texts: list[str], count: int) -> list[str]:
    """The ``count`` texts whose word counts are nearest the median, in corpus order."""
    median = statistics.median(len(text.split()) for text in texts)
    nearest = sorted(range(len(texts)), key=lambda n: abs(len(texts[n].split()) - median))
    return [texts[n] for n in sorted(nearest[:count])]


def length_growth(texts: list[str], resources: Resources, groups: int = 2) -> dict[str, float]:
    """Seconds per document at each length in FACTORS, and the ratios to 1×.

    ``groups`` sets of sixteen typical articles are used (fewer if ``texts`` is short;
    with fewer than sixteen texts, as in a smoke test, they are repeated).
    """
    largest = FACTORS[-1]
    groups = max(1, min(groups, len(texts) // largest))
    chosen = typical(texts, groups * largest)
    chosen = [chosen[n % len(chosen)] for n in range(groups * largest)]
    # Every text is analysed once first: the tagger's per-word caches are then equally
    # warm for every length, and what is left to compare is how the work grows.
    for text in chosen:
        analyze(text, resources=resources)
    totals = dict.fromkeys(FACTORS, 0.0)
    documents = dict.fromkeys(FACTORS, 0)
    for group in range(groups):
        articles = chosen[group * largest : (group + 1) * largest]
        for factor in FACTORS:
            for first in range(0, len(articles), factor):
                document = "\n\n".join(articles[first : first + factor])
                started = time.process_time()
                analyze(document, resources=resources)
                totals[factor] += time.process_time() - started
                documents[factor] += 1
    result: dict[str, float] = {"articles": float(len(chosen))}
    result["words_per_article"] = sum(len(text.split()) for text in chosen) / len(chosen)
    for factor in FACTORS:
        result[f"seconds_per_document_{factor}x"] = totals[factor] / documents[factor]
        result[f"ratio_{factor}x"] = totals[factor] / totals[1]
    return result
