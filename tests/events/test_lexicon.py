"""Tests for the German PLOVER event lexicon (chronik.events.lexicon and its tables)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from chronik.errors import ResourceError, UsageError
from chronik.events.lexicon import (
    PACKAGE,
    EventLexicon,
    parse_pattern,
    read_triggers,
)
from chronik.tables import load_table, parse_table

PLOVER_TYPES = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
COLUMNS = {
    "plover_types.tsv": ("type", "modes", "quad_class", "score", "intended_as", "definition"),
    "triggers.tsv": (
        "trigger",
        "pos",
        "pattern",
        "type",
        "mode",
        "cameo",
        "target",
        "reciprocal",
        "reflexive",
        "passive_agent",
        "negative_polarity",
        "negates",
        "context_hint",
        "weight",
        "note",
    ),
    "contexts.tsv": ("word", "context", "pos", "compound", "note"),
    "modality.tsv": ("cue", "kind", "modality", "maps_to", "scope", "pos", "requires", "note"),
}


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.load()


def _best(lexicon: EventLexicon, lemma: str) -> tuple[str, str]:
    found = lexicon.triggers_for(lemma)
    assert found, f"no trigger for {lemma}"
    return found[0].type, found[0].mode


def _construction(lexicon: EventLexicon, name: str):
    found = [t for t in lexicon.constructions() if t.trigger == name]
    assert len(found) == 1, name
    return found[0]


@pytest.mark.parametrize("filename", sorted(COLUMNS))
def test_lexicon_tables_have_headers_and_columns(filename: str) -> None:
    table = load_table(PACKAGE, filename)
    assert all(table.meta[key] for key in ("source", "licence", "scope"))
    assert set(COLUMNS[filename]) <= set(table.columns)
    assert len(table) >= 16


def test_lexicon_sizes(lexicon: EventLexicon) -> None:
    assert len(lexicon.triggers) >= 500
    assert len(lexicon.constructions()) >= 100
    assert len(lexicon.context_words) >= 200
    assert len(lexicon.cues) >= 80


def test_lexicon_types_are_the_sixteen_with_quad_classes(lexicon: EventLexicon) -> None:
    assert {t.name: t.quad_class for t in lexicon.types} == PLOVER_TYPES
    assert lexicon.quad_class("protest") == 4
    assert lexicon.plover_type("CONSULT").modes == ("visit", "third-party", "multilateral", "phone")
    assert lexicon.plover_type("FIGHT") is None


def test_lexicon_quad_class_of_unknown_type_is_a_usage_error(lexicon: EventLexicon) -> None:
    with pytest.raises(UsageError, match="DEMAND"):
        lexicon.quad_class("DEMAND")


def test_lexicon_intentions_change_type_as_the_codebook_says(lexicon: EventLexicon) -> None:
    intended = {t.name: t.intended_as for t in lexicon.types}
    assert intended["RETREAT"] == "CONCEDE"  # a promised release or withdrawal
    assert intended["SUPPORT"] == "AGREE"  # a promise to sign
    assert intended["CONSULT"] == "AGREE"  # willingness to meet
    assert intended["ASSAULT"] == "THREATEN"
    assert intended["ACCUSE"] == ""


def test_lexicon_every_trigger_has_a_valid_type_mode_and_context(lexicon: EventLexicon) -> None:
    for trigger in lexicon.triggers:
        kind = lexicon.plover_type(trigger.type)
        assert kind is not None, trigger.trigger
        assert not trigger.mode or trigger.mode in kind.modes, trigger.trigger
        assert not trigger.context_hint or trigger.context_hint in lexicon.contexts
        assert not trigger.negates or lexicon.plover_type(trigger.negates), trigger.trigger
        assert 0.0 <= trigger.weight <= 1.0
        assert trigger.subject_is in ("", "source", "target")
        assert (trigger.pos == "construction") == (trigger.pattern is not None)


def test_lexicon_every_context_word_names_a_vocabulary_context(lexicon: EventLexicon) -> None:
    assert {"military", "economic", "diplomatic", "cbrn", "migration"} <= lexicon.contexts
    assert {word.context for word in lexicon.context_words} <= lexicon.contexts
    assert "future" not in lexicon.contexts  # modality, not context, in Chronik


def test_lexicon_cameo_codes_are_well_formed(lexicon: EventLexicon) -> None:
    codes = [t.cameo for t in lexicon.triggers if t.cameo]
    assert len(codes) > 400
    assert all(re.fullmatch(r"\d{2,4}", code) for code in codes)
    assert all(0 < int(code[:2]) <= 20 for code in codes)


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("treffen", ("CONSULT", "")),
        ("Treffen", ("CONSULT", "")),
        ("Besuch", ("CONSULT", "visit")),
        ("besuchen", ("CONSULT", "visit")),
        ("empfangen", ("CONSULT", "visit")),
        ("telefonieren", ("CONSULT", "phone")),
        ("Telefonat", ("CONSULT", "phone")),
        ("anbieten", ("AGREE", "")),
        ("zusagen", ("AGREE", "")),
        ("vereinbaren", ("AGREE", "")),
        ("Abkommen", ("AGREE", "")),
        ("unterzeichnen", ("SUPPORT", "")),
        ("zusammenarbeiten", ("COOPERATE", "")),
        ("Zusammenarbeit", ("COOPERATE", "")),
        ("liefern", ("AID", "")),
        ("Waffenlieferung", ("AID", "")),
        ("Hilfsgüter", ("AID", "")),
        ("Hilfsgut", ("AID", "")),
        ("fordern", ("REQUEST", "")),
        ("auffordern", ("REQUEST", "")),
        ("appellieren", ("REQUEST", "")),
        ("verlangen", ("REQUEST", "")),
        ("vorwerfen", ("ACCUSE", "allege")),
        ("beschuldigen", ("ACCUSE", "allege")),
        ("verurteilen", ("ACCUSE", "disapprove")),
        ("kritisieren", ("ACCUSE", "disapprove")),
        ("ablehnen", ("REJECT", "")),
        ("zurückweisen", ("REJECT", "")),
        ("dementieren", ("REJECT", "")),
        ("Veto", ("REJECT", "")),
        ("drohen", ("THREATEN", "")),
        ("warnen", ("THREATEN", "")),
        ("Ultimatum", ("THREATEN", "relations")),
        ("protestieren", ("PROTEST", "demo")),
        ("demonstrieren", ("PROTEST", "demo")),
        ("streiken", ("PROTEST", "strike")),
        ("Kundgebung", ("PROTEST", "demo")),
        ("Sanktion", ("SANCTION", "discontinue")),
        ("mobilisieren", ("MOBILIZE", "troops")),
        ("zusammenziehen", ("MOBILIZE", "troops")),
        ("festnehmen", ("COERCE", "arrest")),
        ("verhaften", ("COERCE", "arrest")),
        ("verbieten", ("COERCE", "ban")),
        ("sperren", ("COERCE", "restrict")),
        ("abschieben", ("COERCE", "deport")),
        ("ausweisen", ("COERCE", "deport")),
        ("durchsuchen", ("COERCE", "seize")),
        ("angreifen", ("ASSAULT", "")),
        ("beschießen", ("ASSAULT", "")),
        ("bombardieren", ("ASSAULT", "aerial")),
        ("töten", ("ASSAULT", "")),
        ("Anschlag", ("ASSAULT", "")),
        ("Luftangriff", ("ASSAULT", "aerial")),
        ("unterstützen", ("SUPPORT", "")),
        ("loben", ("SUPPORT", "")),
        ("begrüßen", ("SUPPORT", "")),
        ("anerkennen", ("SUPPORT", "")),
        ("nachgeben", ("CONCEDE", "")),
        ("Zugeständnis", ("CONCEDE", "")),
        ("freilassen", ("RETREAT", "release")),
        ("abziehen", ("RETREAT", "withdraw")),
        ("Rückzug", ("RETREAT", "withdraw")),
        ("zurückziehen", ("RETREAT", "withdraw")),
    ],
)
def test_lexicon_issue_words_have_their_type(lexicon, lemma, expected) -> None:
    assert _best(lexicon, lemma) == expected


@pytest.mark.parametrize(
    ("name", "lemmas", "expected"),
    [
        ("Gespräche führen", "Scholz führen Gespräch mit Macron", "CONSULT"),
        ("bereit sein zu", "Peking sein bereit , der Beziehung auszubauen", "AGREE"),
        ("Sanktionen verhängen", "der EU verhängen neu Sanktion gegen Russland", "SANCTION"),
        ("Diplomaten ausweisen", "Berlin ausweisen vier russisch Diplomat", "SANCTION"),
        ("Beziehungen abbrechen", "Kiew abbrechen der Beziehung zu Minsk ab", "SANCTION"),
        ("Botschafter einbestellen", "Paris einbestellen der Botschafter", "ACCUSE"),
        ("Truppen verlegen", "Russland verlegen Truppe an der Grenze", "MOBILIZE"),
        ("Truppen zusammenziehen", "Soldat werden zusammenziehen", "MOBILIZE"),
        ("in Alarmbereitschaft versetzen", "versetzen der Armee in Alarmbereitschaft", "MOBILIZE"),
        ("gemeinsame Manöver", "beide Marine beginnen gemeinsam Manöver", "COOPERATE"),
        ("Hilfe leisten", "der UN leisten Hilfe", "AID"),
        ("humanitäre Hilfe", "humanitär Hilfe für Gaza", "AID"),
        ("Waffenruhe einhalten", "beide Seite einhalten der Waffenruhe", "RETREAT"),
        ("in die Luft sprengen", "sie sprengen der Brücke in der Luft", "ASSAULT"),
        ("ums Leben kommen", "drei Mensch kommen um Leben", "ASSAULT"),
    ],
)
def test_lexicon_constructions_match_clause_lemmas(lexicon, name, lemmas, expected) -> None:
    construction = _construction(lexicon, name)
    assert construction.type == expected
    assert construction.pattern.match(lemmas.split()) is not None
    anchors = construction.pattern.lemmas
    assert any(construction in lexicon.constructions_for(lemma) for lemma in anchors)


def test_lexicon_sanction_construction_is_found_from_its_verb(lexicon: EventLexicon) -> None:
    found = [t.trigger for t in lexicon.constructions_for("verhängen")]
    assert "Sanktionen verhängen" in found
    assert "Ausgangssperre verhängen" in found


def test_lexicon_ambiguous_lemma_has_readings_ranked_by_weight(lexicon: EventLexicon) -> None:
    readings = lexicon.triggers_for("treffen")
    assert [t.type for t in readings] == ["CONSULT", "ASSAULT"]
    assert readings[0].reciprocal
    assert [t.pos for t in lexicon.triggers_for("Treffen")] == ["noun"]
    assert lexicon.triggers_for("treffen", pos="noun") == ()


def test_lexicon_lookup_folds_old_spelling_and_case(lexicon: EventLexicon) -> None:
    assert _best(lexicon, "Beschuß") == ("ASSAULT", "")
    assert _best(lexicon, "Beschuss") == ("ASSAULT", "")
    assert lexicon.triggers_for("Unbekanntwort") == ()


def test_lexicon_argument_frames(lexicon: EventLexicon) -> None:
    host = lexicon.triggers_for("empfangen")[0]
    assert host.subject_is == "target"
    assert lexicon.triggers_for("drohen")[0].target == ("dat",)
    assert "prep:mit" in lexicon.triggers_for("treffen")[0].target
    assert lexicon.triggers_for("Angriff")[0].target == ("prep:auf", "prep:gegen")
    assert "gen" in lexicon.triggers_for("Besuch")[0].passive_agent  # the visitor
    assert "gen" in lexicon.triggers_for("Festnahme")[0].target  # the arrested
    assert "von" in lexicon.triggers_for("angreifen")[0].passive_agent
    einigen = lexicon.triggers_for("einigen")[0]
    assert einigen.reflexive and einigen.reciprocal and einigen.type == "AGREE"


def test_lexicon_negative_polarity_and_negated_types(lexicon: EventLexicon) -> None:
    cancel = lexicon.triggers_for("absagen")[0]
    assert (cancel.type, cancel.mode, cancel.negates) == ("REJECT", "meet", "CONSULT")
    assert cancel.negative_polarity
    assert not lexicon.triggers_for("besuchen")[0].negative_polarity


@pytest.mark.parametrize(
    ("lemma", "context"),
    [
        ("militärisch", "military"),
        ("Militär", "military"),
        ("Militärhilfe", "military"),
        ("rüstungspolitisch", "military"),
        ("Handelskrieg", "economic"),
        ("wirtschaftlich", "economic"),
        ("Waffenembargo", "military"),
        ("Atomwaffe", "cbrn"),
        ("Drogenhandel", "illegal_drugs"),
        ("Bundesregierung", "executive"),
        ("Stichwahl", "election"),
        ("Parlamentswahl", "election"),
        ("Flüchtlingslager", "migration"),
        ("Botschafter", "diplomatic"),
        ("Terrorismus", "terrorism"),
        ("Menschenrecht", "human_rights"),
        ("Auswahl", None),
        ("Gastgeber", None),
        ("Tränengas", None),
    ],
)
def test_lexicon_context_of_words_and_compounds(lexicon, lemma, context) -> None:
    assert lexicon.context_of(lemma) == context


def test_lexicon_contexts_in_a_clause(lexicon: EventLexicon) -> None:
    lemmas = ["der", "Armee", "verlegen", "Panzer", "und", "Handel"]
    assert lexicon.contexts_in(lemmas) == ("military", "economic")


def test_lexicon_modality_cues(lexicon: EventLexicon) -> None:
    assert lexicon.modality_cue("nicht").maps_to == "negated"
    assert lexicon.modality_cue("kein").scope == "np"
    assert lexicon.modality_cue("wollen").maps_to == "intended"
    assert lexicon.modality_cue("falls").maps_to == "hypothetical"
    assert lexicon.modality_cue("dementieren").modality == "negated"
    assert lexicon.modality_cue("würde").kind == "form"
    assert lexicon.modality_cue("Würde") is None  # the noun "dignity"
    assert lexicon.modality_cue("Treffen") is None
    demanded = lexicon.modality_cue("fordern")
    assert (demanded.modality, demanded.maps_to) == ("demanded", "hypothetical")


def test_lexicon_modality_readings_of_sollen(lexicon: EventLexicon) -> None:
    readings = lexicon.modality_cues("sollen")
    assert [c.modality for c in readings] == ["reported", "future", "demanded"]
    reported = readings[0]
    assert reported.requires == "perf-inf"
    assert reported.maps_to == "asserted"
    assert reported.factor < 1.0


def test_lexicon_modality_phrases_parse(lexicon: EventLexicon) -> None:
    phrases = {cue.cue: cue for cue in lexicon.modality_phrases()}
    assert phrases["soll haben"].pattern.match("er sollen X angreifen haben".split())
    assert phrases["kommende Woche"].pattern.match("kommend Woche treffen".split())
    assert phrases["bereit sein"].pattern.slots == ()
    assert phrases["bereit sein"].requires == "zu-inf"


def test_lexicon_pattern_syntax() -> None:
    pattern = parse_pattern("[in Luft] sprengen/jagen <zu-inf>")
    assert pattern.slots == ("zu-inf",)
    assert pattern.lemmas == {"in", "luft", "sprengen", "jagen"}
    assert pattern.match("sie jagen der Brücke in der Luft".split()) == (1, 4, 6)
    assert pattern.match("in der alten Stadt Luft sprengen".split()) is None  # gap > 2
    assert pattern.match("Luft in sprengen".split()) is None  # order inside brackets


@pytest.mark.parametrize("text", ["[in Luft sprengen", "", "a//", "[ ]"])
def test_lexicon_broken_patterns_are_resource_errors(text: str) -> None:
    with pytest.raises(ResourceError):
        parse_pattern(text)


def test_lexicon_broken_trigger_row_is_a_resource_error(lexicon: EventLexicon) -> None:
    header = "\t".join(load_table(PACKAGE, "triggers.tsv").columns)
    values = dict.fromkeys(header.split("\t"), "")
    values.update(trigger="treffen", pos="verb", type="CONSULT", mode="riot", weight="0.5")
    text = "# source: t\n# licence: t\n# scope: t\n" + header + "\n" + "\t".join(values.values())
    types = {t.name: t for t in lexicon.types}
    with pytest.raises(ResourceError, match="mode 'riot'"):
        read_triggers(parse_table(text, "bad.tsv"), types, lexicon.contexts)


@pytest.mark.shared_data
def test_lexicon_modes_follow_the_structured_codebook(shared_data: Path, lexicon) -> None:
    path = shared_data / "plover" / "PLOVER_structured_codebook_updated.csv"
    if not path.is_file():
        pytest.skip("PLOVER codebook not available")
    modes: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            modes.setdefault(row["event"], set()).update([row["mode"]] if row["mode"] else [])
    assert {t.name: set(t.modes) for t in lexicon.types} == modes


@pytest.mark.shared_data
def test_lexicon_cameo_codes_agree_with_cameo2plover(shared_data: Path, lexicon) -> None:
    path = shared_data / "plover" / "CAMEO2PLOVER-2021.txt"
    if not path.is_file():
        pytest.skip("CAMEO2PLOVER table not available")
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        found = re.match(r"(\d{2,4}):\s*([A-Z]+)", line)
        if found:
            table.setdefault(found.group(1), found.group(2))
    for trigger in lexicon.triggers:
        if not trigger.cameo:
            continue
        if trigger.cameo not in table:  # statements (01) and appeals (02): dropped by PLOVER
            assert trigger.cameo[:2] in ("01", "02"), trigger.trigger
        elif table[trigger.cameo] != trigger.type:  # a deliberate departure names the table
            assert "CAMEO2PLOVER" in trigger.note, trigger.trigger
