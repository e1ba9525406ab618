"""Load the shipped CRF name tagger and tag sentences of a Doc.

    >>> tagger = NameTagger.load()          # None when the model file is missing
    >>> tagger.tag(doc, sentence.start, sentence.end, rule_mentions)
    [TaggedSpan(start=0, end=2, type='PER', probability=0.97), ...]

The model is read once per process; a sentence's features are computed once and the
CRF gives both the best label sequence and each label's marginal probability. The
tagger builds only the features the model has attributes for (CRFsuite would drop the
others unread), which leaves labels and marginals exactly as with all features.
"""

from __future__ import annotations

import contextlib
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc

from chronik.entities.records import Mention
from chronik.entities.tagger.features import FeatureExtractor
from chronik.errors import ResourceError

TYPES = ("PER", "ORG", "LOC", "OTH")
# Tagger spans less sure than this are not names for the pipeline. Chosen by 5-fold
# cross-validation on GermEval dev (``train --cross-validate``, the ``union`` system):
# the written training sentences raise recall, and the floor buys the precision back.
MIN_SPAN_PROBABILITY = 0.7
MODEL_FILE = "ner.crfsuite"
# CRFsuite's model header (little-endian): the magic, five fields, the number of
# attributes, the offsets of features and labels, then that of the attribute dictionary.
_MODEL_HEADER = struct.Struct("<4s20xI8xI")
_CQDB_HEADER = struct.Struct("<4sIIIII")  # id, size, flag, byte order, count, array offset
_CQDB_RECORD = struct.Struct("<II")  # id, size of the name with its NUL
_CQDB_BYTE_ORDER = 0x62445371


@dataclass(frozen=True)
class TaggedSpan:
    start: int  # first token, index into the Doc
    end: int  # token after the last
    type: str  # PER | ORG | LOC | OTH (GermEval 2014 outer types)
    # The smallest marginal probability of the span's labels: a span is as sure as its
    # weakest token.
    probability: float


@dataclass(frozen=True)
class TaggerOutput:
    """What the tagger says about one sentence (sentence-relative token indices)."""

    spans: list[TaggedSpan]  # the best label sequence's spans
    marginals: list[dict[str, float]]  # per token, the probability of every label


class NameTagger:
    def __init__(
        self, tagger: pycrfsuite.Tagger, features: FeatureExtractor, model: bytes = b""
    ) -> None:
        self._tagger = tagger
        self._features = features
        # CRFsuite reads an in-memory model in place without copying it: the bytes must
        # live as long as the tagger, or tagging reads freed memory.
        self._model = model
        self._labels = tuple(tagger.labels())

    @classmethod
    @cache
    def load(cls) -> NameTagger | None:
        """The shipped model, read once per process; None when the file is missing."""
        model = resources.files("chronik.entities.tagger") / "data" / MODEL_FILE
        if not model.is_file():
            return None
        return cls.from_bytes(model.read_bytes(), FeatureExtractor.load())

    @classmethod
    def from_file(cls, path: Path, features: FeatureExtractor | None = None) -> NameTagger:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise ResourceError(f"{path}: cannot read the tagger model ({error})") from error
        return cls.from_bytes(data, features or FeatureExtractor.load())

    @classmethod
    def from_bytes(cls, data: bytes, features: FeatureExtractor) -> NameTagger:
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open_inmemory(data)
        except (ValueError, OSError) as error:
            raise ResourceError(f"tagger model is not a CRFsuite model ({error})") from error
        known = model_attributes(data)
        if known is not None:
            features = features.restricted_to(known)
        return cls(tagger, features, data)

    def tag(
        self, doc: Doc, start: int, end: int, rule_mentions: Iterable[Mention] = ()
    ) -> list[TaggedSpan]:
        """Name spans in ``doc[start:end]`` (a tagged sentence), with Doc token indices."""
        return [
            TaggedSpan(start + span.start, start + span.end, span.type, span.probability)
            for span in self.read(doc, start, end, rule_mentions).spans
        ]

    def read(
        self, doc: Doc, start: int, end: int, rule_mentions: Iterable[Mention] = ()
    ) -> TaggerOutput:
        """Spans and label marginals for ``doc[start:end]``, sentence-relative. Marginals
        are computed where the span judge reads them: over and beside the tagger's spans
        and the rules' mentions; other tokens get an empty row."""
        if end <= start:
            return TaggerOutput([], [])
        mentions = list(rule_mentions)
        around = [(m.start - start, m.end - start) for m in mentions if start <= m.start < end]
        items = self._features.sentence(doc, start, end, mentions)
        output = self.read_items(items, around)
        words = [token.text for token in doc[start:end]]
        spans = [
            span
            for span in output.spans
            if not any(word in _NEVER_INSIDE for word in words[span.start : span.end])
        ]
        return TaggerOutput(spans, output.marginals)

    def read_items(
        self, items: Sequence[Sequence[str]], around: Iterable[tuple[int, int]] | None = None
    ) -> TaggerOutput:
        """Spans and marginals over precomputed feature items: every token's marginals,
        or with ``around`` only those over and beside these ranges and the spans."""
        if not items:
            return TaggerOutput([], [])
        tagger = self._tagger
        # A plain list is converted once; an ItemSequence would be converted, then copied.
        labels = tagger.tag(items)
        marginal = tagger.marginal
        names = self._labels
        spans = decode(
            labels,
            [1.0 if label == "O" else marginal(label, index) for index, label in enumerate(labels)],
        )
        count = len(labels)
        if around is None:
            needed: Iterable[int] = range(count)
        else:
            ranges = [*around, *((span.start, span.end) for span in spans)]
            needed = {i for first, after in ranges for i in range(first - 1, after + 1)}
        marginals: list[dict[str, float]] = [{} for _ in range(count)]
        for index in needed:
            if 0 <= index < count:
                marginals[index] = {name: marginal(name, index) for name in names}
        return TaggerOutput(spans, marginals)

    def tag_items(self, items: Sequence[Sequence[str]]) -> list[TaggedSpan]:
        """Spans over precomputed feature items (sentence-relative indices)."""
        return self.read_items(items, ()).spans


