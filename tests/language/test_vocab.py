"""The shared vocabulary keeps the word attributes Chronik reads and drops the rest."""

from functools import cached_property

from spacy.tokens import Doc

from chronik.language.de.layer import GermanLayer
from chronik.language.vocab import german_vocab, register_forms
from chronik.pipeline import analyze
from chronik.resources import Resources


def test_kept_attributes_are_computed() -> None:
    doc = Doc(german_vocab(), words=["Moskau", ",", " ", "„", "ABC", "42"])
    moskau, comma, space, quote, upper, number = doc
    assert moskau.lower_ == "moskau"
    assert moskau.is_title and moskau.is_alpha and not moskau.is_punct
    assert comma.is_punct and not comma.is_space
    assert space.is_space
    assert quote.is_quote and quote.is_punct
    assert upper.is_upper
    assert number.is_digit


def test_unread_string_attributes_are_left_empty() -> None:
    doc = Doc(german_vocab(), words=["Verteidigungsminister", "sagte"])
    minister = doc[0]
    assert minister.shape_ == ""
    assert minister.suffix_ == ""
    assert not doc[1].is_stop


def test_registered_forms_outlive_a_memory_zone() -> None:
    vocab = german_vocab()
    register_forms(vocab, ["Regierung", "regierung"])
    with vocab.memory_zone():
        Doc(vocab, words=["Regierung", "Zwischenlagerstätte"])
    assert "Regierung" in vocab and "regierung" in vocab
    assert "Zwischenlagerstätte" not in vocab  # made inside the zone, freed with it


def test_the_german_layer_registers_its_lexicon(resources: Resources) -> None:
    forms = list(resources.german.tagger.lexicon_forms())
    assert "regierung" in forms and "Regierung" in forms
    assert all(form in resources.vocab for form in ("regierung", "Regierung", "und"))


def test_analysis_loads_the_german_layer_outside_its_memory_zone(resources: Resources) -> None:
    """Loaded inside the zone, the layer's registered forms would be freed with the first
    article."""

    class Watched(Resources):
        loaded_in_zone: bool | None = None

        @cached_property
        def german(self) -> GermanLayer:
            self.loaded_in_zone = self.vocab.in_memory_zone
            return resources.german

    resources.warm()
    watched = Watched(resources.settings)
    # Everything but the German layer is the session's, already loaded.
    watched.__dict__.update({k: v for k, v in vars(resources).items() if k != "german"})
    analyze("Die Regierung in Wien beschloss am Montag neue Regeln.", resources=watched)
    assert watched.loaded_in_zone is False
    assert "Regierung" in watched.vocab
