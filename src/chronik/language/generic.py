"""Tokens and sentences for languages without a full layer (analysis beyond is German-only)."""

from __future__ import annotations

from spacy.vocab import Vocab

from chronik.language.docbuild import TokenPlan, build_doc
from chronik.language.parsed import Parsed, Sentence
from chronik.structure.paragraphs import Unit


class GenericLayer:
    """SoMaJo's English tokenizer for English, its German one for every other language:
    both split sentences well enough on Latin-script news text."""

    code = "xx"

    def __init__(self, vocab: Vocab) -> None:
        from somajo import SoMaJo

        self._vocab = vocab
        options = {"split_camel_case": True, "split_sentences": True, "character_offsets": True}
        self._english = SoMaJo("en_PTB", **options)
        self._other = SoMaJo("de_CMC", **options)

    def process(self, text: str, units: list[Unit], *, language: str | None = None) -> Parsed:
        tokenizer = self._english if language == "en" else self._other
        plan = TokenPlan.empty()
        sentences: list[tuple[int, int, str, int]] = []
        position = 0
        for number, unit in enumerate(units):
            plan.add_plain(text, position, unit.start)
            for sentence in tokenizer.tokenize_text([text[unit.start : unit.end]]):
                first = len(plan.starts)
                for offset, token in enumerate(sentence):
                    start, end = token.character_offset
                    if end > start:
                        plan.add(unit.start + start, unit.start + end, sent_start=offset == 0)
                sentences.append((first, len(plan.starts), unit.role, number))
            position = unit.end
        plan.add_plain(text, position, len(text))
        doc, index = build_doc(self._vocab, text, plan)
        return Parsed(
            doc=doc,
            sentences=[
                Sentence(index[first], index[after - 1] + 1, role, number)
                for first, after, role, number in sentences
                if after > first
            ],
            language=language or self.code,
            tagged=False,
        )
