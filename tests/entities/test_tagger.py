"""The CRF name tagger: features, the shipped model, and training on a tiny file."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from chronik.entities.records import Mention, Reading
from chronik.entities.tagger import NameTagger, TaggedSpan
from chronik.entities.tagger.features import FeatureExtractor, quoted, shape, short_shape
from chronik.entities.tagger.model import combine, decode
from chronik.entities.tagger.train import (
    BLOCK,
    Labelled,
    _fraction,
    augment,
    folds,
    prepare,
    read_europarl,
    read_germeval_outer,
    train,
    union,
)
from chronik.resources import Resources

TINY_TSV = """\
#\thttp://example.org/a\t[2024-01-01]
1\tGestern\tO\tO
2\tbesuchte\tO\tO
3\tSabine\tB-PER\tO
4\tKrüger\tI-PER\tO
5\tdie\tO\tO
6\tStadt\tO\tO
7\tDresden\tB-LOC\tO
8\t.\tO\tO

#\thttp://example.org/b\t[2024-01-02]
1\tDer\tO\tO
2\tVorstand\tO\tO
3\tder\tO\tO
4\tNordwind\tB-ORG\tO
5\tAG\tI-ORG\tO
6\ttagte\tO\tO
7\tin\tO\tO
8\tLeipzig\tB-LOC\tO
9\t.\tO\tO

#\thttp://example.org/c\t[2024-01-03]
1\tThomas\tB-PER\tO
2\tBerger\tI-PER\tO
3\tlobte\tO\tO
4\tdie\tO\tO
5\tbayerische\tB-LOCderiv\tO
6\tRegierung\tO\tO
7\t.\tO\tO

