"""HanTa part-of-speech tags (STTS) and lemmas, with results cached per word form.

HanTa's morphological analysis dominates its cost and depends only on the word (and
its case at sentence start), so both analyses it repeats per token are memoised, and
``morphology`` computes them (HanTa's results, faster). Their cost grows with the square
of a word's length, and most long words HanTa has not seen are compounds: those are
analysed by their longest known tail (see ``CompoundHeads``).
Changes here are checked with ``chronik eval tagging`` (docs/evaluation.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from chronik.language.de import known_paths
from chronik.language.de.known_paths import with_known_paths
from chronik.language.de.morphology import MorphologyModel
from chronik.language.de.viterbi import sentence_codes
from chronik.memo import Memo

# Finite verbs in STTS; other layers read clauses by them too.
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})


def _memoised(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` with its answers remembered per arguments. A list answer (HanTa's
    readings and paths) is kept as a tuple: immutable, and once its items are plain
    values the garbage collector stops tracking it, so a long run's memo does not make
    full collections more frequent."""
    memo: Memo[tuple[Any, ...], Any] = Memo()

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        # Keyword order is fixed per call site; another order only costs a second entry.
        key = (args, tuple(kwargs.items())) if kwargs else args
        try:
            return memo[key]
        except KeyError:
            answer = function(*args, **kwargs)
            return memo.remember(key, tuple(answer) if type(answer) is list else answer)

    return wrapper


def stts(tag: str) -> str:
    """HanTa writes ``VV(FIN)``, ``ADJ(A)``; STTS writes ``VVFIN``, ``ADJA`` (but ``$(``)."""
    if tag.endswith(")") and "(" in tag:
        return tag.replace("(", "").replace(")", "")
    return tag


class GermanTagger:
    def __init__(self) -> None:
        from HanTa import HanoverTagger

        tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        heads = CompoundHeads(tagger)
        morphology = MorphologyModel(tagger)
        # Instance attributes shadow the methods; the Viterbi search calls them per token.
        # The word analyses are HanTa's, computed faster (``morphology``); they see the
        # lower-cased word and are memoised (a word at the start of a sentence and inside
        # it is analysed once).
        tagger.analyze_forward = _memoised(morphology.tag_scores)
        # Paths of the lexicon's own forms are shipped (``known_paths``), the rest searched.
        tagger.analyze_viterbi = with_known_paths(
            _memoised(morphology.best_path), known_paths.load(tagger.cache)
        )
        tagger.makelemma = LemmaEndings(tagger)
        tagger._tag_word = _memoised(heads.tag_word(tagger._tag_word))
        self._lemma_of = _memoised(heads.lemma(tagger._analyze))
        self._tagger = tagger

    def lexicon_forms(self) -> Iterator[str]:
        """Every word form of HanTa's lexicon, lower-cased as it keeps them and capitalised
        as a noun or a sentence's first word is written."""
        for form in self._tagger.cache:
            yield form
            capitalised = form[:1].upper() + form[1:]
            if capitalised != form:
                yield capitalised

    def tag(self, words: list[str]) -> tuple[list[str], list[str]]:
        """STTS tags and lemmas of one sentence."""
        if not words:
            return [], []
        tagger = self._tagger
        codes = sentence_codes(tagger, [_for_tagger(word) for word in words])
        tags = [tagger.int2tag[code] for code in codes]
        # A name's lemma is its surface (HanTa lower-cases unknown names), so the costly
        # lemma analysis runs for the other words only.
        lemmas = [
            word if tag.startswith("NE") else _lemma(word, self._lemma_of(word, code)[0])
            for word, tag, code in zip(words, tags, codes, strict=True)
        ]
        tags = [stts(tag) for tag in tags]
        self._repair_verb_second(words, tags, lemmas)
        return tags, lemmas

    def _repair_verb_second(self, words: list[str], tags: list[str], lemmas: list[str]) -> None:
        """A main clause has a finite verb. When the tagger found none and read a verb
        form after the first phrase as an adjective (``Die Türkei bombardierte
        Stellungen``), take the finite-verb reading if the tagger's lexicon allows it."""
        if any(tag in FINITE_TAGS for tag in tags) or len(words) < 3:
            return
        for index in range(1, min(len(words), 5)):
            word = words[index]
            if tags[index] not in ("ADJA", "ADJD") or not word.islower():
                continue
            readings = dict(self._tagger.tag_word(word, cutoff=10))
            if "VV(FIN)" in readings:
                tags[index] = "VVFIN"
                lemmas[index] = self._tagger.analyze(word, pos="VV(FIN)", taglevel=1)[0]
                return


