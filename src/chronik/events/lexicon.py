"""The German event lexicon: PLOVER types, trigger words, context words and modality cues.

Four tables in ``data/`` (their header comments document every column):

    plover_types.tsv   the 16 PLOVER event types, their modes, quad class, and the
                       context vocabulary (header line ``# contexts:``)
    triggers.tsv       verbs, nouns and multiword constructions that report an event
    contexts.tsv       words (and compound parts) that set a PLOVER context
    modality.tsv       cues that make an event negated, intended, future, hypothetical,
                       demanded or reported

Constructions and phrase cues carry a lemma pattern, parsed into ``Pattern``:

    Sanktion/Embargo verhängen   every part occurs in one clause, in any order
                                 (verb-second order moves the verb); a/b are alternatives
    [in Luft] sprengen           bracketed parts occur in this order, each at most
                                 ``MAX_GAP`` tokens after the previous one
    bereit sein <zu-inf>         a slot: a complement the caller checks, not a lemma

Lemmas are compared case-folded with ß read as ss (HanTa still writes ``Beschuß``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from chronik.errors import ResourceError, UsageError
from chronik.memo import Memo
from chronik.tables import Table, load_table, split_multi

PACKAGE = "chronik.events"
MAX_GAP = 2  # tokens allowed between neighbours of a bracketed pattern group
POS = frozenset({"verb", "noun", "construction"})
ROLES = frozenset({"", "source", "target"})
MODALITIES = {  # the table's modality -> the output contract's modality
    "negated": "negated",
    "intended": "intended",
    "future": "future",
    "hypothetical": "hypothetical",
    "demanded": "hypothetical",
    "reported": "asserted",
}
CUE_KINDS = frozenset({"lemma", "form", "phrase", "feature"})
SCOPES = frozenset({"clause", "sentence", "np"})
COMPOUNDS = frozenset({"exact", "head", "modifier", "both"})
_CAMEO = re.compile(r"\d{2,4}")
_TARGET = re.compile(r"acc|dat|gen|prep:\w+")
_MIN_REST = 3  # letters a modifier must leave ("Rüstungs|export")
_MIN_MODIFIER = 4  # letters before a head ("Stich|wahl", not "Aus|wahl")
_T = TypeVar("_T")
_FLAGS = ("reciprocal", "reflexive", "requires_target", "negative_polarity")


def fold(lemma: str) -> str:
    """The comparison key of a lemma: case-folded, ß as ss."""
    return lemma.casefold().replace("ß", "ss")


@dataclass(frozen=True)
class PloverType:
    name: str
    modes: tuple[str, ...]
    quad_class: int
    score: float
    intended_as: str  # the type a stated intention to do this is coded as; "" = same type
    definition: str
    note: str


@dataclass(frozen=True)
class PatternGroup:
    """Alternatives per position; ``ordered`` groups keep their order within MAX_GAP."""

    parts: tuple[frozenset[str], ...]  # folded alternatives
    ordered: bool


@dataclass(frozen=True)
class Pattern:
    text: str
    groups: tuple[PatternGroup, ...]
    slots: tuple[str, ...]  # e.g. ("zu-inf",)

    @property
    def lemmas(self) -> frozenset[str]:
        """Every folded lemma the pattern can match (to index constructions)."""
        return frozenset(lemma for group in self.groups for part in group.parts for lemma in part)

    def match(self, lemmas: Sequence[str]) -> tuple[int, ...] | None:
        """Indices of one occurrence in a clause's lemmas, or None (greedy, left to right)."""
        return self.match_folded([fold(lemma) for lemma in lemmas])

    def possible_in(self, present: set[str]) -> bool:
        """Whether every part has some alternative among ``present`` (a clause's folded
        lemmas): a cheap test that rules out most patterns before ``match_folded``."""
        return all(not part.isdisjoint(present) for group in self.groups for part in group.parts)

    def match_folded(self, keys: list[str]) -> tuple[int, ...] | None:
        """``match`` on lemmas already folded (fold a sentence once, not per pattern)."""
        used: set[int] = set()
        for group in self.groups:
            found = _match_group(group, keys, used)
            if found is None:
                return None
            used.update(found)
        return tuple(sorted(used))


