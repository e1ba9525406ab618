from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chronik.structure.paragraphs import split_units

ALPHABET = st.sampled_from([*'ab Ä.,:\n\r\t \u2028\u00a0"„“', "\r\n"])


@given(st.lists(ALPHABET, max_size=300).map("".join))
def test_paragraphs_units_index_the_text_in_order(text: str) -> None:
    units = split_units(text)
    previous_end = 0
    for unit in units:
        assert text[unit.start : unit.end] == unit.text
        assert unit.text == unit.text.strip()
        assert unit.text
        assert unit.start >= previous_end
        previous_end = unit.end


def test_paragraphs_blank_lines_separate_blocks() -> None:
    units = split_units("Eins\nZwei\n\nDrei")
    assert [(u.text, u.block) for u in units] == [("Eins", 0), ("Zwei", 0), ("Drei", 1)]


def test_paragraphs_lowercase_continuation_is_joined() -> None:
    units = split_units("Ein Satz, der über das Zeilenende hinaus\ngeht und hier endet.")
    assert len(units) == 1
