"""What HanTa's own lexicon says about a word form, as tagger features.

HanTa (the part-of-speech tagger Chronik already runs) keeps a lexicon of about 23,000
lower-cased word forms seen in its training corpus, each with the tags it had there.
A capitalised word whose lower-case form is a known adjective or verb (``Grünen``,
``Linke``), a known common noun (``Bank``), a known name, or no known word at all
(``Nordwind``) is a different bet for a name tagger; that is the feature.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from chronik.language.de.tagger import stts

# Readings this much less likely (natural log) than the best one are ignored.
_MARGIN = 3.0
# Tags of words that can be (part of) a name; any other best tag marks a function word.
_NAME_LIKE = frozenset({"NN", "NE", "FM", "NNA", "ADJA", "ADJD", "TRUNC"})


@dataclass(frozen=True)
class WordLexicon:
    """Lower-cased word form -> its HanTa tags, best first."""

    readings: dict[str, tuple[str, ...]]

    @classmethod
    @cache
    def load(cls) -> WordLexicon:
        from HanTa import HanoverTagger

        model = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        return cls.from_entries(
            {
                word: [(model.int2tag[code], score) for code, score in entries]
                for word, entries in model.cache.items()
            }
        )

    @classmethod
    def from_entries(cls, entries: dict[str, list[tuple[str, float]]]) -> WordLexicon:
        readings = {}
        for word, scored in entries.items():
            if not scored:
                continue
            ranked = sorted(scored, key=lambda item: -item[1])
            best = ranked[0][1]
            readings[word] = tuple(stts(tag) for tag, score in ranked if best - score <= _MARGIN)
        return cls(readings)

    def is_function_word(self, word: str) -> bool:
        """Whether the lower-cased form's best reading is an article, pronoun, preposition,
        adverb, verb or the like: capitalised at the start of a sentence, it is no name."""
        found = self.readings.get(word.lower())
        return found is not None and found[0] not in _NAME_LIKE

    def flags(self, word: str) -> list[str]:
        """``lex=NN`` (best tag of the lower-cased form), ``lex=unknown``, ``lexne=1``
        when a name is among the likely readings, and the best tag joined with the
        capitalisation (``lexcap=ADJA|1``: a capitalised adjective is often a party or
        a place)."""
        if not any(char.isalpha() for char in word):
            return []
        found = self.readings.get(word.lower())
        capital = "1" if word[:1].isupper() else "0"
        if found is None:
            return ["lex=unknown", f"lexcap=unknown|{capital}"]
        flags = [f"lex={found[0]}", f"lexcap={found[0]}|{capital}"]
        if "NE" in found[1:]:
            flags.append("lexne=1")
        return flags
