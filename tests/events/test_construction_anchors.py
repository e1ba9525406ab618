"""Constructions are looked up under one anchor lemma and ruled out cheaply when a clause
lacks a part; neither may lose a construction the full match would find."""

from __future__ import annotations

import random

from chronik.events.lexicon import EventLexicon, fold


def _clause_for(pattern, chooser: random.Random) -> list[str]:  # type: ignore[no-untyped-def]
    """Folded lemmas of a clause the pattern matches: one alternative per part, in order."""
    return [chooser.choice(sorted(part)) for group in pattern.groups for part in group.parts]


def test_every_matching_construction_is_anchored_in_its_clause() -> None:
    lexicon = EventLexicon.load()
    chooser = random.Random(11)
    for construction in lexicon.constructions():
        pattern = construction.pattern
        for _ in range(5):
            keys = _clause_for(pattern, chooser)
            present = set(keys)
            assert pattern.match_folded(keys) is not None, construction.trigger
            assert pattern.possible_in(present)
            anchored = {c for key in present for c in lexicon.anchored_constructions(key)}
            assert construction in anchored, construction.trigger


def test_anchors_are_the_rarer_words() -> None:
    lexicon = EventLexicon.load()
    [guest] = [c for c in lexicon.constructions() if c.pattern.text == "[zu Gast] sein"]
    assert guest in lexicon.anchored_constructions(fold("Gast"))
    assert guest not in lexicon.anchored_constructions(fold("sein"))


def test_a_clause_without_a_part_is_ruled_out() -> None:
    lexicon = EventLexicon.load()
    [guest] = [c for c in lexicon.constructions() if c.pattern.text == "[zu Gast] sein"]
    assert not guest.pattern.possible_in({"gast", "sein"})
    assert guest.pattern.match_folded(["gast", "sein"]) is None


def test_contexts_are_remembered_without_changing_them() -> None:
    lexicon = EventLexicon.load()
    words = ["Rüstungsexport", "Wahl", "Stichwahl", "Auswahl", "Haus"]
    first = [lexicon.context_of(word) for word in words]
    assert [lexicon.context_of(word) for word in words] == first
    assert lexicon._context_of("Stichwahl") == first[2]
