"""Everything analysis reads, loaded once per process into one object.

``analyze`` takes a Resources (or uses the cached default), so a test, a server and a
Ray worker each pay the loading cost once. Parts load on first use: a run over English
text never loads the German tagger.
"""

from __future__ import annotations

from functools import cache, cached_property

from spacy.vocab import Vocab

from chronik.entities.lexicon import EntityLexicon
from chronik.entities.recognise import EntityRecogniser
from chronik.entities.tagger.judge import SpanJudge
from chronik.entities.tagger.model import NameTagger
from chronik.events.coder import EventCoder
from chronik.events.lexicon import EventLexicon
from chronik.kb.knowledge_base import KnowledgeBase
from chronik.language.de.layer import GermanLayer
from chronik.language.detect import LanguageIdentifier
from chronik.language.generic import GenericLayer
from chronik.language.vocab import german_vocab
from chronik.quotes.attribute import QuoteFinder
from chronik.quotes.lexicon import SpeechLexicon
from chronik.settings import Settings
from chronik.structure.cues import StructureCues

FULL_LANGUAGES = frozenset({"de"})


class Resources:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self.cues = StructureCues.load()

    @cached_property
    def vocab(self) -> Vocab:
        return german_vocab()

    @cached_property
    def identifier(self) -> LanguageIdentifier:
        return LanguageIdentifier()

    @cached_property
    def german(self) -> GermanLayer:
        return GermanLayer(self.vocab)

    @cached_property
    def generic(self) -> GenericLayer:
        return GenericLayer(self.vocab)

    @cached_property
    def kb(self) -> KnowledgeBase:
        return KnowledgeBase.load()

    @cached_property
    def entities(self) -> EntityRecogniser:
        tagger = NameTagger.load() if self.settings.name_tagger else None
        # The judge's weights were fitted to this tagger's output: they come as a pair.
        judge = SpanJudge.load() if tagger is not None else None
        return EntityRecogniser(self.kb, EntityLexicon.load(), tagger, judge)

    @cached_property
    def quotes(self) -> QuoteFinder:
        return QuoteFinder(SpeechLexicon.load())

    @cached_property
    def events(self) -> EventCoder:
        return EventCoder(EventLexicon.load(), self.kb.gazetteer, SpeechLexicon.load())

    def warm(self) -> Resources:
        """Load every part now (before forking workers or timing a benchmark)."""
        for part in (
            self.vocab,
            self.identifier,
            self.german,
            self.generic,
            self.entities,
            self.quotes,
            self.events,
        ):
            del part
        return self


@cache
def default_resources() -> Resources:
    return Resources()
