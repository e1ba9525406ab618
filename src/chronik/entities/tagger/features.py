"""Token features for the CRF name tagger, computed once per sentence.

Each token gets string features (``name=value``, weight 1): the word and its shape,
prefixes and suffixes, capitalisation, position, the HanTa STTS tag and lemma, flags
from Chronik's own lexicons and knowledge base, and the rule system's reading of the
token (``rule=B-PER``). A smaller context set of each neighbour within two tokens is
added under its offset (``-1:tag=ART``), so the CRF sees ``in Berlin`` or ``Herr X``.

The gazetteer flags are the point: the 2,200 training sentences are too few to learn
names, but they are enough to learn how far to trust a first-name list or a KB match.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc

from chronik.entities.lexicon import EntityLexicon
from chronik.entities.names import NameIndex
from chronik.entities.records import Mention
from chronik.entities.tagger.word_lexicon import WordLexicon
from chronik.kb.knowledge_base import KnowledgeBase
from chronik.memo import Memo

WINDOW = 2
_AFFIX_SIZES = (1, 2, 3, 4)
_CONTEXT_KEYS = frozenset(
    {
        "low",
        "tag",
        "sshape",
        "fn",
        "geo",
        "kbper",
        "kborg",
        "role",
        "title",
        "rule",
        "notname",
        "lex",
    }
)
_GEO_KINDS = ("country", "capital", "city", "region", "country_adjective", "demonym")
_OPENING = frozenset({"„", "‚"})
_CLOSING = frozenset({"“", "‘"})
_EITHER = frozenset({'"', "«", "»", "''", "``"})  # German writes both »so« and «so»


def shape(word: str) -> str:
    """``Merkel`` -> ``Xxxxxx``, ``G20`` -> ``Xdd``: letters and digits by class."""
    out = []
    for char in word[:12]:
        if char.isupper():
            out.append("X")
        elif char.islower():
            out.append("x")
        elif char.isdigit():
            out.append("d")
        else:
            out.append(char)
    return "".join(out)


def short_shape(word: str) -> str:
    """The shape with repeats collapsed: ``Xxxxxx`` -> ``Xx``, ``US-Präsident`` -> ``X-Xx``."""
    out: list[str] = []
    for char in shape(word):
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out)


@dataclass(frozen=True)
class _WordFeatures:
    features: tuple[str, ...]
    # The subset a neighbour sees, already prefixed by that neighbour's offset.
    seen_from: dict[int, tuple[str, ...]]


@dataclass
class FeatureExtractor:
    """Turns the tokens of a sentence into CRF items; holds the lexicons, loaded once."""

    kb: KnowledgeBase
    lexicon: EntityLexicon
    names: NameIndex
    word_lexicon: WordLexicon
    _words: Memo[str, tuple[str, ...]] = field(default_factory=Memo, repr=False)
    _word_features: Memo[str, _WordFeatures] = field(default_factory=Memo, repr=False)

    @classmethod
    @cache
    def load(cls) -> FeatureExtractor:
        kb = KnowledgeBase.load()
        return cls(kb, EntityLexicon.load(), NameIndex(kb), WordLexicon.load())

    def sentence(
        self, doc: Doc, start: int, end: int, rule_mentions: Iterable[Mention] = ()
    ) -> list[list[str]]:
        """One feature list per token of ``doc[start:end]``."""
        tokens = list(doc[start:end])
        rules = rule_labels(rule_mentions, start, end)
        words = [token.text for token in tokens]
        kb_spans = self._kb_spans(words)
        length = len(tokens)
        own: list[list[str]] = []
        context: list[tuple[_WordFeatures, list[str]]] = []
        for index, token in enumerate(tokens):
            word, tag = token.text, token.tag_
            local = self._word(word)
            rule = [f"rule={label}" for label in rules[index]]
            features = [
                *local.features,
                f"tag={tag}",
                f"lemma={token.lemma_}",
                f"pos={min(index, 3)}",
                *_position_flags(word, index, length),
                f"tagcap={tag}|{word[:1].isupper()}",
                *rule,
            ]
            if kb_spans[index]:
                features.append(f"kbspan={kb_spans[index]}")
            own.append(features)
            context.append((local, [f"tag={tag}", *rule]))
        for index in quoted(words):
            own[index].append("quoted=1")
        for index in bracketed(words):
            own[index].append("bracketed=1")
        # A sentence-initial article or pronoun is capitalised by position alone.
        opener = bool(words) and self.word_lexicon.is_function_word(words[0])
        for index, flags in enumerate(capital_runs(words, skip_first=opener)):
            own[index] += flags
        tags = [token.tag_ for token in tokens]
        lows = [word.lower() for word in words]
        return [_with_window(own, context, tags, lows, index) for index in range(length)]

    def _word(self, word: str) -> _WordFeatures:
        """The features that depend on the word alone, computed once per word form."""
        found = self._word_features.get(word)
        if found is None:
            features = [
                "bias",
                f"word={word}",
                f"low={word.lower()}",
                f"shape={shape(word)}",
                f"sshape={short_shape(word)}",
                f"len={min(len(word), 10)}",
            ]
            features += [f"pre{n}={word[:n]}" for n in _AFFIX_SIZES if len(word) > n]
            features += [f"suf{n}={word[-n:]}" for n in _AFFIX_SIZES if len(word) > n]
            features += _word_flags(word)
            features += self.word_lexicon.flags(word)
            features += self._lexical(word)
            features += [f"part:{flag}" for flag in self._hyphen_parts(word)]
            context = [item for item in features if item.split("=", 1)[0] in _CONTEXT_KEYS]
            found = _WordFeatures(
                tuple(features),
                {
                    offset: tuple(f"{offset}:{item}" for item in context)
                    for offset in range(-WINDOW, WINDOW + 1)
                    if offset
                },
            )
            self._word_features.remember(word, found)
        return found

    def _lexical(self, word: str) -> tuple[str, ...]:
        found = self._words.get(word)
        if found is None:
            found = self._words.remember(word, tuple(self._lexical_flags(word)))
        return found

    def _hyphen_parts(self, word: str) -> list[str]:
        """Flags of the first and last part of a hyphen compound (``CDU-Chef``)."""
        parts = [part for part in word.split("-") if part]
        if len(parts) < 2:
            return []
        first = [f"first_{flag}" for flag in self._lexical(parts[0]) if "=" in flag]
        last = [f"last_{flag}" for flag in self._lexical(parts[-1]) if "=" in flag]
        return first + last

    def _lexical_flags(self, word: str) -> list[str]:
        """Lexicon and knowledge-base flags that depend on the word alone."""
        lexicon, kb = self.lexicon, self.kb
        flags = []
        first = lexicon.first_name(word)
        if first is not None:
            flags.append(f"fn={first.gender}{'?' if first.ambiguous else ''}")
        if lexicon.is_not_name(word):
            flags.append("notname=1")
        suffix = lexicon.org_suffix(word)
        if suffix is not None:
            flags.append(f"orgsuffix={suffix.kind}")
        if lexicon.compound_org_head(word) is not None:
            flags.append("orghead=1")
        if lexicon.person_title(word) is not None:
            flags.append("title=1")
        if lexicon.is_name_particle(word):
            flags.append("particle=1")
        refs = kb.gazetteer.lookup(word)
        for kind in _GEO_KINDS:
            matching = [ref for ref in refs if ref.kind == kind]
            if matching:
                sure = any(not ref.ambiguous for ref in matching)
                flags.append(f"geo={kind}{'' if sure else '?'}")
        if kb.people.by_name(word):
            flags.append("kbper=1")
        if kb.organisations.by_name(word):
            flags.append("kborg=1")
        if kb.parties.by_name(word):
            flags.append("kborg=party")
        if word[:1].isupper() and kb.institutions.by_form(word) is not None:
            flags.append("kbinst=1")
        if word[:1].isupper() and kb.roles.is_role(word):
            flags.append("role=1")
        return flags

    def _kb_spans(self, words: list[str]) -> list[str]:
        """B-/I- plus the reading type of multi-word KB names (``Vereinigte Staaten``)."""
        labels = [""] * len(words)
        index = 0
        while index < len(words):
            match = self.names.longest(words, index)
            if match is None:
                index += 1
                continue
            kind = match.readings[0].type
            for position in range(match.start, match.end):
                labels[position] = f"{'B' if position == match.start else 'I'}-{kind}"
            index = match.end
        return labels


def quoted(words: Sequence[str]) -> list[int]:
    """Indices of tokens between quotation marks: titles and nicknames live there."""
    inside, found = False, []
    for index, word in enumerate(words):
        if word in _OPENING or (word in _EITHER and not inside):
            inside = True
        elif word in _CLOSING or (word in _EITHER and inside):
            inside = False
        elif inside:
            found.append(index)
    return found


def capital_runs(words: Sequence[str], *, skip_first: bool = False) -> list[list[str]]:
    """Where each token stands in its run of capitalised words (``caprun=first``,
    ``mid``, ``last``, ``single``) and the run's length: a multi-word name is such a
    run, and its edges are where the tagger's boundary errors are. ``skip_first``
    leaves the first word out (``Die`` in ``Die Bürgermeisterin Petra Lang``)."""
    flags: list[list[str]] = [[] for _ in words]
    index = 1 if skip_first else 0
    while index < len(words):
        if not words[index][:1].isupper():
            index += 1
            continue
        end = index
        while end < len(words) and words[end][:1].isupper():
            end += 1
        size = end - index
        for position in range(index, end):
            if size == 1:
                where = "single"
            elif position == index:
                where = "first"
            else:
                where = "last" if position == end - 1 else "mid"
            flags[position] = [f"caprun={where}", f"caprunlen={min(size, 4)}"]
        index = end
    return flags


def bracketed(words: Sequence[str]) -> list[int]:
    """Indices of tokens inside round brackets: abbreviations and places of the name
    before them (``Deutsche Bahn (DB)``, ``Neustadt (Hessen)``)."""
    depth, found = 0, []
    for index, word in enumerate(words):
        if word == "(":
            depth += 1
        elif word == ")":
            depth = max(depth - 1, 0)
        elif depth:
            found.append(index)
    return found


def rule_labels(mentions: Iterable[Mention], start: int, end: int) -> list[list[str]]:
    """What the rules say about each token: ``B-PER``/``I-GPE`` for names (plus ``kb``
    when linked), ``nominal`` or ``pronoun`` for the other mention kinds."""
    labels: list[list[str]] = [[] for _ in range(end - start)]
    for mention in mentions:
        if mention.end <= start or mention.start >= end:
            continue
        for position in range(max(mention.start, start), min(mention.end, end)):
            found = labels[position - start]
            if mention.kind != "name" or mention.reading is None:
                found.append(mention.kind)
                continue
            prefix = "B" if position == mention.start else "I"
            found.append(f"{prefix}-{mention.reading.type}")
            if mention.reading.kb_id:
                found.append("kb")
    return labels


def _word_flags(word: str) -> list[str]:
    flags = []
    if word.isupper() and len(word) > 1:
        flags.append("upper=1")
    if any(char.isdigit() for char in word):
        flags.append("digit=1")
    if "-" in word:
        flags.append("hyphen=1")
    return flags


def _position_flags(word: str, index: int, length: int) -> list[str]:
    flags = []
    if word[:1].isupper():
        flags.append("cap=initial" if index == 0 else "cap=1")
    if index == 0:
        flags.append("BOS")
    if index == length - 1:
        flags.append("EOS")
    return flags


def _with_window(
    own: list[list[str]],
    context: list[tuple[_WordFeatures, list[str]]],
    tags: list[str],
    lows: list[str],
    index: int,
) -> list[str]:
    features = list(own[index])
    for offset in range(-WINDOW, WINDOW + 1):
        position = index + offset
        if offset == 0:
            continue
        if position < 0 or position >= len(own):
            features.append(f"{offset}:pad")
            continue
        local, token_context = context[position]
        features += local.seen_from[offset]
        features += [f"{offset}:{item}" for item in token_context]
    if index > 0:
        features.append(f"tags-1={tags[index - 1]}|{tags[index]}")
        features.append(f"words-1={lows[index - 1]}|{lows[index]}")
    if index + 1 < len(own):
        features.append(f"tags+1={tags[index]}|{tags[index + 1]}")
    return features
