"""The German language layer: SoMaJo + HanTa + separable verbs, on a spaCy Doc."""

from __future__ import annotations

from spacy.vocab import Vocab

from chronik.language.de.separable import attach_particles
from chronik.language.de.tagger import GermanTagger
from chronik.language.de.tokens import GermanTokenizer
from chronik.language.docbuild import TokenPlan, build_doc
from chronik.language.parsed import Parsed, Sentence
from chronik.language.vocab import register_forms
from chronik.structure.paragraphs import Unit


class GermanLayer:
    code = "de"

    def __init__(self, vocab: Vocab) -> None:
        self._vocab = vocab
        self.tokenizer = GermanTokenizer()
        self.tagger = GermanTagger()
        register_forms(vocab, self.tagger.lexicon_forms())

    def process_tokens(self, words: list[str]) -> Parsed:
        """One pre-tokenised sentence (for evaluation on gold tokenisation)."""
        return self.process_sentences([words])

    def process_sentences(self, sentences: list[list[str]]) -> Parsed:
        """Pre-tokenised sentences of one paragraph, joined by spaces (gold tokenisation)."""
        words = [word for sentence in sentences for word in sentence]
        text, offsets = _tokens_layer_text(words)
        plan = TokenPlan.empty()
        separable: dict[int, int] = {}
        ranges = []
        for sentence in sentences:
            first = len(plan.starts)
            tags, lemmas = self.tagger.tag(sentence)
            for number in range(len(sentence)):
                start, end = offsets[first + number]
                plan.add(start, end, sent_start=number == 0, tag=tags[number], lemma=lemmas[number])
            for verb, particle in attach_particles(sentence, tags, lemmas).items():
                separable[first + verb] = first + particle
            ranges.append((first, len(plan.starts)))
        _join_lemmas(plan, separable)
        doc, index = build_doc(self._vocab, text, plan)
        return Parsed(
            doc=doc,
            sentences=[Sentence(index[a], index[b - 1] + 1, "body", 0) for a, b in ranges if b > a],
            language=self.code,
            tagged=True,
            separable={index[v]: index[p] for v, p in separable.items()},
        )

    def process(self, text: str, units: list[Unit], *, tag: bool = True) -> Parsed:
        """Tokenise and tag the analysed ``units``; the rest of the text gets plain tokens."""
        plan = TokenPlan.empty()
        sentences: list[tuple[int, int, str, int]] = []
        separable: dict[int, int] = {}
        position = 0
        for number, unit in enumerate(units):
            plan.add_plain(text, position, unit.start)
            for tokenized in self.tokenizer.sentences(text, unit.start, unit.end):
                first = len(plan.starts)
                words = [text[start:end] for start, end in tokenized.offsets]
                tags, lemmas = self.tagger.tag(words) if tag else ([""] * len(words), words)
                plan.add_sentence(tokenized.offsets, tags, lemmas)
                for verb, particle in attach_particles(words, tags, lemmas).items():
                    separable[first + verb] = first + particle
                sentences.append((first, len(plan.starts), unit.role, number))
            position = unit.end
        plan.add_plain(text, position, len(text))
        _join_lemmas(plan, separable)
        doc, index = build_doc(self._vocab, text, plan)
        return Parsed(
            doc=doc,
            sentences=[
                Sentence(index[first], index[after - 1] + 1, role, number)
                for first, after, role, number in sentences
                if after > first
            ],
            language=self.code,
            tagged=tag,
            separable={index[verb]: index[particle] for verb, particle in separable.items()},
        )


def _tokens_layer_text(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    offsets, position = [], 0
    for word in words:
        offsets.append((position, position + len(word)))
        position += len(word) + 1
    return " ".join(words), offsets


def _join_lemmas(plan: TokenPlan, separable: dict[int, int]) -> None:
    """``teilte … mit``: the verb's lemma becomes ``mitteilen``."""
    for verb, particle in separable.items():
        plan.lemmas[verb] = plan.lemmas[particle].lower() + plan.lemmas[verb]
