"""Morphological analysis of one German word form with HanTa's trained model, done faster.

HanTa reads a word as a path of morphemes: a hidden Markov model over morpheme tags whose
states are pairs of tags, scored by the tag-to-tag transitions and by how likely each
segment of the word is as a morpheme of a tag. A segment HanTa has seen has a stored
score; an unseen one, for the few open classes, is guessed from its last letters, its
length and the tag's share of rare morphemes (with a penalty when the segment is the whole
word). Two searches run over the word's positions, both continuing only the states close
to the best ones at each position: one scores each part of speech (``tag_scores``), the
other finds the best path to a given part of speech (``best_path``), from which HanTa
builds the lemma.

HanTa scores a segment anew for every state and every following tag, thousands of times
per word. Here a segment's scores for all tags are worked out once (``MorphemeScores``),
and a search step visits only the tags the segment can have (for an unseen segment, the
open tags). States and tags are still entered in HanTa's order and the same numbers are
added in the same order, so the scores, ties and paths are HanTa's own;
``tests/language/test_morphology.py`` checks that against HanTa.
"""

from __future__ import annotations

import math
from itertools import repeat
from operator import add, sub
from typing import Any

from numpy import logaddexp

from chronik.memo import Memo

# HanTa's fixed tag codes: a path starts in (EMPTY, START); a word with no analysis is
# one UNKNOWN morpheme ending in END_UNKNOWN.
EMPTY, START, UNKNOWN, END_UNKNOWN = 0, 1, 3, -3
START_STATE = (EMPTY, START)
# Scores at or below this are impossible (HanTa's bound).
LOWER_BOUND = -1e6
# At each position, states scoring below the fourth best minus one are not continued.
KEPT_RANK = 3
KEPT_MARGIN = 1
# An unseen morpheme's length class is capped; its ending is read up to four letters.
MAX_LENGTH_CLASS = 24
ENDING_LETTERS = 4
# Guessing the whole word as one unseen morpheme is discouraged.
WHOLE_WORD_PENALTY = 4.6
# Scores that recur across words are kept, and the segment rows of recent words (a
# word's lemma search follows its tag search within the sentence); bounded memory.
MAX_REMEMBERED = 50_000
MAX_RECENT_ROWS = 5_000
# A state with more steps than this visits a segment's tags instead of its own steps.
MANY_STEPS = 16

NEG_INF = -math.inf

State = tuple[int, int]
Step = tuple[int, float, State]  # following tag (or open-tag index), its score, new state
Scores = dict[int, float]  # tag → score of a segment as a morpheme of that tag
OpenScores = tuple[float, ...]  # score of an unseen segment per open tag
Stored = tuple[int, Scores]  # end of a segment HanTa has seen, its scores
Guessed = tuple[int, OpenScores]  # end of an unseen segment, its open-tag scores
Segments = tuple[list[Stored], list[Guessed]]  # all segments from one position


class Steps:
    """The transitions out of one state, arranged for the search's inner loop."""

    __slots__ = ("all", "by_tag", "open")

    def __init__(
        self, steps: tuple[Step, ...], open_index: dict[int, int], rank: dict[int, int]
    ) -> None:
        self.all = steps
        # The steps to open tags, by the tag's index in an unseen segment's scores.
        self.open = tuple(
            (open_index[tag], score, new) for tag, score, new in steps if tag in open_index
        )
        # A state with many steps visits a segment's tags (kept in rank order) instead:
        # the same order, if its own steps are in rank order.
        ranks = [rank[tag] for tag, _, _ in steps]
        in_order = ranks == sorted(ranks)
        self.by_tag: dict[int, tuple[float, State]] | None = (
            {tag: (score, new) for tag, score, new in steps}
            if len(steps) > MANY_STEPS and in_order
            else None
        )


