"""The shipped tagger builds only the features its model knows: same labels and marginals."""

from __future__ import annotations

from importlib import resources as package_files

import pycrfsuite
import pytest

from chronik.entities.tagger import NameTagger
from chronik.entities.tagger.features import FeatureExtractor
from chronik.entities.tagger.model import MODEL_FILE, model_attributes
from chronik.resources import Resources

# Sentences written for this test: names known and unknown to the knowledge base, a
# quotation, brackets, hyphen compounds, a capitalised opener, and very short ones.
SENTENCES = [
    "Am Dienstag sagte Kanzler Olaf Scholz in Berlin , man werde „ Zeitenwende “ ernst nehmen .",
    "Die Nordwindwerke GmbH ( NWW ) aus Bremerhaven meldete einen Verlust .",
    "Er traf Marlene Quast-Berger und den SPD-Chef im Rathaus von Neustadt an der Weinstraße .",
    "Hallo !",
    "Brüssel",
]


@pytest.fixture(scope="module")
def model() -> bytes:
    return (package_files.files("chronik.entities.tagger") / "data" / MODEL_FILE).read_bytes()


def _marginals(tagger: pycrfsuite.Tagger, items: list[list[str]]) -> list[list[float]]:
    labels = tagger.labels()
    return [[tagger.marginal(label, index) for label in labels] for index in range(len(items))]


def test_model_attributes_are_the_models_attribute_dictionary(model: bytes) -> None:
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    info = tagger.info()
    attributes = model_attributes(model)
    assert attributes == set(info.attributes)
    assert attributes == {attribute for attribute, _ in info.state_features}
    assert "bias" in attributes


@pytest.mark.parametrize("bad", [b"", b"lCRF" + bytes(40), b"not a model" * 10])
def test_model_attributes_of_other_bytes_are_none(bad: bytes) -> None:
    assert model_attributes(bad) is None


def test_restricted_features_tag_as_all_features(model: bytes, resources: Resources) -> None:
    known = model_attributes(model)
    assert known is not None
    every = FeatureExtractor.load()
    restricted = every.restricted_to(known)
    crf = pycrfsuite.Tagger()
    crf.open_inmemory(model)
    dropped = 0
    for text in SENTENCES:
        parsed = resources.german.process_tokens(text.split())
        mentions = resources.entities.run(parsed, None).mentions
        full = every.sentence(parsed.doc, 0, len(parsed.doc), mentions)
        kept = restricted.sentence(parsed.doc, 0, len(parsed.doc), mentions)
        # The same features in the same order, less those the model has no weight for.
        assert kept == [[feature for feature in item if feature in known] for item in full]
        dropped += sum(len(item) for item in full) - sum(len(item) for item in kept)
        labels = crf.tag(full)
        marginals, probability = _marginals(crf, full), crf.probability(labels)
        assert crf.tag(kept) == labels
        assert _marginals(crf, kept) == marginals  # exactly: same weights, same order
        assert crf.probability(labels) == probability
    assert dropped > 0  # training still sees every feature; the restricted ones fewer


def test_shipped_tagger_finds_the_spans_of_all_features(model: bytes, resources: Resources) -> None:
    shipped = NameTagger.load()
    assert shipped is not None
    crf = pycrfsuite.Tagger()
    crf.open_inmemory(model)
    unrestricted = NameTagger(crf, FeatureExtractor.load(), model)
    found = 0
    for text in SENTENCES:
        parsed = resources.german.process_tokens(text.split())
        mentions = resources.entities.run(parsed, None).mentions
        spans = shipped.tag(parsed.doc, 0, len(parsed.doc), mentions)
        assert spans == unrestricted.tag(parsed.doc, 0, len(parsed.doc), mentions)
        found += len(spans)
    assert found >= 3
