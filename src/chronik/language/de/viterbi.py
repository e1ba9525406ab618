"""Most probable tag sequence of a sentence under HanTa's tag-trigram model.

HanTa's own sentence search walks, for every kept state, all of the model's tags and
then drops those the word cannot have; a known word has at most a handful of candidate
tags, so this search walks only those. It reads HanTa's tables and keeps its decisions
(five best states per position, a word without candidates may take any tag, the first
of equal scores wins, the END transition closes the sentence), so the tags are the same.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from chronik.memo import Memo

# HanTa's reserved tag codes and its floor for a usable log probability.
_EMPTY, _START, _END, _UNKNOWN = 0, 1, 2, 3
_FLOOR = -1e6
_UNREACHED = -float("inf")
_BEAM = 5  # states kept per position (all within 1 of the sixth best)

State = tuple[int, int]
Candidates = list[tuple[int, float]]


class SentenceViterbi:
    """Tag codes of one sentence, as HanTa's ``tag_sent_viterbi`` returns them."""

    def __init__(self, tagger: Any) -> None:
        self._tagger = tagger
        self._transitions: dict[State, dict[int, float]] = tagger.LP_trans_word
        self._rank = _shared_order(self._transitions)
        self._candidates: Memo[tuple[str, bool], Candidates | None] = Memo()

    def codes(self, words: list[str]) -> list[int]:
        transitions = self._transitions
        shared_order = self._rank is not None
        previous: dict[State, float] = {(_EMPTY, _START): 0.0}
        pointers: list[dict[State, State]] = []
        for position, word in enumerate(words):
            candidates = self._word_candidates(word, position > 0)
            bound = _beam_bound(previous)
            row: dict[State, float] = {}
            back: dict[State, State] = {}
            for state, score in previous.items():
                if score < bound:
                    continue
                options = transitions[state]
                if candidates is None:
                    step = _any_tag(options)
                elif shared_order:
                    step = candidates  # every state lists every candidate (see _shared_order)
                else:
                    step = _in_state_order(options, candidates)
                tag = state[1]
                for code, word_score in step:
                    total = score + options[code] + word_score
                    # Kept scores exceed the floor, so -inf stands for "not reached yet".
                    if total > _FLOOR:
                        new = (tag, code)
                        if total > row.get(new, _UNREACHED):
                            row[new] = total
                            back[new] = state
            pointers.append(back)
            previous = row
        return _trace_back(previous, pointers, transitions)

    def _word_candidates(self, word: str, inside: bool) -> Candidates | None:
        """The word's tags with their scores, in the model's tag order; None if it has
        none. HanTa reads capitalisation as evidence except on a sentence's first word."""
        key = (word, inside)
        try:
            return self._candidates[key]
        except KeyError:
            pass
        # Looked up here: the tagger's word analysis may be wrapped (memoised) later.
        readings = dict(
            self._tagger._tag_word(word, cutoff=5, casesensitive=inside, conditional=True)
        )
        candidates: Candidates | None
        if not readings or (len(readings) == 1 and _UNKNOWN in readings):
            candidates = None
        else:
            rank = self._rank
            if rank is None:  # kept in the word's order; each state orders them itself
                candidates = [(code, p) for code, p in readings.items() if code != _END]
            else:
                ordered = sorted((rank[code], code) for code in readings if code in rank)
                candidates = [(code, readings[code]) for _, code in ordered if code != _END]
        return self._candidates.remember(key, candidates)


def _shared_order(transitions: dict[State, dict[int, float]]) -> dict[int, int] | None:
    """Position of each tag when every state lists the following tags in one order (as
    HanTa's model does); visiting candidates in that order keeps HanTa's tie-breaking."""
    order: list[int] | None = None
    for options in transitions.values():
        keys = list(options)
        if order is None:
            order = keys
        elif keys != order:
            return None
    return {code: number for number, code in enumerate(order or [])}


def _beam_bound(row: dict[State, float]) -> float:
    if len(row) > _BEAM:
        return sorted(row.values())[-_BEAM - 1] - 1
    return _FLOOR


def _any_tag(options: dict[int, float]) -> list[tuple[int, float]]:
    """A word without candidate tags may take any tag that can follow (score 0)."""
    return [(code, 0) for code in options if code != _END]


def _in_state_order(options: dict[int, float], candidates: Candidates) -> Candidates:
    """The word's tags that can follow, in this state's order (models without one
    shared order)."""
    scores = dict(candidates)
    return [(code, scores[code]) for code in options if code in scores]


def _trace_back(
    last: dict[State, float],
    pointers: list[dict[State, State]],
    transitions: dict[State, dict[int, float]],
) -> list[int]:
    best_state: State | None = None
    best = -float("inf")
    for state, score in last.items():
        total = score + transitions[state].get(_END, -float("inf"))
        if total > best:
            best, best_state = total, state
    if best_state is None:
        raise ValueError("no tag sequence reaches the end of the sentence")
    codes = []
    state = best_state
    for back in reversed(pointers):
        codes.append(state[1])
        state = back[state]
    return codes[::-1]


_SEARCHES: WeakKeyDictionary[Any, SentenceViterbi] = WeakKeyDictionary()


def sentence_codes(tagger: Any, words: list[str]) -> list[int]:
    """HanTa tag codes of ``words`` (one sentence), with one search per HanTa tagger."""
    search = _SEARCHES.get(tagger)
    if search is None:
        search = _SEARCHES[tagger] = SentenceViterbi(tagger)
    return search.codes(words)
