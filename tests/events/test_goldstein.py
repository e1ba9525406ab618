"""The Goldstein table of CAMEO codes and its parent-code fallback."""

from __future__ import annotations

import pytest

from chronik.events.goldstein import goldstein_score, goldstein_table
from chronik.events.lexicon import EventLexicon


def test_goldstein_table_covers_every_root_and_stays_on_the_scale() -> None:
    table = goldstein_table()
    assert {f"{root:02d}" for root in range(1, 21)} <= set(table)
    assert all(-10.0 <= score <= 10.0 for score in table.values())
    # Cooperation roots (01-08) score at or above zero, conflict roots (09-20) below.
    assert all(table[f"{root:02d}"] >= 0 for root in range(1, 9))
    assert all(table[f"{root:02d}"] < 0 for root in range(9, 21))


@pytest.mark.parametrize(
    ("cameo", "score"),
    [
        ("042", 1.9),  # make a visit
        ("057", 8.0),  # sign formal agreement
        ("163", -8.0),  # impose embargo or sanctions
        ("1711", -9.2),  # four-digit code: its parent 171
        ("0862", 9.0),  # four-digit code: its parent 086
        ("20", -10.0),
    ],
)
def test_goldstein_score_of_code_or_parent(cameo: str, score: float) -> None:
    assert goldstein_score(cameo) == score


@pytest.mark.parametrize("cameo", [None, "", "99", "9"])
def test_goldstein_score_unmapped(cameo: str | None) -> None:
    assert goldstein_score(cameo) is None


def test_every_lexicon_cameo_code_has_a_score() -> None:
    codes = {t.cameo for t in EventLexicon.load().triggers if t.cameo}
    assert [code for code in sorted(codes) if goldstein_score(code) is None] == []
