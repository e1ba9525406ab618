"""The shared vocabulary keeps the word attributes Chronik reads and drops the rest."""

from spacy.tokens import Doc

from chronik.language.vocab import german_vocab


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
