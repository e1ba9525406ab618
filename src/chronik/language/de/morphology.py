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
as one of a few thousand tag sets with a score per tag; which of a state's steps a tag
set allows is worked out once per state and set (``Steps.matches``), so a search step
visits only the tags the state and the segment share (for an unseen segment, the open
tags). The segments from one position depend only on the rest of the word, so they are
listed once for all words that end alike. States are numbered, so a cell of the search
is a dict keyed by small integers. States and tags are still entered in HanTa's order
and the same numbers are added in the same order, so the scores, ties and paths are
HanTa's own; ``tests/language/test_morphology.py`` checks that against HanTa.
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
# Guesses of short unseen segments recur across words, and so do the segments from a
# position (words ending alike; a word's lemma search after its tag search); bounded.
MAX_REMEMBERED = 50_000
MAX_ROWS = 20_000
# In a word this short, unseen segments of one or two letters are guessed too.
SHORT_WORD = 4

NEG_INF = -math.inf
UNSEEN = object()  # a segment HanTa has not seen as a morpheme of any tag

State = tuple[int, int]
Step = tuple[int, float, int]  # following tag (or open-tag index), its score, new state
# A seen segment's scores: the number of its tag set and a score per tag of the set.
Scores = tuple[int, tuple[float, ...]]
OpenScores = tuple[float, ...]  # score of an unseen segment per open tag
Stored = tuple[int, int, tuple[float, ...]]  # a seen segment's length, its Scores
Guessed = tuple[int, OpenScores]  # an unseen segment's length, its open-tag scores
# All segments from one position (tuples: a remembered row is not the garbage collector's
# concern).
Segments = tuple[tuple[Stored, ...], tuple[Guessed, ...]]
Match = tuple[int, float, int]  # a tag's place in a tag set, the step's score, new state


class TagSets:
    """Numbers for the sets of tags (in rank order) a segment can be scored for."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[int, ...], int] = {}
        # Per set: each tag's place in it.
        self.places: list[dict[int, int]] = []

    def scores(self, ranked: dict[int, float]) -> Scores:
        tags = tuple(ranked)
        number = self._numbers.get(tags)
        if number is None:
            number = self._numbers[tags] = len(self.places)
            self.places.append({tag: place for place, tag in enumerate(tags)})
        return number, tuple(ranked.values())


class Steps:
    """The transitions out of one state, arranged for the search's inner loop."""

    __slots__ = ("all", "by_tag", "matches", "open", "tag_sets")

    def __init__(self, steps: tuple[Step, ...], open_index: dict[int, int], sets: TagSets) -> None:
        self.all = steps
        self.by_tag = {tag: (order, score, new) for order, (tag, score, new) in enumerate(steps)}
        # The steps to open tags, by the tag's index in an unseen segment's scores.
        self.open = tuple(
            (open_index[tag], score, new) for tag, score, new in steps if tag in open_index
        )
        self.tag_sets = sets
        # Per tag set: the steps to its tags, in step order (HanTa's).
        self.matches: dict[int, tuple[Match, ...]] = {}

    def match(self, number: int) -> tuple[Match, ...]:
        """The steps into tag set ``number``: each tag's place in the set, the step's
        score and the new state."""
        places = self.tag_sets.places[number]
        if len(places) < len(self.all):  # the smaller side is walked
            by_tag = self.by_tag
            ordered = sorted(
                (*by_tag[tag], place) for tag, place in places.items() if tag in by_tag
            )
            found = tuple((place, score, new) for _, score, new, place in ordered)
        else:
            found = tuple(
                (places[tag], score, new) for tag, score, new in self.all if tag in places
            )
        self.matches[number] = found
        return found