def _for_tagger(word: str) -> str:
    # German quotation marks the model has not seen are read as the plain mark.
    return '"' if word in ("„", "“", "”", "»", "«") else word


def _lemma(word: str, lemma: str) -> str:
    return lemma or word


class CompoundHeads:
    """German compounds are right-headed: a long word HanTa has not seen, made of a
    known front and a head, takes the head's tags, and its lemma is the unchanged front
    plus the head's lemma (``Verteidigungsministeriums`` → ``Verteidigungsministerium``,
    ``wirtschaftspolitischen`` → ``wirtschaftspolitisch``). The front is a known word
    with its linking ``s``/``n``/``en``/``es``/``e``, or ends in a hyphen, or is itself
    such a compound. The head is the longest known tail of 5+ letters; failing that, the
    part after the last hyphen (``-Chef``), unless a name precedes it. A capitalised
    word (or a hyphenated one with a capitalised last part) needs a noun head; a
    lower-case word an adjective head. Verb heads are left alone: a verb's front can change its form
    (``zurückzuweisen`` is an infinitive with zu, ``zuweisen`` is not)."""

    MIN_LENGTH = 10  # shorter words are cheap to analyse in full
    # Capitalised words of 10 or 11 letters without a hyphen are often names
    # (``Beckenbauer``, ``Baumgarten``): only longer ones are split.
    MIN_NOUN_LENGTH = 12
    MIN_FRONT = 3
    MIN_TAIL = 5
    LINKS = ("s", "n", "en", "es", "e")
    NOUN_HEADS = ("NN",)
    LOWER_HEADS = ("ADJ(A)", "ADJ(D)")
    # After a hyphen the head may be short (``-Team``, ``-Chef``).
    MIN_HYPHEN_TAIL = 2

    def __init__(self, tagger: Any) -> None:
        self._known: dict[str, Any] = tagger.cache
        self._tagger = tagger  # its analyze_forward is replaced (memoised) after this
        self.noun = tagger.tag2int["NN"]
        self._name = tagger.tag2int["NE"]
        self._noun_heads = frozenset(tagger.tag2int[tag] for tag in self.NOUN_HEADS)
        self._lower_heads = frozenset(tagger.tag2int[tag] for tag in self.LOWER_HEADS)

    def front_length(self, word: str) -> int | None:
        """Length of the front of an unknown compound ``word``, or None."""
        lower = word.lower()
        if len(word) < self.MIN_LENGTH or len(lower) != len(word) or lower in self._known:
            return None
        if len(word) < self.MIN_NOUN_LENGTH and word[0].isupper() and "-" not in word:
            return None
        for start in range(self.MIN_FRONT, len(lower) - self.MIN_TAIL + 1):
            readings = self._known.get(lower[start:])
            if (
                readings
                and readings[0][0] in self._heads(word, start)
                and self._front(lower[:start], 3)
            ):
                return start
        return self._analysed_head(word, lower)

    def _analysed_head(self, word: str, lower: str) -> int | None:
        """Front length when the part after the last hyphen, analysed alone (cheaper than
        the whole word: the analysis costs the square of the length), is a head of the
        right part of speech (``Online-Zugriffe``). After a name an unknown part is more
        likely a name too: ``Jena-Burgau`` stays one word."""
        start = lower.rfind("-", 0, len(lower) - self.MIN_HYPHEN_TAIL) + 1
        if start < 2:
            return None
        readings = self._known.get(lower[start:])
        if not readings:
            before = self._known.get(lower[: start - 1].rpartition("-")[2])
            if before and all(code == self._name for code, _ in before):
                return None
            readings = sorted(self._tagger.analyze_forward(lower[start:]), key=_score, reverse=True)
        if readings and readings[0][0] in self._heads(word, start):
            return start
        return None

    def _heads(self, word: str, start: int) -> frozenset[int]:
        capital = word[start] if word[start - 1] == "-" else word[0]
        return self._noun_heads if capital.isupper() else self._lower_heads

    def _part(self, part: str) -> bool:
        """A known word, possibly with a linking element."""
        if part in self._known:
            return True
        # The word before a link has at least MIN_FRONT letters (not ``eu|s|kirchen``).
        return any(
            part.endswith(link)
            and len(part) - len(link) >= self.MIN_FRONT
            and part[: -len(link)] in self._known
            for link in self.LINKS
        )

    def _front(self, front: str, depth: int) -> bool:
        """A known word, possibly with a linking element, or a hyphenated front, or
        itself such a compound (of at most ``depth`` parts)."""
        if "-" in front:
            last = front.rpartition("-")[2]
            return not last or self._front(last, depth)
        if self._part(front):
            return True
        if depth <= 1:
            return False
        return any(
            self._part(front[start:]) and self._front(front[:start], depth - 1)
            for start in range(self.MIN_FRONT, len(front) - self.MIN_FRONT + 1)
        )

    @staticmethod
    def head(word: str, front: int) -> str:
        """The head as the tagger sees it: a capitalised compound's head capitalised."""
        if word[0].isupper() and word[front - 1] != "-":
            return word[front].upper() + word[front + 1 :]
        return word[front:]

    def tag_word(self, analyse: Callable[..., Any]) -> Callable[..., Any]:
        def tag_word(word: str, *args: Any, **kwargs: Any) -> Any:
            front = self.front_length(word)
            if front is not None:
                word = self.head(word, front)
            return analyse(word, *args, **kwargs)

        return tag_word

    def lemma(self, analyse: Callable[..., Any]) -> Callable[..., Any]:
        def lemma(word: str, code: int) -> tuple[str, str]:
            front = self.front_length(word)
            if front is None:
                return analyse(word, code, taglevel=1)
            tail, tag = analyse(word[front:], code, taglevel=1)
            # After a hyphen the head keeps its case in the word (``EU-Kommission``,
            # ``15-jährig``); otherwise it is inside the word.
            if word[front - 1] == "-" and word[front].isupper():
                tail = tail[:1].upper() + tail[1:]
            else:
                tail = tail.lower()
            return word[:front] + tail, tag

        return lemma