class MorphemeScores:
    """How likely each segment of a word is as a morpheme of each tag (HanTa's ``lp_m_t``
    for all tags at once)."""

    def __init__(self, tagger: Any, rank: dict[int, int]) -> None:
        self._rank = rank
        # Every stored score, also the impossible ones: those still rule out a guess.
        self._stored: dict[str, dict[int, float]] = {}
        for tag, morphemes in tagger.LP_m_t.items():
            for morpheme, score in morphemes.items():
                self._stored.setdefault(morpheme, {})[tag] = score
        self.possible: dict[str, Scores] = {}
        for morpheme, scores in self._stored.items():
            finite = self._ranked((tag, score) for tag, score in scores.items())
            if finite:
                self.possible[morpheme] = finite
        self.open_tags = [
            tag for tag in tagger.LP_hapax_t if tag in tagger.LP_s_t and tag in tagger.LP_m_t
        ]
        # Per length class and open tag: intercept + rare-morpheme share + length score,
        # summed in HanTa's order so that the floats agree.
        by_tag = [
            [tagger.Int_t + tagger.LP_hapax_t[tag] + score for score in tagger.LP_len_t[tag]]
            for tag in self.open_tags
        ]
        self._by_length = [
            tuple(scores[length] for scores in by_tag) for length in range(MAX_LENGTH_CLASS + 1)
        ]
        self._ending_tables: list[dict[str, float]] = [tagger.LP_s_t[tag] for tag in self.open_tags]
        # Any tag's longest known tail of an ending is a tail of the longest tail any tag
        # knows, so that one tail decides the ending scores of all tags.
        self._tails = frozenset().union(*self._ending_tables)
        # Guesses by longest known tail and length class (a bounded number of each).
        self._guesses: dict[str, list[OpenScores | None]] = {}
        self._by_tail: dict[str, tuple[float, ...]] = {}
        self._last: tuple[str, list[list[OpenScores | None]]] = ("", [])
        self._merged: Memo[tuple[str, bool], Scores] = Memo(MAX_REMEMBERED)

    def _ranked(self, items: Any) -> Scores:
        """The possible scores, in tag rank order."""
        finite = [(tag, score) for tag, score in items if score > NEG_INF]
        finite.sort(key=lambda item: self._rank[item[0]])
        return dict(finite)

    def row(self, word: str, start: int, guess: bool) -> Segments:
        """Scores of ``word[start:end]`` for every end, stored segments apart from unseen
        ones. Unseen segments are guessed only with ``guess``."""
        length = len(word)
        possible = self.possible
        stored: list[Stored] = []
        guessed: list[Guessed] = []
        if not guess:
            for end in range(start + 1, length + 1):
                scores = possible.get(word[start:end])
                if scores is not None:
                    stored.append((end, scores))
            return stored, guessed
        known = self._stored
        # Unseen segments of one or two letters are guessed only in short words.
        shortest = 1 if length < 4 else 3
        by_end = self._guesses_by_end(word)
        for end in range(start + 1, length + 1):
            size = end - start
            segment = word[start:end]
            if size < shortest:
                scores = possible.get(segment)
                if scores is not None:
                    stored.append((end, scores))
                continue
            whole_word = size == length
            if segment in known:
                scores = self._with_guesses(segment, whole_word)
                if scores:
                    stored.append((end, scores))
            elif whole_word:
                guessed.append((end, self._guess(segment, whole_word)))
            elif size > ENDING_LETTERS:
                by_length = by_end[end]
                length_class = size if size < MAX_LENGTH_CLASS else MAX_LENGTH_CLASS
                open_scores = by_length[length_class]
                if open_scores is None:
                    open_scores = self._guess(segment, whole_word)
                guessed.append((end, open_scores))
            else:
                guessed.append((end, self._guess(segment, whole_word)))
        return stored, guessed

    def _guesses_by_end(self, word: str) -> list[list[OpenScores | None]]:
        """Per end position, the guesses by length class of the segments longer than
        the ending ending there (their guess differs only by length)."""
        last_word, last_by_end = self._last
        if word == last_word:
            return last_by_end
        by_end: list[list[OpenScores | None]] = [[]] * (len(word) + 1)
        for end in range(ENDING_LETTERS + 1, len(word) + 1):
            tail = self._longest_tail(word[end - ENDING_LETTERS : end])
            by_length = self._guesses.get(tail)
            if by_length is None:
                by_length = self._guesses[tail] = [None] * (MAX_LENGTH_CLASS + 1)
            by_end[end] = by_length
        self._last = (word, by_end)  # one assignment: safe if threads share the model
        return by_end

    def _longest_tail(self, ending: str) -> str:
        tails = self._tails
        while ending and ending not in tails:
            ending = ending[1:]
        return ending

    def _guess(self, segment: str, whole_word: bool) -> OpenScores:
        """Guessed scores of ``segment`` for each open tag."""
        size = len(segment)
        tail = self._longest_tail(
            segment[-ENDING_LETTERS:] if size > ENDING_LETTERS else segment[1:]
        )
        by_length = self._guesses.get(tail)
        if by_length is None:
            by_length = self._guesses[tail] = [None] * (MAX_LENGTH_CLASS + 1)
        length_class = min(size, MAX_LENGTH_CLASS)
        scores = by_length[length_class]
        if scores is None:
            scores = by_length[length_class] = tuple(
                map(add, self._by_length[length_class], self._ending_scores(tail))
            )
        if whole_word:
            return tuple(map(sub, scores, repeat(WHOLE_WORD_PENALTY)))
        return scores

    def _ending_scores(self, tail: str) -> tuple[float, ...]:
        """Per open tag: the score of the longest of ``tail``'s tails it has seen."""
        known = self._by_tail.get(tail)
        if known is not None:
            return known
        scores = []
        for table in self._ending_tables:
            for cut in range(len(tail)):
                if tail[cut:] in table:
                    scores.append(table[tail[cut:]])
                    break
            else:
                scores.append(table[""])
        known = self._by_tail[tail] = tuple(scores)
        return known

    def _with_guesses(self, segment: str, whole_word: bool) -> Scores:
        """A seen segment's scores, with guesses for the open tags it was not seen with
        (an impossible stored score is not replaced by a guess)."""
        key = (segment, whole_word)
        scores = self._merged.get(key)
        if scores is None:
            stored = self._stored[segment]
            guesses = zip(self.open_tags, self._guess(segment, whole_word), strict=True)
            scores = self._ranked(
                [(tag, score) for tag, score in guesses if tag not in stored] + list(stored.items())
            )
            self._merged.remember(key, scores)
        return scores


