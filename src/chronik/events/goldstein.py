"""Goldstein conflict-cooperation scores of CAMEO event codes (``data/goldstein.tsv``).

A four-digit code the table does not list takes its three-digit parent's score, and a
three-digit code its two-digit root's: CAMEO refines codes without changing their weight
much, and GDELT falls back the same way.
"""

from __future__ import annotations

from functools import cache

from chronik.errors import ResourceError
from chronik.events.lexicon import PACKAGE
from chronik.tables import load_table

_LOWEST, _HIGHEST = -10.0, 10.0


@cache
def goldstein_table() -> dict[str, float]:
    """CAMEO code -> Goldstein score, read and checked once per process."""
    table = load_table(PACKAGE, "goldstein.tsv")
    scores: dict[str, float] = {}
    for number, row in enumerate(table, start=2):
        code = row["cameo"]
        try:
            score = float(row["goldstein"])
        except ValueError as error:
            raise ResourceError(f"{table.name}: row {number}: score is not a number") from error
        if not (code.isdigit() and 2 <= len(code) <= 4) or not _LOWEST <= score <= _HIGHEST:
            raise ResourceError(f"{table.name}: row {number}: bad code {code!r} or score")
        if code in scores:
            raise ResourceError(f"{table.name}: row {number}: code {code} listed twice")
        scores[code] = score
    return scores


def goldstein_score(cameo: str | None) -> float | None:
    """The score of a CAMEO code or of its nearest listed parent; None when unmapped."""
    if not cameo:
        return None
    scores = goldstein_table()
    for length in range(len(cameo), 1, -1):
        found = scores.get(cameo[:length])
        if found is not None:
            return found
    return None