def _score(reading: tuple[int, float]) -> float:
    return reading[1]


class LemmaEndings:
    """HanTa's lemma from a word's stem morphemes (its ``makelemma``): the longest ending
    of the stem (``#`` marks the start) that the part of speech's table knows is
    replaced, and some parts of speech are capitalised. The longest table entry per part
    of speech is found once here instead of per word."""

    def __init__(self, tagger: Any) -> None:
        self._tables: dict[str, dict[str, str]] = tagger.lemmasuffixtable
        self._longest = {pos: max(map(len, table)) for pos, table in self._tables.items() if table}
        self._codes: dict[str, int] = tagger.tag2int
        self._capitalised: set[int] = tagger.capitalizedlemmata

    def __call__(self, stem: list[str], pos: str) -> str:
        lemma = "".join(stem)
        main = pos.partition("(")[0]
        ending = ""
        longest = self._longest.get(main)
        if longest is not None:
            table = self._tables[main]
            marked = "#" + lemma
            # HanTa's bound on the ending's length, kept as it is.
            top = len(lemma) if len(lemma) + 1 < longest else longest
            for size in range(top + 1, 0, -1):
                if marked[-size:] in table:
                    ending = table[marked[-size:]]
                    break
        if self._codes.get(pos, 0) in self._capitalised:
            lemma = lemma[0].upper() + lemma[1:]
        return lemma + ending
