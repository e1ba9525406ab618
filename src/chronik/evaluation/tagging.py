"""``chronik eval tagging``: part-of-speech and lemma accuracy on CoNLL-U gold (UD German).

The language layer's tags and lemmas feed every rule downstream, so any change made to
the tagger for speed is checked here first. Gold tokens are used, one sentence at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chronik.errors import InputError
from chronik.language.de.tagger import GermanTagger

# Word classes whose lemma the rules read (verbs, nouns, adjectives); the others are
# closed classes or names, whose lemma Chronik takes from the surface.
CONTENT = ("NN", "VV", "VA", "VM", "ADJ")


@dataclass(frozen=True)
class GoldSentence:
    words: list[str]
    tags: list[str]
    lemmas: list[str]


@dataclass
class TaggingScores:
    tokens: int = 0
    tags_right: int = 0
    content: int = 0
    lemmas_right: int = 0
    confusions: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def tag_accuracy(self) -> float:
        return self.tags_right / self.tokens if self.tokens else 0.0

    @property
    def lemma_accuracy(self) -> float:
        """Lemma accuracy on content words (case-insensitive)."""
        return self.lemmas_right / self.content if self.content else 0.0


def read_conllu(path: Path) -> list[GoldSentence]:
    """Sentences of a CoNLL-U file: word form, XPOS (STTS) and lemma per syntactic word."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read CoNLL-U file: {error}", document=str(path)) from None
    sentences = list(_sentences(lines, str(path)))
    if not sentences:
        raise InputError("no sentences in CoNLL-U file", document=str(path))
    return sentences


def _sentences(lines: list[str], name: str) -> Iterator[GoldSentence]:
    words: list[str] = []
    tags: list[str] = []
    lemmas: list[str] = []
    for number, line in enumerate([*lines, ""], start=1):
        if not line.strip():
            if words:
                yield GoldSentence(words, tags, lemmas)
            words, tags, lemmas = [], [], []
            continue
        if line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 10:
            raise InputError(f"line {number} has {len(columns)} columns, not 10", document=name)
        if "-" in columns[0] or "." in columns[0]:
            continue  # multiword ranges and empty nodes carry no tag of their own
        words.append(columns[1])
        lemmas.append(columns[2])
        tags.append(columns[4])


def evaluate(tagger: GermanTagger, sentences: list[GoldSentence]) -> TaggingScores:
    scores = TaggingScores()
    for sentence in sentences:
        tags, lemmas = tagger.tag(sentence.words)
        for gold_tag, gold_lemma, tag, lemma in zip(
            sentence.tags, sentence.lemmas, tags, lemmas, strict=True
        ):
            scores.tokens += 1
            if tag == gold_tag:
                scores.tags_right += 1
            else:
                pair = (gold_tag, tag)
                scores.confusions[pair] = scores.confusions.get(pair, 0) + 1
            if gold_tag.startswith(CONTENT):
                scores.content += 1
                scores.lemmas_right += lemma.casefold() == gold_lemma.casefold()
    return scores
