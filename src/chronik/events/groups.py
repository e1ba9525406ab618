"""Plural anaphors for coordinated countries: ``Finnland und Estland … beide Länder``.

A noun phrase with a number word and a group noun (``die beiden Nachbarstaaten``, ``beide
Regierungen``, ``die drei Staaten``; ``group_nouns.tsv``) takes up a coordination of as
many countries, capitals or governments named before it. Among the coordinations of the
right size in the same or the preceding sentences, the most salient group wins: each
coordination of a group adds a weight that halves every few sentences back and counts
double in subject position (a group that the text keeps talking about beats a pair named
once as an object just before: ``Kask schlug vor, auch Schweden und Lettland
einzuladen. Russland … warf den beiden Nachbarstaaten vor``). An anaphor resolved once
counts as a mention of its group for the anaphors after it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from chronik.entities.recognise import EntityResult
from chronik.errors import ResourceError
from chronik.events.lexicon import fold
from chronik.language.tokens_view import view
from chronik.model import Entity
from chronik.tables import load_table

PACKAGE = "chronik.events"
# How far back a group may have been named, and how its weight fades with distance.
WINDOW = 12
DECAY = 0.8
SUBJECT_WEIGHT = 2.0
_LINKS = frozenset({"und", "sowie", ","})
_NP_TAGS = frozenset({"ART", "PIAT", "PIDAT", "ADJA", "CARD", "PDAT"})
# Governments and their arms stand for their country in a coordination.
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG"})
_MEMBER_KINDS = frozenset({"country", "city"})


@dataclass(frozen=True)
class GroupNouns:
    quantifiers: dict[str, int]
    exact: frozenset[str]
    heads: tuple[str, ...]

    @classmethod
    def load(cls) -> GroupNouns:
        return _load()

    def size_of(self, doc: Doc, start: int, end: int) -> int | None:
        """The group size a phrase announces (``den beiden Nachbarstaaten`` → 2), or None."""
        tokens = [t for t in doc[start:end] if t.tag_ != "$,"]
        if len(tokens) < 2 or not self.is_group_noun(tokens[-1].text, tokens[-1].lemma_):
            return None
        sizes = [self.quantifiers.get(t.lower_) for t in tokens[:-1]]
        if (
            any(t.tag_ not in _NP_TAGS for t in tokens[:-1])
            or sum(s is not None for s in sizes) != 1
        ):
            return None
        return next(s for s in sizes if s is not None)

    def is_group_noun(self, word: str, lemma: str) -> bool:
        keys = {fold(word), fold(lemma)}
        if keys & self.exact:
            return True
        return any(key.endswith(head) for key in keys for head in self.heads)


@cache
def _load() -> GroupNouns:
    table = load_table(PACKAGE, "group_nouns.tsv")
    quantifiers: dict[str, int] = {}
    exact: set[str] = set()
    heads: set[str] = set()
    for number, row in enumerate(table, start=2):
        word, kind = row["word"], row["kind"]
        if kind == "quantifier" and row["size"].isdigit() and int(row["size"]) >= 2:
            quantifiers[word.lower()] = int(row["size"])
        elif kind == "noun" and row["compound"] in ("exact", "head"):
            exact.add(fold(word))
            if row["compound"] == "head":
                heads.add(fold(word))
        else:
            raise ResourceError(f"{table.name}: row {number}: bad kind, size or compound")
    return GroupNouns(quantifiers, frozenset(exact), tuple(sorted(heads)))


@dataclass(frozen=True)
class Coordination:
    """``Finnland und Estland``: mention indices of two or more states, side by side."""

    members: tuple[int, ...]
    countries: frozenset[str]
    sentence: int
    end: int  # token after the last member
    subject: bool


class GroupResolver:
    def __init__(
        self,
        doc: Doc,
        entities: EntityResult,
        sentence_starts: list[int],
        nouns: GroupNouns | None = None,
    ) -> None:
        self._doc = doc
        self._entities = entities
        self._starts = sentence_starts
        self._nouns = nouns or GroupNouns.load()
        by_id = {e.id: e for e in entities.entities}
        self._entity = {
            index: by_id[entity]
            for index, entity in entities.entity_of_mention.items()
            if entity in by_id
        }
        self._groups = _coordinations(doc, entities, self._state_country)
        self._resolved: dict[tuple[int, int], Coordination | None] = {}

    def resolve(self, span: tuple[int, int]) -> tuple[int, ...]:
        """Mention indices of the group a plural anaphor takes up (empty when none)."""
        if span not in self._resolved:
            self._resolved[span] = self._antecedent(span)
        found = self._resolved[span]
        return found.members if found else ()

    def _antecedent(self, span: tuple[int, int]) -> Coordination | None:
        size = self._nouns.size_of(self._doc, *span)
        if size is None:
            return None
        sentence = max(0, bisect_right(self._starts, span[0]) - 1)
        scores: dict[frozenset[str], float] = {}
        latest: dict[frozenset[str], Coordination] = {}
        for group in self._earlier(span[0], sentence):
            if len(group.countries) != size:
                continue
            weight = (SUBJECT_WEIGHT if group.subject else 1.0) * DECAY ** (
                sentence - group.sentence
            )
            scores[group.countries] = scores.get(group.countries, 0.0) + weight
            latest[group.countries] = group
        if not scores:
            return None
        best = max(scores, key=lambda countries: (scores[countries], latest[countries].end))
        return latest[best]

    def _earlier(self, before: int, sentence: int) -> list[Coordination]:
        """Coordinations and resolved anaphors ending before ``before`` in the window."""
        earlier = [g for g in self._groups if g.end <= before and sentence - g.sentence <= WINDOW]
        for (start, _), group in self._resolved.items():
            if group is not None and start < before:
                own = max(0, bisect_right(self._starts, start) - 1)
                if sentence - own <= WINDOW:
                    subject = own < len(self._starts) and start <= self._starts[own] + 1
                    earlier.append(
                        Coordination(group.members, group.countries, own, start, subject)
                    )
        return sorted(earlier, key=lambda g: g.end)

    def _state_country(self, index: int) -> str | None:
        """The country a mention stands for as a state, or None (people, towns abroad …)."""
        entity: Entity | None = self._entity.get(index)
        if entity is None or entity.country is None:
            return None
        if entity.kind in _MEMBER_KINDS or entity.sector in _STATE_SECTORS:
            return entity.country
        return None


def _coordinations(
    doc: Doc, entities: EntityResult, country_of: Callable[[int], str | None]
) -> list[Coordination]:
    """Runs of state mentions joined only by ``und``/``sowie``/commas, two or more countries."""
    order = sorted(range(len(entities.mentions)), key=lambda i: entities.mentions[i].start)
    lowers = view(doc).lowers
    found: list[Coordination] = []
    run: list[int] = []

    def close() -> None:
        countries = [country_of(i) or "" for i in run]
        first = entities.mentions[run[0]]
        joined = set(lowers[first.end : entities.mentions[run[-1]].start])
        if len(set(countries)) == len(countries) >= 2 and joined & {"und", "sowie"}:
            found.append(
                Coordination(
                    tuple(run),
                    frozenset(countries),
                    first.sentence,
                    entities.mentions[run[-1]].end,
                    first.subject_like,
                )
            )

    for index in order:
        mention = entities.mentions[index]
        if country_of(index) is None:
            continue
        if run:
            previous = entities.mentions[run[-1]]
            between = lowers[previous.end : mention.start]
            if between and set(between) <= _LINKS and mention.sentence == previous.sentence:
                run.append(index)
                continue
            close()
        run = [index]
    if run:
        close()
    return found
