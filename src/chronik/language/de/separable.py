"""Separable verbs: re-attach a detached particle to its finite verb.

In verb-second clauses the particle stands at the end of the clause (``teilte … mit``,
``wies … hin``); its verb is the finite verb that opens the clause, skipping
subordinate clauses in between (``teilte, als er ankam, mit``).
"""

from __future__ import annotations

from functools import cache

from chronik.tables import load_table

_FINITE = frozenset({"VVFIN", "VVIMP", "VAFIN", "VMFIN"})
_SUBORDINATORS = frozenset({"KOUS", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT", "KOUI"})
_CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?", "–", "-", ")", '"', "“", "”", "«", "»"})
_PARTICLE_TAGS = frozenset({"PTKVZ", "APPR", "ADV", "ADJD", "PTKA"})


@cache
def particles() -> frozenset[str]:
    return frozenset(load_table(__package__, "particles.tsv").column("particle"))


def attach_particles(words: list[str], tags: list[str], lemmas: list[str]) -> dict[int, int]:
    """Map verb index → particle index within one sentence (indices into ``words``)."""
    links: dict[int, int] = {}
    known = particles()
    for index, (word, tag) in enumerate(zip(words, tags, strict=True)):
        if not _is_particle(index, word, tag, words, known):
            continue
        verb = _clause_verb(index, tags, words)
        if verb is not None and verb not in links and _takes_particles(tags[verb], lemmas[verb]):
            links[verb] = index
    return links


def _takes_particles(tag: str, lemma: str) -> bool:
    # Of the auxiliaries only "haben" has separable compounds ("hat … vor"); "ist bereit"
    # and "wird … fest" are predicatives, not particles.
    return tag != "VAFIN" or lemma == "haben"


def _is_particle(index: int, word: str, tag: str, words: list[str], known: frozenset[str]) -> bool:
    if tag == "PTKVZ":
        return True
    # HanTa sometimes reads a clause-final particle as a preposition or adverb.
    at_clause_end = index + 1 == len(words) or words[index + 1] in _CLAUSE_END
    return tag in _PARTICLE_TAGS and word.lower() in known and at_clause_end and index > 1


def _clause_verb(particle: int, tags: list[str], words: list[str]) -> int | None:
    index = particle - 1
    while index >= 0:
        if tags[index] in _FINITE and not _ends_subordinate_clause(index, tags, words):
            return index
        if words[index] in (".", ";", "!", "?"):
            return None
        index -= 1
    return None


def _ends_subordinate_clause(verb: int, tags: list[str], words: list[str]) -> bool:
    """A finite verb closing ``, dass/als/der … VERB,`` belongs to an embedded clause."""
    if verb + 1 >= len(words) or words[verb + 1] not in _CLAUSE_END:
        return False
    index = verb - 1
    while index >= 0 and words[index] != ",":
        index -= 1
    opener = tags[index + 1 : min(index + 3, verb)]
    return index >= 0 and any(tag in _SUBORDINATORS for tag in opener)
