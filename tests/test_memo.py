"""The bounded per-word memo: it forgets its older half when full, never more."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chronik.memo import Memo


def test_memo_forgets_the_older_half_when_full() -> None:
    memo: Memo[str, int] = Memo(limit=4)
    for number, word in enumerate(["a", "b", "c", "d"]):
        assert memo.remember(word, number) == number
    memo.remember("e", 4)
    assert list(memo) == ["c", "d", "e"]  # a and b (the older half) are gone


@given(st.lists(st.text(max_size=3), max_size=60), st.integers(min_value=1, max_value=9))
def test_memo_never_exceeds_its_limit_and_keeps_the_latest(words: list[str], limit: int) -> None:
    memo: Memo[str, int] = Memo(limit)
    for number, word in enumerate(words):
        memo.remember(word, number)
        assert len(memo) <= limit
        assert memo[word] == number