def _match_group(group: PatternGroup, keys: list[str], used: set[int]) -> list[int] | None:
    for start, key in enumerate(keys):
        if start in used or key not in group.parts[0]:
            continue
        found = [start]
        for part in group.parts[1:]:
            window = range(found[-1] + 1, min(found[-1] + 2 + MAX_GAP, len(keys)))
            following = next((i for i in window if i not in used and keys[i] in part), None)
            if following is None:
                break
            found.append(following)
        else:
            return found
    return None


def parse_pattern(text: str) -> Pattern:
    """Parse ``Sanktion/Embargo verhängen``, ``[in Luft] sprengen``, ``bereit sein <zu-inf>``."""
    groups: list[PatternGroup] = []
    slots = tuple(re.findall(r"<([\w-]+)>", text))
    rest = re.sub(r"<[\w-]+>", " ", text)
    for bracketed, single in re.findall(r"\[([^\]]*)\]|([^\s\[\]]+)", rest):
        tokens = bracketed.split() if bracketed else [single]
        alternatives = [token.split("/") for token in tokens]
        parts = tuple(frozenset(fold(alt) for alt in alts) for alts in alternatives)
        if not parts or any("" in alts or "[" in "".join(alts) for alts in alternatives):
            raise ResourceError(f"pattern {text!r}: empty or nested group")
        groups.append(PatternGroup(parts=parts, ordered=bool(bracketed)))
    if not groups or rest.count("[") != rest.count("]"):
        raise ResourceError(f"pattern {text!r}: no lemmas or unbalanced brackets")
    return Pattern(text=text, groups=tuple(groups), slots=slots)


@dataclass(frozen=True)
class Trigger:
    trigger: str
    pos: str  # verb | noun | construction
    type: str
    mode: str
    cameo: str
    target: tuple[str, ...]  # acc, dat, gen, prep:mit, ...
    subject_is: str  # source | target ("" for nouns)
    reciprocal: bool
    reflexive: bool
    requires_target: bool
    passive_agent: tuple[str, ...]  # verbs: passive agent; nouns: how the source is marked
    negative_polarity: bool
    negates: str
    context_hint: str
    weight: float
    note: str
    variants: tuple[str, ...] = ()
    pattern: Pattern | None = None


@dataclass(frozen=True)
class ContextWord:
    word: str  # "Rüstungs-" for a bound prefix
    context: str
    pos: str  # adj | noun | prefix
    compound: str  # exact | head | modifier | both
    note: str


@dataclass(frozen=True)
class ModalityCue:
    cue: str
    kind: str  # lemma | form | phrase | feature
    modality: str  # negated | intended | future | hypothetical | demanded | reported
    maps_to: str  # the output contract's modality
    scope: str  # clause | sentence | np
    pos: str
    requires: str  # inf | zu-inf | perf-inf | ""
    factor: float  # confidence multiplier when the event is still emitted
    note: str
    pattern: Pattern | None = None  # phrases
    feature: str = ""  # features: "Mood=Sub|Tense=Past"


@dataclass(frozen=True)
class _Indexes:
    exact: dict[str, tuple[Trigger, ...]]  # trigger or variant as written
    folded: dict[str, tuple[Trigger, ...]]  # the same, folded
    parts: dict[str, tuple[Trigger, ...]]  # folded pattern lemma -> constructions
    # Each construction once more, under the alternatives of one part it cannot match
    # without (its rarest): a clause lacking all of them cannot hold the construction.
    anchors: dict[str, tuple[Trigger, ...]]
    words: dict[str, ContextWord]  # whole lemmas, as written and folded
    modifiers: tuple[tuple[str, str], ...]  # (folded stem, context), longest first
    heads: tuple[tuple[str, str], ...]
    cues: dict[str, tuple[ModalityCue, ...]]  # folded lemma or form -> readings