# Tokens no name spans ("Gruppe C ( Graz )" is no name "C ( Graz"); of GermEval's
# 1,970 names one holds a bracket.
_NEVER_INSIDE = frozenset({"(", ")", "[", "]", ":", ";", "„", "“", "”", '"', "«", "»"})


def combine(
    spans: Sequence[TaggedSpan],
    names: Sequence[tuple[int, int]],
    floor: float = MIN_SPAN_PROBABILITY,
) -> tuple[list[TaggedSpan], set[int]]:
    """Tagger spans beside the rules' sure names (linked to the knowledge base): the
    spans as sure as ``floor`` that overlap no name, and the indices of the names that
    give way. A name wins where it overlaps a span, unless a sure span strictly contains
    every name it overlaps: then the names are parts of a longer name (``Detroit`` in
    ``Detroit Red Wings``, ``Red Bull`` in ``Red Bull Air Race``) and the span replaces
    them. Spans of any type count, so an OTH span removes the names inside it."""
    sure = [span for span in spans if span.probability >= floor]
    dropped: set[int] = set()
    for span in sure:
        inside = [
            index
            for index, (start, end) in enumerate(names)
            if span.start < end and start < span.end
        ]
        if inside and all(
            span.start <= names[index][0]
            and names[index][1] <= span.end
            and names[index] != (span.start, span.end)
            for index in inside
        ):
            dropped.update(inside)
    staying = [name for index, name in enumerate(names) if index not in dropped]
    taken = [
        span
        for span in sure
        if not any(span.start < end and start < span.end for start, end in staying)
    ]
    return taken, dropped


def model_attributes(model: bytes) -> frozenset[str] | None:
    """The attribute names of a CRFsuite model: the only features it gives a weight to
    (CRFsuite saves an attribute only with its features, and ignores any other at tagging
    time). Read from the model's attribute dictionary, a CQDB chunk: a header, 256 hash
    tables, records (``id``, ``size``, the NUL-terminated name) and an array of record
    offsets by id. None when the bytes are not laid out so: then nothing is left out."""
    try:
        magic, attribute_count, chunk_start = _MODEL_HEADER.unpack_from(model, 0)
        chunk, _, _, byte_order, count, array = _CQDB_HEADER.unpack_from(model, chunk_start)
        if magic != b"lCRF" or chunk != b"CQDB" or byte_order != _CQDB_BYTE_ORDER:
            return None
        if count != attribute_count:
            return None
        names = set()
        offsets = struct.unpack_from(f"<{count}I", model, chunk_start + array)
        for number, offset in enumerate(offsets):
            record = chunk_start + offset
            identifier, size = _CQDB_RECORD.unpack_from(model, record)
            if identifier != number or size < 1:
                return None
            name = model[record + _CQDB_RECORD.size : record + _CQDB_RECORD.size + size - 1]
            # A name that is not UTF-8 matches no feature (pycrfsuite encodes them in UTF-8).
            with contextlib.suppress(UnicodeDecodeError):
                names.add(name.decode("utf-8"))
    except struct.error:
        return None
    return frozenset(names)


def decode(labels: Sequence[str], marginals: Sequence[float]) -> list[TaggedSpan]:
    """BIO labels to spans; an ``I-`` that does not continue its type opens a span."""
    spans: list[TaggedSpan] = []
    start, kind = -1, ""
    for index, label in enumerate([*labels, "O"]):
        prefix, _, label_type = label.partition("-")
        if prefix == "I" and label_type == kind:
            continue
        if kind in TYPES:
            probability = min(marginals[start:index])
            spans.append(TaggedSpan(start, index, kind, round(probability, 4)))
        start, kind = (index, label_type) if prefix in ("B", "I") else (-1, "")
    return spans