#\thttp://de.wikipedia.org/wiki/Beispiel\t[2024-01-04]
1\tIn\tO\tO
2\tHamburg\tB-LOC\tO
3\tsprach\tO\tO
4\tPetra\tB-PER\tO
5\tLange\tI-PER\tO
6\tüber\tO\tO
7\t"\tO\tO
8\tFaust\tB-OTH\tO
9\t"\tO\tO
10\t.\tO\tO
"""


def _doc(words: list[str], tags: list[str]) -> Doc:
    return Doc(Vocab(), words=words, tags=tags, lemmas=words)


def test_tagger_shape_classes_letters_and_digits() -> None:
    assert shape("Merkel") == "Xxxxxx"
    assert shape("G20") == "Xdd"
    assert short_shape("US-Präsident") == "X-Xx"


def test_tagger_features_flag_first_names_places_and_rules() -> None:
    words = ["Gestern", "traf", "Angela", "Merkel", "in", "Hamburg", "ein", "."]
    doc = _doc(words, ["ADV", "VVFIN", "NE", "NE", "APPR", "NE", "ART", "$."])
    person = Mention(2, 4, "name", 0, Reading("PER", "Angela Merkel", "person", kb_id="Q567"))
    items = FeatureExtractor.load().sentence(doc, 0, len(doc), [person])
    assert len(items) == len(words)
    assert "fn=f" in items[2]
    assert "rule=B-PER" in items[2]
    assert "rule=I-PER" in items[3]
    assert "rule=kb" in items[3]
    assert any(item.startswith("geo=") for item in items[5])
    assert "-1:low=in" in items[5]
    assert "shape=Xxxxxxx" in items[5]
    assert not any(item.startswith("geo=") for item in items[1])
    assert "BOS" in items[0] and "EOS" in items[-1]


def test_tagger_features_of_a_sentence_slice_use_sentence_positions() -> None:
    doc = _doc(["Ende", ".", "Berlin", "wächst", "."], ["NN", "$.", "NE", "VVFIN", "$."])
    items = FeatureExtractor.load().sentence(doc, 2, 5)
    assert len(items) == 3
    assert "BOS" in items[0] and "pos=0" in items[0]


def test_tagger_quoted_finds_tokens_between_marks() -> None:
    assert quoted(["Er", "las", "„", "Faust", "“", "."]) == [3]
    assert quoted(["Sie", '"', "Flocke", '"', "lief"]) == [2]


def test_tagger_decode_joins_continuations_and_takes_weakest_marginal() -> None:
    labels = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG"]
    spans = decode(labels, [0.9, 0.6, 1.0, 0.8, 0.7, 0.5])
    assert spans == [
        TaggedSpan(0, 2, "PER", 0.6),
        TaggedSpan(3, 4, "LOC", 0.8),
        TaggedSpan(4, 5, "ORG", 0.7),
        TaggedSpan(5, 6, "ORG", 0.5),
    ]


def test_tagger_union_prefers_linked_rule_names() -> None:
    linked = {(0, 2, "PER")}
    tagged = [TaggedSpan(1, 2, "LOC", 0.99), TaggedSpan(4, 5, "ORG", 0.9)]
    assert union(tagged, linked, 0.7) == {(0, 2, "PER"), (4, 5, "ORG")}


def test_tagger_union_drops_spans_below_the_floor_and_other_types() -> None:
    tagged = [TaggedSpan(0, 1, "PER", 0.6), TaggedSpan(2, 3, "OTH", 0.9)]
    assert union(tagged, set(), 0.7) == set()
    assert union(tagged, set(), 0.5) == {(0, 1, "PER")}


def test_tagger_combine_a_longer_sure_span_replaces_the_names_inside() -> None:
    # "die Detroit Red Wings": the knowledge base knows Detroit, the tagger the team.
    spans = [TaggedSpan(1, 4, "ORG", 0.8)]
    taken, dropped = combine(spans, [(1, 2)])
    assert taken == spans
    assert dropped == {0}
    assert union(spans, {(1, 2, "LOC")}, 0.7) == {(1, 4, "ORG")}


def test_tagger_combine_keeps_names_the_span_does_not_contain() -> None:
    spans = [TaggedSpan(1, 3, "ORG", 0.95), TaggedSpan(5, 6, "PER", 0.9)]
    # The same extent, and a name reaching past the span: the names win.
    assert combine(spans, [(1, 3)]) == ([spans[1]], set())
    assert combine(spans, [(2, 4)]) == ([spans[1]], set())
    # A span below the floor never replaces a name.
    assert combine([TaggedSpan(1, 4, "ORG", 0.5)], [(1, 2)]) == ([], set())


def test_tagger_combine_other_spans_remove_names_but_are_not_names() -> None:
    # "Beim Red Bull Air Race": an event title (OTH) around an organisation's name.
    spans = [TaggedSpan(1, 5, "OTH", 0.9)]
    assert union(spans, {(1, 3, "ORG")}, 0.7) == set()


def test_tagger_folds_partition_sentences_in_blocks() -> None:
    result = folds(205, 5)
    flat = sorted(index for fold in result for index in fold)
    assert flat == list(range(205))
    assert all(abs(len(fold) - 41) <= 20 for fold in result)
    assert folds(205, 5) == result  # fixed seed


def test_tagger_augment_seed_decides_the_replacement_names() -> None:
    names = ["Anna", "Bernd", "Clara", "Dieter", "Eva", "Frank", "Gisela", "Horst"]
    sentences = [
        Labelled(("Gestern", "sprach", name, "."), ("O", "O", "B-PER", "O"), "news")
        for name in names
    ]
    first = augment(sentences, 7)
    assert augment(sentences, 7) == first  # the seed alone fixes the draws
    assert all(copy.labels == ("O", "O", "B-PER", "O") for copy in first)
    assert {copy.tokens[2] for copy in first} <= set(names)
    assert [copy.tokens for copy in augment(sentences, 8)] != [copy.tokens for copy in first]


def test_tagger_reader_drops_deriv_and_part(tmp_path: Path) -> None:
    path = tmp_path / "tiny.tsv"
    path.write_text(TINY_TSV, encoding="utf-8")
    sentences = read_germeval_outer(path)
    assert len(sentences) == 4
    assert sentences[2].labels[4] == "O"
    assert sentences[0].gold == frozenset({(2, 4, "PER"), (6, 7, "LOC")})
    assert sentences[3].labels[7] == "B-OTH" and not sentences[3].is_news


def test_tagger_europarl_reader_turns_iob1_into_bio(tmp_path: Path) -> None:
    path = tmp_path / "europarl.tsv"
    rows = ["Herr\tHerr\tNN\tI-NC\tO", "Pex\tPex\tNE\tI-NC\tI-PER", "Bonn\tBonn\tNE\tO\tI-LOC"]
    path.write_text("\n".join([*rows, "", "EU\tEU\tNE\tO\tI-MISC", ""]), encoding="utf-8")
    first, second = read_europarl(path)
    assert first.labels == ("O", "B-PER", "B-LOC")
    assert second.labels == ("B-OTH",)


def test_tagger_model_tags_person_and_city(resources: Resources) -> None:
    tagger = NameTagger.load()
    assert tagger is not None, "src/chronik/entities/tagger/data/ner.crfsuite is missing"
    assert NameTagger.load() is tagger  # loaded once per process
    words = "Am Montag eröffnete Sabine Krüger in Leipzig eine Ausstellung .".split()
    parsed = resources.german.process_tokens(words)
    mentions = resources.entities.run(parsed, None).mentions
    spans = tagger.tag(parsed.doc, 0, len(parsed.doc), mentions)
    found = {(span.start, span.end, span.type) for span in spans}
    assert (3, 5, "PER") in found
    assert (6, 7, "LOC") in found
    for span in spans:
        assert 0.0 <= span.probability <= 1.0
        assert 0 <= span.start < span.end <= len(parsed.doc)
        assert span.type in ("PER", "ORG", "LOC", "OTH")
    ordered = sorted(spans, key=lambda span: span.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ordered))


def test_tagger_model_offsets_are_doc_indices(resources: Resources) -> None:
    tagger = NameTagger.load()
    assert tagger is not None
    words = "Es regnet . Gestern kam Sabine Krüger nach Leipzig .".split()
    parsed = resources.german.process_tokens(words)
    spans = tagger.tag(parsed.doc, 3, len(parsed.doc))
    assert any(span.type == "PER" and span.start == 5 for span in spans)
    assert tagger.tag(parsed.doc, 3, 3) == []


def test_tagger_trains_and_predicts_on_a_tiny_file(tmp_path: Path, resources: Resources) -> None:
    source = tmp_path / "tiny.tsv"
    source.write_text(TINY_TSV, encoding="utf-8")
    prepared = prepare(resources, read_germeval_outer(source))
    model = tmp_path / "tiny.crfsuite"
    train(prepared, model, {"c1": 0.0, "c2": 0.01, "max_iterations": 50})
    tagger = NameTagger.from_file(model)
    spans = tagger.tag_items(prepared[0].items)
    assert (2, 4, "PER") in {(span.start, span.end, span.type) for span in spans}
    output = tagger.read_items(prepared[0].items)
    assert output.spans == spans
    assert len(output.marginals) == len(prepared[0].items)
    for row in output.marginals:  # every label's probability, summing to one
        assert set(row) >= {"O", "B-PER", "I-PER"}
        assert sum(row.values()) == pytest.approx(1.0, abs=1e-6)


def test_tagger_training_writes_the_model_and_the_judge_fitted_out_of_sample(
    tmp_path: Path,
) -> None:
    from chronik.entities.tagger import train as training
    from chronik.entities.tagger.judge import SpanJudge

    folder = tmp_path / "data" / "germeval2014"
    folder.mkdir(parents=True)
    # Enough blocks of sentences for three folds.
    (folder / "NER-de-dev.tsv").write_text(TINY_TSV * 20, encoding="utf-8")
    out = tmp_path / "model" / "ner.crfsuite"
    out.parent.mkdir()
    argv = ["--data", str(tmp_path / "data"), "--no-written", "--cross-validate", "3"]
    assert training.main([*argv, "--iterations", "20", "--out", str(out)]) == 0
    assert out.is_file()
    weights = out.with_name("judge.tsv")
    assert weights.read_text(encoding="utf-8").startswith("# Weights of Chronik's span judge")
    assert SpanJudge.from_file(weights).weights


@pytest.mark.parametrize("bad", [b"", b"not a model"])
def test_tagger_rejects_a_broken_model_file(tmp_path: Path, bad: bytes) -> None:
    from chronik.errors import ResourceError

    path = tmp_path / "broken.crfsuite"
    path.write_bytes(bad)
    with pytest.raises(ResourceError):
        NameTagger.from_file(path)


def test_tagger_train_fraction_keeps_whole_blocks_of_the_training_sentences() -> None:
    indices = [i for i in range(10 * BLOCK) if i // BLOCK != 3]  # block 3 is held out
    half = _fraction(indices, 0.5, fold=0)
    assert set(half) < set(indices)
    chosen = {i // BLOCK for i in half}
    assert len(chosen) in (4, 5)  # half of nine blocks
    assert half == [i for i in indices if i // BLOCK in chosen]  # whole blocks, in order
    assert _fraction(indices, 0.5, fold=0) == half  # fixed by the fold
    assert _fraction(indices, 1.0, fold=0) == indices
