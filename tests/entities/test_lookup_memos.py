"""Per-word lookups are remembered; what callers get must not change with the memo."""

from __future__ import annotations

import pytest

from chronik.entities.names import NameIndex
from chronik.kb.knowledge_base import KnowledgeBase
from chronik.kb.roles import Roles


@pytest.fixture(scope="module")
def names() -> NameIndex:
    return NameIndex(KnowledgeBase.load())


def test_single_gives_a_fresh_list_each_time(names: NameIndex) -> None:
    first = names.single("Russland")
    assert first and first[0].type == "GPE"
    first.clear()  # a caller filtering its list in place must not empty the memo
    assert names.single("Russland")[0].type == "GPE"
    assert names.single("Russlands") == names._single_readings("Russlands")


def test_longest_answers_for_words_that_start_no_name(names: NameIndex) -> None:
    words = ["gestern", "in", "den", "Vereinigte", "Staaten"]
    assert "gestern" not in names.first_words()
    assert names.longest(words, 0) is None
    assert names.longest(words, 9) is None
    match = names.longest(words, 3)
    assert match is not None and (match.start, match.end) == (3, 5)


def test_roles_memo_stays_within_its_limit() -> None:
    roles = Roles(list(Roles.load()))
    roles._matches.limit = 2
    for word in ["Außenminister", "Haus", "Ex-Verteidigungsminister", "Haus", "Präsidentin"]:
        assert roles.match(word) == roles._read(word)
    assert len(roles._matches) <= 2
