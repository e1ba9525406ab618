"""The format of the sentences written to train the name tagger, and the files in
``training/ner/`` themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.entities.tagger.corpus import check, parse_line, read_annotated
from chronik.entities.tagger.train import read_written
from chronik.errors import UsageError
from chronik.language.de.tokens import GermanTokenizer

WRITTEN = Path(__file__).parents[2] / "training" / "ner"


@pytest.fixture(scope="module")
def tokenizer() -> GermanTokenizer:
    return GermanTokenizer()


def test_names_become_bio_labels_and_deriv_and_part_train_as_outside(
    tokenizer: GermanTokenizer,
) -> None:
    line = "Der [SPD-Chef|ORGpart] traf [Anna Maria Berger|PER] in [Bad Ischl|LOC]."
    sentence = parse_line(line, tokenizer)
    assert sentence.tokens == (
        "Der", "SPD-Chef", "traf", "Anna", "Maria", "Berger", "in", "Bad", "Ischl", "."
    )  # fmt: skip
    assert sentence.labels == (
        "O", "O", "O", "B-PER", "I-PER", "I-PER", "O", "B-LOC", "I-LOC", "O"
    )  # fmt: skip
    assert sentence.names == (
        ("SPD-Chef", "ORGpart"),
        ("Anna Maria Berger", "PER"),
        ("Bad Ischl", "LOC"),
    )


def test_a_name_next_to_punctuation_and_quotes_keeps_its_tokens(
    tokenizer: GermanTokenizer,
) -> None:
    sentence = parse_line("„[Tagesschau|OTH]“, sagte [Merkels|PER] Sprecher.", tokenizer)
    assert sentence.tokens[1] == "Tagesschau" and sentence.labels[1] == "B-OTH"
    assert sentence.tokens[5] == "Merkels" and sentence.labels[5] == "B-PER"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Das ist [Kaput|PER]t.", "whole tokens"),
        ("Ein [ Name|PER] mit Leerzeichen.", "space"),
        ("Eine [offene Klammer.", "bracket or bar"),
        ("Ein [Name|XYZ] mit falschem Typ.", "bracket or bar"),
    ],
)
def test_bad_lines_say_what_is_wrong(tokenizer: GermanTokenizer, line: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_line(line, tokenizer)


def test_a_bad_file_names_the_line(tmp_path: Path, tokenizer: GermanTokenizer) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("# Kopf\n[Linz|LOC] liegt an der [Donau|LOC].\n\nDas [Ende|PER]n.\n", "utf-8")
    sentences, problems = check(path, tokenizer)
    assert len(sentences) == 1 and problems == [
        f"{path}:4: name 'Ende' does not cover whole tokens"
    ]
    with pytest.raises(UsageError, match=r"bad\.txt:4"):
        read_annotated(path, tokenizer)


def test_written_folder_missing_gives_no_sentences(tmp_path: Path) -> None:
    assert read_written(tmp_path / "missing") == []


# Capitalised or lower-case words: SoMaJo splits camel case such as "abcDef".
WORD = st.from_regex(r"[A-ZÄÖÜ]?[a-zäöüß]{1,8}", fullmatch=True)
KIND = st.sampled_from(["PER", "ORG", "LOC", "OTH", "LOCderiv", "ORGpart"])
SEGMENT = st.one_of(
    st.tuples(st.lists(WORD, min_size=1, max_size=3), KIND),
    st.tuples(st.lists(WORD, min_size=1, max_size=3), st.none()),
)


@settings(max_examples=60, deadline=None)
@given(segments=st.lists(SEGMENT, min_size=1, max_size=8))
def test_marked_words_round_trip_to_their_labels(
    segments: list, tokenizer: GermanTokenizer
) -> None:
    line = " ".join(
        f"[{' '.join(words)}|{kind}]" if kind else " ".join(words) for words, kind in segments
    )
    expected_tokens: list[str] = []
    expected_labels: list[str] = []
    for words, kind in segments:
        expected_tokens += words
        if kind is None or not kind.isupper():
            expected_labels += ["O"] * len(words)
        else:
            expected_labels += [f"B-{kind}"] + [f"I-{kind}"] * (len(words) - 1)
    sentence = parse_line(line, tokenizer)
    assert list(sentence.tokens) == expected_tokens
    assert list(sentence.labels) == expected_labels
    assert [kind for _, kind in sentence.names] == [kind for _, kind in segments if kind]


@pytest.mark.skipif(not WRITTEN.is_dir(), reason="no written sentences in this checkout")
def test_every_written_file_is_well_formed_and_mostly_distinct(tokenizer: GermanTokenizer) -> None:
    files = sorted(WRITTEN.glob("*.txt"))
    assert files
    for path in files:
        sentences, problems = check(path, tokenizer)
        assert problems == []
        assert len(sentences) >= 100
        lines = [sentence.tokens for sentence in sentences]
        assert len(set(lines)) > 0.98 * len(lines), f"{path.name} repeats sentences"
        names = [name for sentence in sentences for name, kind in sentence.names if kind.isupper()]
        assert len(set(names)) > 0.5 * len(names), f"{path.name} repeats names"
