"""The entity stage: mentions → coreference → entities with actor codes.

``EntityRecogniser.run`` is pure given its resources (knowledge base and lexicon, loaded
once); it returns the Article's entities and, for later stages, which entity each
mention token belongs to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from chronik.entities.actors import build_entities, char_span
from chronik.entities.coreference import Coreference
from chronik.entities.lexicon import EntityLexicon
from chronik.entities.mentions import MentionFinder
from chronik.entities.names import NameIndex
from chronik.entities.nominals import NominalFinder
from chronik.entities.records import Mention
from chronik.entities.tagger.judge import SpanJudge
from chronik.entities.tagger.model import NameTagger
from chronik.kb.knowledge_base import KnowledgeBase
from chronik.language.parsed import Parsed
from chronik.model import Entity


@dataclass
class EntityResult:
    entities: list[Entity]
    mentions: list[Mention] = field(default_factory=list)
    entity_of_mention: dict[int, str] = field(default_factory=dict)  # mention index → id


class EntityRecogniser:
    def __init__(
        self,
        kb: KnowledgeBase,
        lexicon: EntityLexicon,
        tagger: NameTagger | None = None,
        judge: SpanJudge | None = None,
    ) -> None:
        self.kb = kb
        names = NameIndex(kb)
        self._mentions = MentionFinder(
            names, NominalFinder(kb, names), lexicon, kb.roles, tagger, judge
        )
        self._coreference = Coreference(kb)

    def run(self, parsed: Parsed, published: str | None) -> EntityResult:
        day = dt.date.fromisoformat(published) if published else None
        mentions = self._mentions.find(parsed)
        clusters = self._coreference.resolve(parsed.doc, mentions, day)
        entities, ids = build_entities(parsed.doc, clusters, self.kb, day)
        by_mention = {
            index: ids[mention.entity]
            for index, mention in enumerate(mentions)
            if mention.entity is not None and mention.entity in ids
        }
        return EntityResult(entities, mentions, by_mention)


__all__ = ["EntityRecogniser", "EntityResult", "char_span"]
