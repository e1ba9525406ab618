"""The tagger's newer word features: HanTa's lexicon, brackets and capitalised runs."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from chronik.entities.tagger.features import FeatureExtractor, bracketed, capital_runs
from chronik.entities.tagger.word_lexicon import WordLexicon


def test_word_lexicon_reads_the_best_tag_of_the_lower_case_form() -> None:
    lexicon = WordLexicon.from_entries(
        {
            "bank": [("NN", -8.5), ("NE", -11.2), ("FM", -13.7)],
            "grünen": [("NNA", -9.1), ("ADJ(A)", -10.1)],
            "weit": [("ADJ(D)", -9.0), ("NE", -15.0)],
        }
    )
    assert lexicon.flags("Bank") == ["lex=NN", "lexcap=NN|1", "lexne=1"]
    # HanTa's ``ADJ(A)`` is STTS ``ADJA``; a reading far below the best one is dropped.
    assert lexicon.readings["grünen"] == ("NNA", "ADJA")
    assert "lexne=1" not in lexicon.flags("weit")
    assert lexicon.flags("Nordwind") == ["lex=unknown", "lexcap=unknown|1"]
    assert lexicon.flags("nordwind") == ["lex=unknown", "lexcap=unknown|0"]
    assert lexicon.flags("1990") == []
    assert not lexicon.is_function_word("Bank")
    assert not lexicon.is_function_word("Nordwind")  # unknown: may be a name


def test_word_lexicon_marks_articles_and_pronouns_as_function_words() -> None:
    lexicon = WordLexicon.load()
    assert lexicon.is_function_word("Die")
    assert lexicon.is_function_word("Er")
    assert not lexicon.is_function_word("Deutsche")


def test_word_lexicon_loads_hantas_lexicon() -> None:
    lexicon = WordLexicon.load()
    assert len(lexicon.readings) > 10_000
    assert lexicon.flags("Hoffnung")[0] == "lex=NN"
    assert lexicon.flags("Schnell")[0].startswith("lex=ADJ")


def test_bracketed_finds_tokens_inside_round_brackets() -> None:
    assert bracketed(["Deutsche", "Bahn", "(", "DB", ")", "sagte"]) == [3]
    assert bracketed(["a", ")", "b", "(", "c", "(", "d", ")", "e"]) == [4, 6, 8]
    assert bracketed(["ohne", "Klammern"]) == []


def test_capital_runs_mark_the_edges_of_capitalised_runs() -> None:
    words = ["Der", "Chef", "der", "Deutschen", "Bank", "AG", "kam", "aus", "Bonn"]
    runs = capital_runs(words)
    assert runs[0] == ["caprun=first", "caprunlen=2"]
    assert runs[2] == []
    assert runs[3] == ["caprun=first", "caprunlen=3"]
    assert runs[4] == ["caprun=mid", "caprunlen=3"]
    assert runs[5] == ["caprun=last", "caprunlen=3"]
    assert runs[8] == ["caprun=single", "caprunlen=1"]
    skipped = capital_runs(words, skip_first=True)
    assert skipped[0] == []
    assert skipped[1] == ["caprun=single", "caprunlen=1"]


def test_sentence_features_include_lexicon_brackets_and_runs() -> None:
    words = ["Die", "Nordwind", "AG", "(", "NWA", ")", "wächst", "."]
    tags = ["ART", "NE", "NN", "$(", "NE", "$(", "VVFIN", "$."]
    doc = Doc(Vocab(), words=words, tags=tags, lemmas=words)
    items = FeatureExtractor.load().sentence(doc, 0, len(doc))
    assert "lex=unknown" in items[1]
    assert "caprun=first" in items[1]  # the sentence-initial article is no part of it
    assert not any(item.startswith("caprun=") for item in items[0])
    assert "bracketed=1" in items[4]
    assert "bracketed=1" not in items[1]
    assert "1:lex=unknown" in items[0]  # the next word, seen from here