@dataclass(frozen=True)
class EventLexicon:
    types: tuple[PloverType, ...]
    contexts: frozenset[str]
    triggers: tuple[Trigger, ...]
    context_words: tuple[ContextWord, ...]
    cues: tuple[ModalityCue, ...]
    _index: _Indexes = field(repr=False, compare=False)
    # context_of per lemma, remembered: its stem scans run for every lemma of a clause.
    _contexts: Memo[str, str | None] = field(
        default_factory=Memo, init=False, repr=False, compare=False
    )

    @classmethod
    def load(cls) -> EventLexicon:
        """The shipped lexicon, read and checked once per process."""
        return _load()

    def plover_type(self, name: str) -> PloverType | None:
        return next((item for item in self.types if item.name == name.upper()), None)

    def quad_class(self, type_name: str) -> int:
        found = self.plover_type(type_name)
        if found is None:
            raise UsageError(f"unknown PLOVER event type {type_name!r}")
        return found.quad_class

    def triggers_for(self, lemma: str, pos: str | None = None) -> tuple[Trigger, ...]:
        """Verb and noun triggers of a lemma, most reliable first.

        Exact-case matches win (``Treffen`` the noun, ``treffen`` the verb); a lemma
        with none falls back to case- and ß-folded matching (``Beschuß``, ``TREFFEN``).
        """
        found = self._index.exact.get(lemma) or self._index.folded.get(fold(lemma), ())
        return tuple(t for t in found if pos is None or t.pos == pos)

    def constructions(self) -> tuple[Trigger, ...]:
        return tuple(t for t in self.triggers if t.pattern is not None)

    def constructions_for(self, lemma: str) -> tuple[Trigger, ...]:
        """Constructions whose pattern contains this lemma (to check when it occurs)."""
        return self._index.parts.get(fold(lemma), ())

    def anchored_constructions(self, key: str) -> tuple[Trigger, ...]:
        """Constructions filed under this folded lemma as their anchor. Every construction
        a clause can hold is filed under one of its folded lemmas (a subset of what
        ``constructions_for`` gives for them)."""
        return self._index.anchors.get(key, ())

    def context_of(self, lemma: str) -> str | None:
        """The context a word sets: whole lemma, else longest modifier, else longest head."""
        if lemma in self._contexts:
            return self._contexts[lemma]
        return self._contexts.remember(lemma, self._context_of(lemma))

    def _context_of(self, lemma: str) -> str | None:
        word = self._index.words.get(lemma) or self._index.words.get(fold(lemma))
        if word is not None:
            return word.context
        key = fold(lemma)
        for stem, context in self._index.modifiers:
            if key.startswith(stem) and len(key) - len(stem) >= _MIN_REST:
                return context
        for stem, context in self._index.heads:
            if key.endswith(stem) and len(key) - len(stem) >= _MIN_MODIFIER:
                return context
        return None

    def contexts_in(self, lemmas: Iterable[str]) -> tuple[str, ...]:
        """The distinct contexts the lemmas of a clause set, in order of appearance."""
        found = (self.context_of(lemma) for lemma in lemmas)
        return tuple(dict.fromkeys(context for context in found if context))

    def modality_cue(self, word: str) -> ModalityCue | None:
        """The first cue row for a lemma (or, for Konjunktiv forms, a word form)."""
        cues = self.modality_cues(word)
        return cues[0] if cues else None

    def modality_cues(self, word: str) -> tuple[ModalityCue, ...]:
        """Every reading of a lemma or form cue, most specific complement first.

        Lemma cues match case- and ß-folded; form cues (Konjunktiv II that HanTa
        lemmatises away) match the word as written: pass sentence-initial words lowered.
        """
        forms = self._index.cues.get(word, ())
        lemmas = self._index.cues.get(fold(word), ())
        return tuple(dict.fromkeys(c for c in (*forms, *lemmas) if c.kind == "lemma" or c in forms))

    def modality_phrases(self) -> tuple[ModalityCue, ...]:
        return tuple(cue for cue in self.cues if cue.kind == "phrase")


@cache
def _load() -> EventLexicon:
    types, contexts = read_types(load_table(PACKAGE, "plover_types.tsv"))
    triggers = read_triggers(
        load_table(PACKAGE, "triggers.tsv"), {t.name: t for t in types}, contexts
    )
    words = read_context_words(load_table(PACKAGE, "contexts.tsv"), contexts)
    cues = read_cues(load_table(PACKAGE, "modality.tsv"))
    return EventLexicon(
        types=types,
        contexts=contexts,
        triggers=triggers,
        context_words=words,
        cues=cues,
        _index=_indexes(triggers, words, cues),
    )