class MorphemeScores:
    """How likely each segment of a word is as a morpheme of each tag (HanTa's ``lp_m_t``
    for all tags at once)."""

    def __init__(self, tagger: Any, rank: dict[int, int], sets: TagSets) -> None:
        self._rank = rank
        self._sets = sets
        # Every stored score, also the impossible ones: those still rule out a guess.
        self._stored: dict[str, dict[int, float]] = {}
        for tag, morphemes in tagger.LP_m_t.items():
            for morpheme, score in morphemes.items():
                self._stored.setdefault(morpheme, {})[tag] = score
        # A seen segment's length and its Scores (as a row lists it), if it can be a
        # morpheme at all.
        self.possible: dict[str, Stored] = {}
        for morpheme, scores in self._stored.items():
            finite = self._ranked(scores.items())
            if finite:
                self.possible[morpheme] = (len(morpheme), *sets.scores(finite))
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
        self._last: tuple[str, list[list[Guessed | None]]] = ("", [])
        # Guesses of unseen segments longer than an ending (up to the last length class),
        # by the longest known tail of their ending and by length, as rows list them.
        self._long_guesses: dict[str, list[Guessed | None]] = {}
        self._by_ending: Memo[str, list[Guessed | None]] = Memo(MAX_REMEMBERED)
        self._short_guesses: Memo[str, Guessed] = Memo(MAX_REMEMBERED)
        # A seen segment inside a word, with guesses for the other open tags, as a row
        # lists it (None until needed; () if it cannot be a morpheme).
        self._merged: dict[str, Stored | tuple[()] | None] = dict.fromkeys(self._stored)
        # Rows by the rest of the word: stored segments only; with guesses inside a word;
        # with guesses from a word's start or in a short word.
        self._rows: tuple[Memo[Any, Segments], ...] = tuple(Memo(MAX_ROWS) for _ in range(3))

    def _ranked(self, items: Any) -> dict[int, float]:
        """The possible scores, in tag rank order."""
        rank = self._rank
        finite = [(rank[tag], tag, score) for tag, score in items if score > NEG_INF]
        finite.sort()  # ranks differ, so only they are compared
        return {tag: score for _, tag, score in finite}

    def row(self, word: str, start: int, guess: bool) -> Segments:
        """Scores of ``word[start:end]`` for every end (as its offset from ``start``),
        stored segments apart from unseen ones. Unseen segments are guessed only with
        ``guess``. A row depends only on the rest of the word from ``start`` (and, with
        guesses, on whether that is the whole word and whether the word is short), so
        rows are shared between words."""
        rest = word[start:] if start else word
        key: str | tuple[str, bool, bool] = rest
        if not guess:
            rows = self._rows[0]
        elif start and len(word) >= SHORT_WORD:
            rows = self._rows[1]
        else:
            rows = self._rows[2]
            key = (rest, not start, len(word) < SHORT_WORD)
        row = rows.get(key)
        if row is None:
            row = rows.remember(key, self._row(word, start, guess))
        return row

    def _row(self, word: str, start: int, guess: bool) -> Segments:
        length = len(word)
        possible = self.possible
        stored: list[Stored] = []
        guessed: list[Guessed] = []
        if not guess:
            for end in range(start + 1, length + 1):
                entry = possible.get(word[start:end])
                if entry is not None:
                    stored.append(entry)
            return tuple(stored), ()
        # Unseen segments of one or two letters are guessed only in short words.
        first_guess = start + (1 if length < SHORT_WORD else 3)
        for end in range(start + 1, min(first_guess, length + 1)):
            entry = possible.get(word[start:end])
            if entry is not None:
                stored.append(entry)
        if first_guess > length:
            return tuple(stored), ()
        merged = self._merged
        short_guesses = self._short_guesses
        by_end = self._guesses_by_end(word)
        last_end = length if start else length - 1  # the whole word is scored apart
        longest_short = start + ENDING_LETTERS
        for end in range(first_guess, last_end + 1):
            segment = word[start:end]
            entry = merged.get(segment, UNSEEN)
            if entry is UNSEEN:
                if end > longest_short:
                    size = end - start
                    if size < MAX_LENGTH_CLASS:
                        guess_entry = by_end[end][size]
                        if guess_entry is None:
                            guess_entry = by_end[end][size] = (size, self._guess(segment, False))
                    else:
                        guess_entry = (size, self._guess(segment, False))
                else:
                    guess_entry = short_guesses.get(segment)
                    if guess_entry is None:
                        guess_entry = short_guesses.remember(
                            segment, (end - start, self._guess(segment, False))
                        )
                guessed.append(guess_entry)
            elif entry:
                stored.append(entry)
            elif entry is None:
                entry = merged[segment] = self._with_guesses(segment, False)
                if entry:
                    stored.append(entry)
        if not start:
            if word in merged:
                entry = self._with_guesses(word, True)
                if entry:
                    stored.append(entry)
            else:
                guessed.append((length, self._guess(word, True)))
        return tuple(stored), tuple(guessed)

    def _guesses_by_end(self, word: str) -> list[list[Guessed | None]]:
        """Per end position, the guesses by length of the segments longer than the
        ending ending there, up to the longest length class (their guess differs only by
        length), as rows list them."""
        last_word, last_by_end = self._last
        if word == last_word:
            return last_by_end
        by_end: list[list[Guessed | None]] = [[]] * (len(word) + 1)
        by_ending = self._by_ending
        for end in range(ENDING_LETTERS + 1, len(word) + 1):
            ending = word[end - ENDING_LETTERS : end]
            by_length = by_ending.get(ending)
            if by_length is None:
                tail = self._longest_tail(ending)
                by_length = self._long_guesses.get(tail)
                if by_length is None:
                    by_length = self._long_guesses[tail] = [None] * MAX_LENGTH_CLASS
                by_ending.remember(ending, by_length)
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

    def _with_guesses(self, segment: str, whole_word: bool) -> Stored | tuple[()]:
        """A seen segment's scores, with guesses for the open tags it was not seen with
        (an impossible stored score is not replaced by a guess); () if none is possible."""
        stored = self._stored[segment]
        guesses = zip(self.open_tags, self._guess(segment, whole_word), strict=True)
        scores = self._ranked(
            [(tag, score) for tag, score in guesses if tag not in stored] + list(stored.items())
        )
        return (len(segment), *self._sets.scores(scores)) if scores else ()


