"""Most probable tag sequence of a sentence under HanTa's tag-trigram model.

HanTa's own sentence search walks, for every kept state, all of the model's tags and
then drops those the word cannot have; a known word has at most a handful of candidate
tags, so this search walks only those. It reads HanTa's tables and keeps its decisions
(five best states per position, a word without candidates may take any tag, the first
of equal scores wins, the END transition closes the sentence), so the tags are the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from weakref import WeakKeyDictionary

from chronik.memo import Memo

# HanTa's reserved tag codes and its floor for a usable log probability.
_EMPTY, _START, _END, _UNKNOWN = 0, 1, 2, 3
_FLOOR = -1e6
_UNREACHED = -float("inf")
_BEAM = 5  # states kept per position (all within 1 of the sixth best)

State = tuple[int, int]
Candidates = Sequence[tuple[int, float]]


class SentenceViterbi:
    """Tag codes of one sentence, as HanTa's ``tag_sent_viterbi`` returns them."""

    def __init__(self, tagger: Any) -> None:
        self._tagger = tagger
        transitions: dict[State, dict[int, float]] = tagger.LP_trans_word
        self._rank = _shared_order(transitions)
        self._candidates: Memo[tuple[str, bool], Candidates | None] = Memo()
        # States are numbered (a small integer is a cheaper key than a pair); per state,
        # its transition scores and, per following tag, the score and the new state.
        self._states: list[State] = list(transitions)
        number = {state: index for index, state in enumerate(self._states)}
        self._start = number[(_EMPTY, _START)]
        self._options = [transitions[state] for state in self._states]
        self._moves = [
            {
                code: (score, number[(state[1], code)])
                for code, score in transitions[state].items()
                if (state[1], code) in number
            }
            for state in self._states
        ]

    def codes(self, words: list[str]) -> list[int]:
        shared_order = self._rank is not None
        all_options, all_moves = self._options, self._moves
        previous: dict[int, float] = {self._start: 0.0}
        pointers: list[dict[int, int]] = []
        for position, word in enumerate(words):
            candidates = self._word_candidates(word, position > 0)
            bound = _beam_bound(previous)
            row: dict[int, float] = {}
            back: dict[int, int] = {}
            for state, score in previous.items():
                if score < bound:
                    continue
                moves = all_moves[state]
                if candidates is None:
                    step = _any_tag(all_options[state])
                elif shared_order:
                    step = candidates  # every state lists every candidate (see _shared_order)
                else:
                    step = _in_state_order(all_options[state], candidates)
                for code, word_score in step:
                    transition, new = moves[code]
                    total = score + transition + word_score
                    # Kept scores exceed the floor, so -inf stands for "not reached yet".
                    if total > _FLOOR and total > row.get(new, _UNREACHED):
                        row[new] = total
                        back[new] = state
            pointers.append(back)
            previous = row
        return _trace_back(previous, pointers, self._options, self._states)

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
            # A tuple: remembered for long, and untracked by the garbage collector.
            if rank is None:  # kept in the word's order; each state orders them itself
                candidates = tuple((code, p) for code, p in readings.items() if code != _END)
            else:
                ordered = sorted((rank[code], code) for code in readings if code in rank)
                candidates = tuple((code, readings[code]) for _, code in ordered if code != _END)
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


def _beam_bound(row: dict[int, float]) -> float:
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
    last: dict[int, float],
    pointers: list[dict[int, int]],
    options: list[dict[int, float]],
    states: list[State],
) -> list[int]:
    best_state: int | None = None
    best = -float("inf")
    for state, score in last.items():
        total = score + options[state].get(_END, -float("inf"))
        if total > best:
            best, best_state = total, state
    if best_state is None:
        raise ValueError("no tag sequence reaches the end of the sentence")
    codes = []
    state = best_state
    for back in reversed(pointers):
        codes.append(states[state][1])
        state = back[state]
    return codes[::-1]


_SEARCHES: WeakKeyDictionary[Any, SentenceViterbi] = WeakKeyDictionary()


def sentence_codes(tagger: Any, words: list[str]) -> list[int]:
    """HanTa tag codes of ``words`` (one sentence), with one search per HanTa tagger."""
    search = _SEARCHES.get(tagger)
    if search is None:
        search = _SEARCHES[tagger] = SentenceViterbi(tagger)
    return search.codes(words)