def read_types(table: Table) -> tuple[tuple[PloverType, ...], frozenset[str]]:
    contexts = frozenset(split_multi(table.meta.get("contexts", "")))
    if not contexts:
        raise ResourceError(f"{table.name}: header lacks the '# contexts:' vocabulary")
    types = []
    for number, row in enumerate(table, start=2):
        quad, score = (_number(table, number, row[key]) for key in ("quad_class", "score"))
        if quad not in (1, 2, 3, 4):
            raise ResourceError(f"{table.name}: row {number}: quad_class must be 1-4")
        text = {key: row[key] for key in ("intended_as", "definition", "note")}
        modes = tuple(split_multi(row["modes"]))
        types.append(PloverType(row["type"], modes, int(quad), score, **text))
    names = {item.name for item in types}
    for item in types:
        if item.intended_as and item.intended_as not in names:
            raise ResourceError(f"{table.name}: {item.name}: unknown intended_as")
    return tuple(types), contexts


def read_triggers(
    table: Table, types: dict[str, PloverType], contexts: frozenset[str]
) -> tuple[Trigger, ...]:
    triggers = []
    for number, row in enumerate(table, start=2):
        problem = _trigger_problem(row, types, contexts)
        if problem:
            raise ResourceError(f"{table.name}: row {number} ({row['trigger']}): {problem}")
        triggers.append(_trigger(row, _number(table, number, row["weight"])))
    return tuple(triggers)


def _trigger_problem(
    row: dict[str, str], types: dict[str, PloverType], contexts: frozenset[str]
) -> str:
    kind = types.get(row["type"])
    if kind is None:
        return f"unknown type {row['type']!r}"
    checks = (
        (row["pos"] in POS, f"pos {row['pos']!r}"),
        (not row["mode"] or row["mode"] in kind.modes, f"mode {row['mode']!r} not of {kind.name}"),
        (not row["cameo"] or _CAMEO.fullmatch(row["cameo"]), f"cameo {row['cameo']!r}"),
        (all(_TARGET.fullmatch(t) for t in split_multi(row["target"])), "target marking"),
        (row["subject_is"] in ROLES, f"subject_is {row['subject_is']!r}"),
        (not row["negates"] or row["negates"] in types, f"negates {row['negates']!r}"),
        (not row["context_hint"] or row["context_hint"] in contexts, "context_hint"),
        (all(row[key] in ("", "yes") for key in _FLAGS), "yes/no column holds another value"),
        ((row["pos"] == "construction") == bool(row["pattern"]), "pattern iff construction"),
    )
    return next((message for ok, message in checks if not ok), "")


def _trigger(row: dict[str, str], weight: float) -> Trigger:
    if not 0.0 <= weight <= 1.0:
        raise ResourceError(f"trigger {row['trigger']}: weight outside 0..1")
    text = ("trigger", "pos", "type", "mode", "cameo", "subject_is", "negates", "context_hint")
    values: dict[str, Any] = {key: row[key] for key in (*text, "note")}
    values.update({key: row[key] == "yes" for key in _FLAGS})
    values.update({key: tuple(split_multi(row[key])) for key in ("target", "passive_agent")})
    values["variants"] = tuple(split_multi(row["variants"]))
    values["pattern"] = parse_pattern(row["pattern"]) if row["pattern"] else None
    return Trigger(weight=weight, **values)


def read_context_words(table: Table, contexts: frozenset[str]) -> tuple[ContextWord, ...]:
    words = []
    for number, row in enumerate(table, start=2):
        if row["context"] not in contexts:
            raise ResourceError(f"{table.name}: row {number}: unknown context {row['context']!r}")
        if row["pos"] not in ("adj", "noun", "prefix") or row["compound"] not in COMPOUNDS:
            raise ResourceError(f"{table.name}: row {number}: bad pos or compound")
        if (row["pos"] == "prefix") != row["word"].endswith("-"):
            raise ResourceError(f"{table.name}: row {number}: prefixes end in '-', others not")
        words.append(ContextWord(**{key: row[key] for key in ContextWord.__dataclass_fields__}))
    return tuple(words)


