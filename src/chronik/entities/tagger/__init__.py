"""A CRF name tagger trained on GermEval 2014 dev; see docs/ner-model.md.

``NameTagger.load()`` returns the shipped model (or None when its file is missing);
``NameTagger.tag(doc, start, end, rule_mentions)`` returns ``TaggedSpan`` records.
"""

from chronik.entities.tagger.model import NameTagger, TaggedSpan

__all__ = ["NameTagger", "TaggedSpan"]
