"""Token features for the CRF name tagger, computed once per sentence.

Each token gets string features (``name=value``, weight 1): the word and its shape,
prefixes and suffixes, capitalisation, position, the HanTa STTS tag and lemma, flags
from Chronik's own lexicons and knowledge base, and the rule system's reading of the
token (``rule=B-PER``). A smaller context set of each neighbour within two tokens is
added under its offset (``-1:tag=ART``), so the CRF sees ``in Berlin`` or ``Herr X``.

The gazetteer flags are the point: the 2,200 training sentences are too few to learn
names, but they are enough to learn how far to trust a first-name list or a KB match.

A loaded model only knows the attributes it was trained with; CRFsuite ignores the others.
``FeatureExtractor.restricted_to(attributes)`` gives an extractor that leaves those out
as it builds the features (per word form, tag or rule label, so the choice is made once
per value, not per token). Surviving features keep their order, so the model sums the
same weights in the same order: labels and marginals stay exactly the same. Training
uses the unrestricted extractor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise, product

from spacy.tokens import Doc

from chronik.entities.lexicon import EntityLexicon
from chronik.entities.names import NameIndex
from chronik.entities.records import Mention
from chronik.entities.tagger.place_names import PlaceNames
from chronik.entities.tagger.word_lexicon import WordLexicon
from chronik.kb.knowledge_base import KnowledgeBase
from chronik.language.tokens_view import view
from chronik.memo import Memo

WINDOW = 2
_OFFSETS = tuple(offset for offset in range(-WINDOW, WINDOW + 1) if offset)
# Each offset's slot in the neighbour views, and where its neighbour stands in a list of
# the views padded by WINDOW at both ends.
_SLOTS = tuple((slot, offset + WINDOW) for slot, offset in enumerate(_OFFSETS))
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
        "gn",
    }
)
_GEO_KINDS = ("country", "capital", "city", "region", "country_adjective", "demonym")
_OPENING = frozenset({"„", "‚"})
_CLOSING = frozenset({"“", "‘"})
_EITHER = frozenset({'"', "«", "»", "''", "``"})  # German writes both »so« and «so»
# Features from small closed sets, formatted once: position in the sentence (by
# ``min(index, 3)``, last token or not, capitalised or not), padding beyond the sentence
# edges, and the place in a run of capitalised words (by place and ``min(size, 4)``).
_POSITION = {
    (pos, last, capitalised): (
        f"pos={pos}",
        *((("cap=initial" if pos == 0 else "cap=1"),) if capitalised else ()),
        *(("BOS",) if pos == 0 else ()),
        *(("EOS",) if last else ()),
    )
    for pos, last, capitalised in product(range(4), (False, True), (False, True))
}
_PAD = {offset: (f"{offset}:pad",) for offset in _OFFSETS}
_CAPITAL_RUN = {
    (where, size): (f"caprun={where}", f"caprunlen={size}")
    for where, size in product(("single", "first", "mid", "last"), range(1, 5))
}
_QUOTED = ("quoted=1",)
_BRACKETED = ("bracketed=1",)


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
    # The subset a neighbour sees, already prefixed by that neighbour's offset, by slot
    # (the index of the offset in _OFFSETS).
    seen_from: tuple[tuple[str, ...], ...]
    lower: str
    capitalised: bool
    # By STTS tag (a word form has few): seen_from joined with what the tag shows.
    seen_with_tag: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class _TagFeatures:
    """The features of one STTS tag: the token's own, with its capitalisation, and
    what a neighbour sees."""

    own: tuple[str, ...]
    by_case: tuple[tuple[str, ...], tuple[str, ...]]  # lower case, capitalised
    seen_from: tuple[tuple[str, ...], ...]  # by slot, as _WordFeatures.seen_from


@dataclass(frozen=True)
class _RuleFeatures:
    """The features of what the rules say about a token, its own and a neighbour's view."""

    own: tuple[str, ...]
    seen_from: tuple[tuple[str, ...], ...]  # by slot, as _WordFeatures.seen_from


