from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronik.events.dates import find_dates

PUBLISHED = dt.date(2021, 10, 19)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("am Dienstag", "2021-10-19", "day"),
        ("am Montagabend", "2021-10-18", "day"),
        ("am Sonntag", "2021-10-17", "day"),
        ("gestern", "2021-10-18", "day"),
        ("Gestern traf er ein", "2021-10-18", "day"),
        ("am 13. April", "2021-04-13", "day"),
        ("am 3. Dezember 2020", "2020-12-03", "day"),
        ("am 28. Dezember", "2020-12-28", "day"),
        ("13.04.2021", "2021-04-13", "day"),
        ("Mitte Oktober", "2021-10", "month"),
        ("im Mai", "2021-05", "month"),
        ("im Jänner", "2021-01", "month"),
        ("im Jahr 2019", "2019", "year"),
    ],
)
def test_dates_resolved_against_publication(text: str, value: str, precision: str) -> None:
    best = find_dates(text, PUBLISHED)[0]
    assert (best.value, best.precision) == (value, precision)


@pytest.mark.parametrize("text", ["die Regierung", "am Morgen", "Die Delegation kam."])
def test_dates_no_false_dates(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


@given(st.text(max_size=200))
def test_dates_never_fail_and_offsets_index_the_text(text: str) -> None:
    for found in find_dates(text, PUBLISHED):
        assert text[found.start : found.end].strip() == found.text.strip()
