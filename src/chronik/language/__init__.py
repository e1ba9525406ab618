"""The language layer: tokens, sentences, tags and lemmas on a spaCy Doc.

Each language is a folder with a ``layer.py`` that builds a ``LanguageLayer``; German
(``de``) is the full layer, other languages get tokens and sentences only. The Doc's
text is always the Article text, so ``token.idx`` is an offset into it.
"""

from chronik.language.parsed import Parsed, Sentence

__all__ = ["Parsed", "Sentence"]