@dataclass
class FeatureExtractor:
    """Turns the tokens of a sentence into CRF items; holds the lexicons, loaded once.

    ``known`` (None: every feature) is the set of attributes a model was trained with;
    features outside it are never returned."""

    kb: KnowledgeBase
    lexicon: EntityLexicon
    names: NameIndex
    word_lexicon: WordLexicon
    places: PlaceNames
    known: frozenset[str] | None = None
    _words: Memo[str, tuple[str, ...]] = field(default_factory=Memo, repr=False)
    _word_features: Memo[str, _WordFeatures] = field(default_factory=Memo, repr=False)
    _lemmas: Memo[str, tuple[str, ...]] = field(default_factory=Memo, repr=False)
    _tags: dict[str, _TagFeatures] = field(default_factory=dict, repr=False)
    _tag_pairs: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = field(
        default_factory=dict, repr=False
    )
    _rules: dict[tuple[str, ...], _RuleFeatures] = field(default_factory=dict, repr=False)
    _fixed: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, repr=False)
    _positions: dict[tuple[int, bool, bool], tuple[str, ...]] = field(init=False, repr=False)
    _pad: tuple[tuple[str, ...], ...] = field(init=False, repr=False)
    _name_starts: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._name_starts = self.names.first_words()
        self._positions = {key: self._kept(value) for key, value in _POSITION.items()}
        self._pad = tuple(self._kept(_PAD[offset]) for offset in _OFFSETS)

    @classmethod
    @cache
    def load(cls) -> FeatureExtractor:
        kb = KnowledgeBase.load()
        return cls(kb, EntityLexicon.load(), NameIndex(kb), WordLexicon.load(), PlaceNames.load())

    def restricted_to(self, known: frozenset[str]) -> FeatureExtractor:
        """An extractor on the same lexicons that returns only the features in ``known``
        (a model's attributes), with memos of its own."""
        return FeatureExtractor(
            self.kb,
            self.lexicon,
            self.names,
            self.word_lexicon,
            self.places,
            known,
            _words=self._words,
        )

    def sentence(
        self, doc: Doc, start: int, end: int, rule_mentions: Iterable[Mention] = ()
    ) -> list[list[str]]:
        """One feature list per token of ``doc[start:end]``."""
        tokens = view(doc)
        words = tokens.texts[start:end]
        tag_names = tokens.tags[start:end]
        lemmas = tokens.lemmas[start:end]
        # The memos' records are never falsy: ``or`` computes only what is missing.
        word_memo, tag_memo = self._word_features, self._tags
        local = [word_memo.get(word) or self._word(word) for word in words]
        tags = [tag_memo.get(tag) or self._tag(tag) for tag in tag_names]
        rules = rule_labels(rule_mentions, start, end)
        kb_spans = self._kb_spans(words)
        place_spans = self.places.spans(words)
        length = len(words)
        positions, fixed, lemma_memo = self._positions, self._fixed_features, self._lemmas
        own: list[list[str]] = []
        # What each token shows its neighbours, by slot.
        seen: list[tuple[tuple[str, ...], ...]] = []
        for index in range(length):
            word, tag, labels = local[index], tags[index], rules[index]
            capitalised = word.capitalised
            lemma = lemma_memo.get(lemmas[index])
            if lemma is None:
                lemma = self._lemma(lemmas[index])
            features = [
                *word.features,
                *tag.own,
                *lemma,
                *positions[min(index, 3), index == length - 1, capitalised],
                *tag.by_case[capitalised],
            ]
            shown = word.seen_with_tag.get(tag_names[index])
            if shown is None:
                shown = word.seen_with_tag[tag_names[index]] = _joined(
                    word.seen_from, tag.seen_from
                )
            if labels:
                rule = self._rule(tuple(labels))
                features += rule.own
                shown = _joined(shown, rule.seen_from)
            if kb_spans[index]:
                features += fixed((f"kbspan={kb_spans[index]}",))
            if place_spans[index]:
                features += fixed((f"gnspan={place_spans[index]}",))
            own.append(features)
            seen.append(shown)
        for index in quoted(words):
            own[index] += fixed(_QUOTED)
        for index in bracketed(words):
            own[index] += fixed(_BRACKETED)
        # A sentence-initial article or pronoun is capitalised by position alone.
        opener = bool(words) and self.word_lexicon.is_function_word(words[0])
        runs = _capital_runs([word.capitalised for word in local], skip_first=opener)
        for index, flags in enumerate(runs):
            if flags:
                own[index] += fixed(flags)
        self._add_window(own, seen, [word.lower for word in local], tag_names)
        return own

    def _add_window(
        self,
        own: list[list[str]],
        seen: list[tuple[tuple[str, ...], ...]],
        lows: list[str],
        tags: list[str],
    ) -> None:
        """Append what the neighbours within ``WINDOW`` show, then the tag and word bigrams."""
        around = [self._pad] * WINDOW + seen + [self._pad] * WINDOW  # padded at both ends
        memo = self._tag_pairs
        pairs = [memo.get(pair) or self._tag_pair(*pair) for pair in pairwise(tags)]
        known = self.known
        last = len(own) - 1
        for index, features in enumerate(own):
            for slot, shift in _SLOTS:
                features.extend(around[index + shift][slot])
            if index:
                features.extend(pairs[index - 1][0])
                bigram = f"words-1={lows[index - 1]}|{lows[index]}"
                if known is None or bigram in known:
                    features.append(bigram)
            if index < last:
                features.extend(pairs[index][1])

    def _kept(self, features: Iterable[str]) -> tuple[str, ...]:
        """The features the model knows, in their order."""
        known = self.known
        if known is None:
            return tuple(features)
        return tuple(feature for feature in features if feature in known)

    def _fixed_features(self, features: tuple[str, ...]) -> tuple[str, ...]:
        """``_kept`` for features from a small closed set, remembered by the set."""
        found = self._fixed.get(features)
        if found is None:
            found = self._fixed[features] = self._kept(features)
        return found

    def _tag(self, tag: str) -> _TagFeatures:
        found = self._tags.get(tag)
        if found is None:
            found = self._tags[tag] = _TagFeatures(
                self._kept([f"tag={tag}"]),
                (self._kept([f"tagcap={tag}|False"]), self._kept([f"tagcap={tag}|True"])),
                tuple(self._kept([f"{offset}:tag={tag}"]) for offset in _OFFSETS),
            )
        return found

    def _tag_pair(self, left: str, right: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The tag bigram as seen from its right token and from its left one."""
        found = self._tag_pairs.get((left, right))
        if found is None:
            found = self._tag_pairs[left, right] = (
                self._kept([f"tags-1={left}|{right}"]),
                self._kept([f"tags+1={left}|{right}"]),
            )
        return found

    def _rule(self, labels: tuple[str, ...]) -> _RuleFeatures:
        found = self._rules.get(labels)
        if found is None:
            found = self._rules[labels] = _RuleFeatures(
                self._kept([f"rule={label}" for label in labels]),
                tuple(
                    self._kept([f"{offset}:rule={label}" for label in labels])
                    for offset in _OFFSETS
                ),
            )
        return found

    def _lemma(self, lemma: str) -> tuple[str, ...]:
        found = self._lemmas.get(lemma)
        if found is None:
            found = self._lemmas.remember(lemma, self._kept([f"lemma={lemma}"]))
        return found

    def _word(self, word: str) -> _WordFeatures:
        """The features that depend on the word alone, computed once per word form."""
        found = self._word_features.get(word)
        if found is None:
            lower = word.lower()
            features = [
                "bias",
                f"word={word}",
                f"low={lower}",
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
                self._kept(features),
                tuple(self._kept(f"{offset}:{item}" for item in context) for offset in _OFFSETS),
                lower,
                word[:1].isupper(),
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
        place = self.places.scope(word)
        if place is not None:
            flags.append(f"gn={place}")
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
            # Most words start no name: the set answers before a call to ``longest``.
            starts = words[index] in self._name_starts
            match = self.names.longest(words, index) if starts else None
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
    capitalised = [word[:1].isupper() for word in words]
    return [list(flags) for flags in _capital_runs(capitalised, skip_first=skip_first)]


def _capital_runs(capitalised: Sequence[bool], *, skip_first: bool) -> list[tuple[str, ...]]:
    flags: list[tuple[str, ...]] = [() for _ in capitalised]
    index = 1 if skip_first else 0
    while index < len(capitalised):
        if not capitalised[index]:
            index += 1
            continue
        end = index
        while end < len(capitalised) and capitalised[end]:
            end += 1
        size = min(end - index, 4)
        for position in range(index, end):
            if end - index == 1:
                where = "single"
            elif position == index:
                where = "first"
            else:
                where = "last" if position == end - 1 else "mid"
            flags[position] = _CAPITAL_RUN[where, size]
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


def _joined(
    first: tuple[tuple[str, ...], ...], second: tuple[tuple[str, ...], ...]
) -> tuple[tuple[str, ...], ...]:
    """Two neighbour views joined slot by slot."""
    return tuple(a + b for a, b in zip(first, second, strict=True))


def _word_flags(word: str) -> list[str]:
    flags = []
    if word.isupper() and len(word) > 1:
        flags.append("upper=1")
    if any(char.isdigit() for char in word):
        flags.append("digit=1")
    if "-" in word:
        flags.append("hyphen=1")
    return flags