def read_cues(table: Table) -> tuple[ModalityCue, ...]:
    cues = []
    for number, row in enumerate(table, start=2):
        bad = (
            row["kind"] not in CUE_KINDS
            or MODALITIES.get(row["modality"]) != row["maps_to"]
            or row["scope"] not in SCOPES
            or (row["kind"] in ("phrase", "feature")) != bool(row["pattern"])
        )
        if bad:
            raise ResourceError(f"{table.name}: row {number} ({row['cue']}): bad kind/modality")
        text = ("cue", "kind", "modality", "maps_to", "scope", "pos", "requires", "note")
        values: dict[str, Any] = {key: row[key] for key in text}
        values["pattern"] = parse_pattern(row["pattern"]) if row["kind"] == "phrase" else None
        values["feature"] = row["pattern"] if row["kind"] == "feature" else ""
        cues.append(ModalityCue(factor=_number(table, number, row["factor"]), **values))
    return tuple(cues)


def _indexes(
    triggers: tuple[Trigger, ...], words: tuple[ContextWord, ...], cues: tuple[ModalityCue, ...]
) -> _Indexes:
    single = [t for t in triggers if t.pattern is None]
    exact = _group(((key, t) for t in single for key in {t.trigger, *t.variants}), by_weight=True)
    folded = _group(
        ((fold(key), t) for t in single for key in {t.trigger, *t.variants}), by_weight=True
    )
    patterned = [t for t in triggers if t.pattern]
    parts = _group((lemma, t) for t in patterned for lemma in t.pattern.lemmas)  # type: ignore[union-attr]
    uses = {lemma: len(found) for lemma, found in parts.items()}
    anchors = _group(
        (lemma, t)
        for t in patterned
        for lemma in _anchor_part(t.pattern, uses)  # type: ignore[arg-type]
    )
    whole = {key: w for w in reversed(words) if w.pos != "prefix" for key in (w.word, fold(w.word))}
    return _Indexes(
        exact=exact,
        folded=folded,
        parts=parts,
        anchors=anchors,
        words=whole,
        modifiers=_stems(words, ("modifier", "both")),
        heads=_stems(words, ("head", "both")),
        # Lemma cues match folded; form cues as written ("würde", not the noun "Würde").
        cues=_group(
            (fold(c.cue) if c.kind == "lemma" else c.cue, c)
            for c in cues
            if c.kind in {"lemma", "form"}
        ),
    )


def _anchor_part(pattern: Pattern, uses: dict[str, int]) -> frozenset[str]:
    """The part of a pattern whose alternatives are the rarest in the lexicon (``Gast``
    rather than ``zu`` or ``sein``): the fewest constructions share them."""
    parts = [part for group in pattern.groups for part in group.parts]
    if not parts:
        return frozenset()  # a pattern of slots alone matches no clause
    return min(parts, key=lambda part: (sum(uses.get(lemma, 0) for lemma in part), len(part)))


def _group(pairs: Iterable[tuple[str, _T]], by_weight: bool = False) -> dict[str, tuple[_T, ...]]:
    index: dict[str, list[_T]] = {}
    for key, value in pairs:
        if value not in index.setdefault(key, []):
            index[key].append(value)
    if by_weight:  # sorted() is stable: equal weights keep table order
        return {
            k: tuple(sorted(v, key=lambda t: -getattr(t, "weight", 0.0))) for k, v in index.items()
        }
    return {key: tuple(values) for key, values in index.items()}


def _stems(words: tuple[ContextWord, ...], kinds: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    stems = {fold(w.word.rstrip("-")): w.context for w in words if w.compound in kinds}
    return tuple(sorted(stems.items(), key=lambda item: -len(item[0])))


def _number(table: Table, number: int, cell: str) -> float:
    try:
        return float(cell)
    except ValueError as error:
        raise ResourceError(f"{table.name}: row {number}: {cell!r} is not a number") from error