class MorphologyModel:
    """HanTa's two searches over one word, with its model's tables."""

    def __init__(self, tagger: Any) -> None:
        self._strict: bool = tagger.strict
        start_tags = [tag for tag, _ in tagger.LP_trans_nonfinal.get(START_STATE, ())]
        other_tags = sorted(set(tagger.int2tag) - set(start_tags))
        rank = {tag: number for number, tag in enumerate(start_tags + other_tags)}
        self._tag_sets = TagSets()
        self._segments = MorphemeScores(tagger, rank, self._tag_sets)
        self._open_index = {tag: number for number, tag in enumerate(self._segments.open_tags)}
        # States are numbered; ``_tag_of`` is a state's second tag.
        self._numbers: dict[State, int] = {}
        self._tag_of: list[int] = []
        self._start = self._number(START_STATE)
        followers: dict[int, list[tuple[int, float, int]]] = {}
        final: dict[int, tuple[Step, ...]] = {}
        for state, steps in tagger.LP_trans_nonfinal.items():
            followers[self._number(state)] = [
                (tag, score, self._number((state[1], tag))) for tag, score in steps
            ]
        for state, steps in tagger.LP_trans_final.items():
            final[self._number(state)] = tuple(
                (tag, score, self._number((state[1], tag))) for tag, score in steps
            )
        count = len(self._tag_of)
        self._arrangements: dict[tuple[Step, ...], Steps] = {}
        self._followers = [tuple(followers.get(number, ())) for number in range(count)]
        self._steps = [self._arranged(steps) for steps in self._followers]
        self._final_steps = [final.get(number, ()) for number in range(count)]
        self._final_score = [{tag: score for tag, score, _ in steps} for steps in self._final_steps]
        self._final_state = [{tag: new for tag, _, new in steps} for steps in self._final_steps]
        self._reachability: dict[int, frozenset[int]] = tagger.reachability
        self._steps_towards: dict[int, list[Steps | None]] = {}

    def _number(self, state: State) -> int:
        number = self._numbers.get(state)
        if number is None:
            number = self._numbers[state] = len(self._tag_of)
            self._tag_of.append(state[1])
        return number

    def _arranged(self, steps: tuple[Step, ...]) -> Steps | None:
        """The steps arranged for the search; the same steps share one arrangement (and
        what it learns about tag sets), whichever target restricted them."""
        if not steps:
            return None
        arranged = self._arrangements.get(steps)
        if arranged is None:
            arranged = self._arrangements[steps] = Steps(steps, self._open_index, self._tag_sets)
        return arranged

    def _towards(self, target: int) -> list[Steps | None]:
        """Per state: the steps to tags from which ``target`` can still be reached."""
        steps = self._steps_towards.get(target)
        if steps is None:
            reachable = self._reachability.get(target, frozenset())
            steps = self._steps_towards[target] = [
                self._arranged(tuple(step for step in followers if step[0] in reachable))
                for followers in self._followers
            ]
        return steps

    def tag_scores(self, word: str) -> list[tuple[int, float]]:
        """Part-of-speech codes of ``word`` (HanTa's final tags, made positive) with their
        log scores, best first; the same as HanTa's ``analyze_forward``."""
        table = self._search(word, self._steps, not self._strict, None)
        last: dict[int, float] = {}
        final_steps = self._final_steps
        for state, score in table[len(word)].items():
            for _, step_score, new in final_steps[state]:
                total = score + step_score
                if total > LOWER_BOUND and total > last.get(new, NEG_INF):
                    last[new] = total
        results: dict[int, Any] = {}
        tag_of = self._tag_of
        for state, score in last.items():
            pos = -tag_of[state]
            results[pos] = logaddexp(results[pos], score) if pos in results else score
        ranked = sorted(results.items(), key=lambda item: item[1], reverse=True)
        return ranked or [(UNKNOWN, 0)]

    def best_path(self, word: str, target: int) -> list[tuple[int, int]]:
        """The best morpheme path of ``word`` ending in final tag ``target``, as (tag, end
        offset) pairs; the same as HanTa's ``analyze_viterbi``. Seen morphemes only are
        tried first, unseen ones only when those give no path."""
        length = len(word)
        steps = self._towards(target)
        final_score, final_state = self._final_score, self._final_state
        last: dict[int, float] = {}
        for guess in (False, True):
            back: list[dict[int, tuple[int, int]]] = [{} for _ in range(length + 2)]
            table = self._search(word, steps, guess, back)
            pointers = back[-1]
            for state, score in table[length].items():
                step_score = final_score[state].get(target)
                if step_score is None:
                    continue
                total = score + step_score
                new = final_state[state][target]
                if total > LOWER_BOUND and total > last.get(new, NEG_INF):
                    last[new] = total
                    pointers[new] = (state, length)
            if last:
                break
        if not last:
            return [(UNKNOWN, length), (END_UNKNOWN, length + 1)]
        best_score = NEG_INF
        best = -1
        for state, score in last.items():
            if score > best_score:
                best_score, best = score, state
        tag_of = self._tag_of
        position = length + 1
        path = [(tag_of[best], position)]
        state = best
        while True:
            state, position = back[position][state]
            if position == 0:
                break
            path.append((tag_of[state], position))
        path.reverse()
        return path

    def _search(
        self,
        word: str,
        steps_of: list[Steps | None],
        guess: bool,
        back: list[dict[int, tuple[int, int]]] | None,
    ) -> list[dict[int, float]]:
        """The table of best scores per position and state, up to the word's end (before
        the final step); with ``back``, where each state's best score came from.

        Each segment end is its own cell, so stored segments can go before unseen ones,
        and a state's steps to unseen segments can go tag by tag: within a cell, states
        and tags are still entered in HanTa's order (a state's place in a cell decides
        ties later)."""
        length = len(word)
        table: list[dict[int, float]] = [{self._start: 0}] + [{} for _ in range(length)]
        row_of = self._segments.row
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
                steps = steps_of[state]
                if steps is None:
                    continue
                if segments is None:
                    segments = row_of(word, start, guess)
                    cells = table[start:]
                stored, guessed = segments
                if stored:
                    matches = steps.matches
                    for size, tag_set, scores in stored:
                        found = matches.get(tag_set)
                        if found is None:
                            found = steps.match(tag_set)
                        if not found:
                            continue
                        cell = cells[size]
                        for place, step_score, new in found:
                            total = score + step_score + scores[place]
                            if total > LOWER_BOUND and total > cell.get(new, NEG_INF):
                                cell[new] = total
                                if back is not None:
                                    back[start + size][new] = (state, start)
                if guessed:
                    for number, step_score, new in steps.open:
                        base = score + step_score
                        for size, open_scores in guessed:
                            total = base + open_scores[number]
                            cell = cells[size]
                            if total > LOWER_BOUND and total > cell.get(new, NEG_INF):
                                cell[new] = total
                                if back is not None:
                                    back[start + size][new] = (state, start)
        return table