class MorphologyModel:
    """HanTa's two searches over one word, with its model's tables."""

    def __init__(self, tagger: Any) -> None:
        self._strict: bool = tagger.strict
        start_tags = [tag for tag, _ in tagger.LP_trans_nonfinal.get(START_STATE, ())]
        other_tags = sorted(set(tagger.int2tag) - set(start_tags))
        rank = {tag: number for number, tag in enumerate(start_tags + other_tags)}
        self._segments = MorphemeScores(tagger, rank)
        self._open_index = {tag: number for number, tag in enumerate(self._segments.open_tags)}
        self._rank = rank
        self._steps: dict[State, Steps] = {
            state: self._arranged(tuple((tag, score, (state[1], tag)) for tag, score in followers))
            for state, followers in tagger.LP_trans_nonfinal.items()
            if followers
        }
        self._final_steps: dict[State, tuple[Step, ...]] = {
            state: tuple((tag, score, (state[1], tag)) for tag, score in followers)
            for state, followers in tagger.LP_trans_final.items()
        }
        self._final_score: dict[State, dict[int, float]] = {
            state: dict(followers) for state, followers in tagger.LP_trans_final.items()
        }
        self._reachability: dict[int, frozenset[int]] = tagger.reachability
        self._steps_towards: dict[tuple[State, int], Steps | None] = {}
        self._recent_rows: Memo[tuple[str, int, bool], Segments] = Memo(MAX_RECENT_ROWS)

    def _arranged(self, steps: tuple[Step, ...]) -> Steps:
        return Steps(steps, self._open_index, self._rank)

    def _row(self, word: str, start: int, guess: bool) -> Segments:
        key = (word, start, guess)
        row = self._recent_rows.get(key)
        if row is None:
            row = self._segments.row(word, start, guess)
            self._recent_rows.remember(key, row)
        return row

    def _towards(self, state: State, target: int) -> Steps | None:
        """The steps from ``state`` to tags from which ``target`` can still be reached."""
        key = (state, target)
        if key not in self._steps_towards:
            reachable = self._reachability.get(target, frozenset())
            steps = self._steps.get(state)
            kept = tuple(step for step in steps.all if step[0] in reachable) if steps else ()
            self._steps_towards[key] = self._arranged(kept) if kept else None
        return self._steps_towards[key]

    def tag_scores(self, word: str) -> list[tuple[int, float]]:
        """Part-of-speech codes of ``word`` (HanTa's final tags, made positive) with their
        log scores, best first; the same as HanTa's ``analyze_forward``."""
        length = len(word)
        table = self._search(word, self._steps.get, not self._strict, None)
        last = table[-1]
        for state, score in table[length].items():
            for _, step_score, new in self._final_steps.get(state, ()):
                total = score + step_score
                if total > LOWER_BOUND and total > last.get(new, NEG_INF):
                    last[new] = total
        results: dict[int, Any] = {}
        for state, score in last.items():
            pos = -state[1]
            results[pos] = logaddexp(results[pos], score) if pos in results else score
        ranked = sorted(results.items(), key=lambda item: item[1], reverse=True)
        return ranked or [(UNKNOWN, 0)]

    def best_path(self, word: str, target: int) -> list[tuple[int, int]]:
        """The best morpheme path of ``word`` ending in final tag ``target``, as (tag, end
        offset) pairs; the same as HanTa's ``analyze_viterbi``. Seen morphemes only are
        tried first, unseen ones only when those give no path."""
        length = len(word)

        def steps_of(state: State) -> Steps | None:
            return self._towards(state, target)

        for guess in (False, True):
            back: list[dict[State, tuple[State, int]]] = [{} for _ in range(length + 2)]
            table = self._search(word, steps_of, guess, back)
            last, pointers = table[-1], back[-1]
            for state, score in table[length].items():
                step_score = self._final_score.get(state, {}).get(target)
                if step_score is None:
                    continue
                total = score + step_score
                if total > LOWER_BOUND and total > last.get((state[1], target), NEG_INF):
                    last[(state[1], target)] = total
                    pointers[(state[1], target)] = (state, length)
            if last:
                break
        best_score = NEG_INF
        best: State = (EMPTY, EMPTY)
        for state, score in last.items():
            if score > best_score:
                best_score, best = score, state
        position = length + 1
        if best == (EMPTY, EMPTY):
            return [(UNKNOWN, length), (END_UNKNOWN, length + 1)]
        path = [(best[1], position)]
        state = best
        while True:
            state, position = back[position][state]
            if position == 0:
                break
            path.append((state[1], position))
        path.reverse()
        return path

    def _search(
        self,
        word: str,
        steps_of: Any,
        guess: bool,
        back: list[dict[State, tuple[State, int]]] | None,
    ) -> list[dict[State, float]]:
        """The table of best scores per position and state, up to the word's end (before
        the final step); with ``back``, where each state's best score came from.

        Each segment end is its own cell, so stored segments can go before unseen ones;
        within a cell, states are entered in HanTa's order (a state's place in a cell
        decides ties later)."""
        length = len(word)
        table: list[dict[State, float]] = [{START_STATE: 0}] + [{} for _ in range(length + 1)]
        for start in range(length):
            row = table[start]
            if len(row) > KEPT_RANK:
                bound = sorted(row.values(), reverse=True)[KEPT_RANK] - KEPT_MARGIN
            else:
                bound = LOWER_BOUND
            segments: Segments | None = None
            for state, score in row.items():
                if score < bound:
                    continue
                steps = steps_of(state)
                if steps is None:
                    continue
                if segments is None:
                    segments = self._row(word, start, guess)
                stored, guessed = segments
                came_from = (state, start)
                if stored:
                    by_tag = steps.by_tag
                    if by_tag is None:
                        from_here = [(tag, score + lp, new) for tag, lp, new in steps.all]
                        for end, scores in stored:
                            cell = table[end]
                            for tag, base, new in from_here:
                                morpheme_score = scores.get(tag)
                                if morpheme_score is None:
                                    continue
                                total = base + morpheme_score
                                if total > LOWER_BOUND and total > cell.get(new, NEG_INF):
                                    cell[new] = total
                                    if back is not None:
                                        back[end][new] = came_from
                    else:
                        for end, scores in stored:
                            cell = table[end]
                            for tag, morpheme_score in scores.items():
                                step = by_tag.get(tag)
                                if step is None:
                                    continue
                                total = score + step[0] + morpheme_score
                                new = step[1]
                                if total > LOWER_BOUND and total > cell.get(new, NEG_INF):
                                    cell[new] = total
                                    if back is not None:
                                        back[end][new] = came_from
                if guessed and steps.open:
                    from_here = [(number, score + lp, new) for number, lp, new in steps.open]
                    for end, open_scores in guessed:
                        cell = table[end]
                        for number, base, new in from_here:
                            total = base + open_scores[number]
                            if total > LOWER_BOUND and total > cell.get(new, NEG_INF):
                                cell[new] = total
                                if back is not None:
                                    back[end][new] = came_from
        return table
