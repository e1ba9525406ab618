"""The quotation lexicons: table shape, closed vocabularies and lookups."""

from __future__ import annotations

import pytest

from chronik.errors import ResourceError, UsageError
from chronik.quotes.lexicon import (
    CASES,
    CLASSES,
    CLAUSE_COMPLEMENTS,
    COMPLEMENTS,
    FORMS,
    LEVELS,
    MARKER_COLUMNS,
    MARKER_KINDS,
    NOUN_COLUMNS,
    NOUN_KINDS,
    PACKAGE,
    PLOVER_TYPES,
    QUOTE_COLUMNS,
    REFLEXIVE,
    STRENGTHS,
    VERB_COLUMNS,
    SpeechLexicon,
)
from chronik.tables import Table, load_table, parse_table, split_multi

TABLES = {
    "speech_verbs.tsv": VERB_COLUMNS,
    "speech_nouns.tsv": NOUN_COLUMNS,
    "attribution_markers.tsv": MARKER_COLUMNS,
    "quote_marks.tsv": QUOTE_COLUMNS,
}
# The modes each PLOVER type has in the PLOVER codebook (only those the verbs use).
PLOVER_MODES = {"ACCUSE": {"disapprove", "allege", "investigate"}}


@pytest.fixture(scope="module")
def lexicon() -> SpeechLexicon:
    return SpeechLexicon.load()


def _rows(filename: str) -> list[dict[str, str]]:
    return list(load_table(PACKAGE, filename))


@pytest.mark.parametrize(("filename", "columns"), TABLES.items())
def test_lexicon_tables_have_header_and_columns(filename: str, columns: tuple[str, ...]) -> None:
    table = load_table(PACKAGE, filename)
    assert all(table.meta[key] for key in ("source", "licence", "scope"))
    assert table.columns == columns
    assert len(table) >= 10


def test_lexicon_has_several_hundred_verbs(lexicon: SpeechLexicon) -> None:
    assert len(lexicon.verbs) >= 300
    assert len(lexicon.nouns) >= 100


@pytest.mark.parametrize(
    ("filename", "key"),
    [
        ("speech_verbs.tsv", "lemma"),
        ("speech_nouns.tsv", "noun"),
        ("quote_marks.tsv", "open+close"),
        ("attribution_markers.tsv", "marker+kind"),
    ],
)
def test_lexicon_rows_are_unique(filename: str, key: str) -> None:
    keys = ["\t".join(row[part] for part in key.split("+")) for row in _rows(filename)]
    duplicates = {k for k in keys if keys.count(k) > 1}
    assert not duplicates


def test_lexicon_noun_forms_belong_to_one_noun() -> None:
    forms = [form for row in _rows("speech_nouns.tsv") for form in split_multi(row["forms"])]
    assert len(forms) == len(set(forms))


@pytest.mark.parametrize(
    ("column", "vocabulary"),
    [
        ("forms", FORMS),
        ("complement", COMPLEMENTS),
        ("cls", CLASSES),
        ("reflexive", REFLEXIVE),
        ("strength", STRENGTHS),
        ("plover", PLOVER_TYPES),
    ],
)
def test_lexicon_verb_columns_use_closed_vocabularies(
    column: str, vocabulary: tuple[str, ...]
) -> None:
    for row in _rows("speech_verbs.tsv"):
        assert set(split_multi(row[column])) <= set(vocabulary), row["lemma"]


def test_lexicon_verb_marks_are_case_or_preposition() -> None:
    for row in _rows("speech_verbs.tsv"):
        for column in ("addressee", "target"):
            for mark in split_multi(row[column]):
                assert mark in ("dat", "acc") or mark.startswith("prep:"), (row["lemma"], mark)
        assert row["speaker_role"] in ("subject", "object") or row["speaker_role"].startswith(
            "prep:"
        )


def test_lexicon_plover_modes_match_their_type() -> None:
    for row in _rows("speech_verbs.tsv"):
        if row["plover_mode"]:
            assert row["plover_mode"] in PLOVER_MODES[row["plover"]], row["lemma"]


def test_lexicon_noun_and_marker_vocabularies() -> None:
    for row in _rows("speech_nouns.tsv"):
        assert row["kind"] in NOUN_KINDS, row["noun"]
        assert set(split_multi(row["cls"])) <= set(CLASSES), row["noun"]
        assert row["kind"] != "content" or row["cls"], f"{row['noun']}: content needs a class"
    for row in _rows("attribution_markers.tsv"):
        assert row["kind"] in MARKER_KINDS, row["marker"]
        assert set(split_multi(row["case"])) <= set(CASES), row["marker"]
    for row in _rows("quote_marks.tsv"):
        assert row["level"] in LEVELS and row["ambiguous"] in ("yes", "no")


def test_lexicon_separable_particle_starts_the_lemma(lexicon: SpeechLexicon) -> None:
    separable = [verb for verb in lexicon.verbs if verb.separable]
    assert len(separable) > 100
    for verb in separable:
        assert verb.lemma.startswith(verb.particle), verb.lemma
        assert verb.lemma.replace(" ", "") == (verb.particle + verb.base).replace(" ", "")


def test_lexicon_inseparable_verbs_are_their_own_base(lexicon: SpeechLexicon) -> None:
    for lemma in ("unterstreichen", "entgegnen", "widersprechen", "wiederholen", "übermitteln"):
        verb = lexicon.verb(lemma)
        assert verb is not None and verb.particle == "" and verb.base == lemma


def test_lexicon_forms_follow_from_complements(lexicon: SpeechLexicon) -> None:
    # indirect speech is a clause; reported speech is a noun phrase or a PP
    for verb in lexicon.verbs:
        has_clause = bool(set(verb.complements) & set(CLAUSE_COMPLEMENTS))
        has_phrase = bool(set(verb.complements) & {"np", "pp"})
        assert verb.frames("indirect") == has_clause, verb.lemma
        assert verb.frames("reported") == has_phrase, verb.lemma
        assert ("pp" in verb.complements) == bool(verb.content_preps), verb.lemma


@pytest.mark.parametrize(
    ("base", "particle", "lemma"),
    [
        ("teilen", "mit", "mitteilen"),
        ("weisen", "hin", "hinweisen"),
        ("heben", "hervor", "hervorheben"),
        ("schlagen", "vor", "vorschlagen"),
        ("räumen", "ein", "einräumen"),
        ("weisen", "zurück", "zurückweisen"),
        ("geben", "bekannt", "bekanntgeben"),
        ("machen", "deutlich", "deutlich machen"),
        ("geben", "zu bedenken", "zu bedenken geben"),
        ("wollen", "wissen", "wissen wollen"),
        ("sagen", "", "sagen"),
    ],
)
def test_lexicon_verb_by_parts(
    lexicon: SpeechLexicon, base: str, particle: str, lemma: str
) -> None:
    verb = lexicon.verb_by_parts(base, particle)
    assert verb is not None and verb.lemma == lemma


def test_lexicon_verb_by_parts_rejects_wrong_split(lexicon: SpeechLexicon) -> None:
    assert lexicon.verb_by_parts("teilen", "zu") is None
    assert lexicon.verb_by_parts("eilen", "mitt") is None


@pytest.mark.parametrize(
    ("spelling", "lemma"),
    [
        ("hinweisen", "hinweisen"),
        ("bekannt geben", "bekanntgeben"),
        ("sich äußern", "äußern"),
        ("sich bereit erklären", "bereit erklären"),
        ("bereiterklären", "bereit erklären"),
        ("deutlichmachen", "deutlich machen"),
        ("in Frage stellen", "infrage stellen"),
        ("Sagen", "sagen"),
    ],
)
def test_lexicon_verb_spellings(lexicon: SpeechLexicon, spelling: str, lemma: str) -> None:
    verb = lexicon.verb(spelling)
    assert verb is not None and verb.lemma == lemma


def test_lexicon_is_speech_verb(lexicon: SpeechLexicon) -> None:
    assert lexicon.is_speech_verb("hervorheben")
    assert lexicon.is_speech_verb("betonen")
    assert not lexicon.is_speech_verb("laufen")
    assert not lexicon.is_speech_verb("Tisch")


def test_lexicon_sagen_frames_direct_and_indirect(lexicon: SpeechLexicon) -> None:
    sagen = lexicon.verb("sagen")
    assert sagen is not None
    assert {"direct", "indirect"} <= set(sagen.forms)
    assert {"dass", "ob", "wh", "v2"} <= set(sagen.complements)
    assert "prep:gegenüber" in sagen.addressee and sagen.cls == "assertive"


def test_lexicon_vorschlagen_dative_addressee_and_reported(lexicon: SpeechLexicon) -> None:
    verb = lexicon.verb("vorschlagen")
    assert verb is not None
    assert verb.addressee == ("dat",)
    assert "reported" in verb.forms and "zu_inf" in verb.complements
    assert verb.cls == "directive"


@pytest.mark.parametrize(
    ("lemma", "plover", "mode"),
    [
        ("fordern", "REQUEST", ""),
        ("auffordern", "REQUEST", ""),
        ("vorwerfen", "ACCUSE", "allege"),
        ("kritisieren", "ACCUSE", "disapprove"),
        ("zurückweisen", "REJECT", ""),
        ("drohen", "THREATEN", ""),
        ("zusagen", "AGREE", ""),
        ("loben", "SUPPORT", ""),
        ("ankündigen", "", ""),
        ("einräumen", "", ""),
    ],
)
def test_lexicon_plover_types(lexicon: SpeechLexicon, lemma: str, plover: str, mode: str) -> None:
    verb = lexicon.verb(lemma)
    assert verb is not None
    assert (verb.plover, verb.plover_mode) == (plover, mode)


def test_lexicon_addressee_and_target_marks(lexicon: SpeechLexicon) -> None:
    appellieren, auffordern, vorwerfen = (
        lexicon.verb(lemma) for lemma in ("appellieren", "auffordern", "vorwerfen")
    )
    assert appellieren is not None and appellieren.addressee == ("prep:an",)
    assert auffordern is not None and auffordern.addressee == ("acc",)
    assert vorwerfen is not None and vorwerfen.target == ("dat",)


def test_lexicon_special_speaker_roles(lexicon: SpeechLexicon) -> None:
    zitieren, hervorgehen = lexicon.verb("zitieren"), lexicon.verb("hervorgehen")
    assert zitieren is not None and zitieren.speaker_role == "object"
    assert hervorgehen is not None and hervorgehen.speaker_role == "prep:aus"


@pytest.mark.parametrize(
    ("lemma", "strength"),
    [("behaupten", "hedged"), ("betonen", "emphatic"), ("sagen", "neutral")],
)
def test_lexicon_strength(lexicon: SpeechLexicon, lemma: str, strength: str) -> None:
    verb = lexicon.verb(lemma)
    assert verb is not None and verb.strength == strength


@pytest.mark.parametrize(
    ("lemma", "reflexive"),
    [("beschweren", "yes"), ("äußern", "optional"), ("zeigen", "optional"), ("sagen", "no")],
)
def test_lexicon_reflexive_verbs(lexicon: SpeechLexicon, lemma: str, reflexive: str) -> None:
    verb = lexicon.verb(lemma)
    assert verb is not None and verb.reflexive == reflexive


def test_lexicon_verbs_for_form(lexicon: SpeechLexicon) -> None:
    direct = lexicon.verbs_for_form("direct")
    reported = lexicon.verbs_for_form("reported")
    assert {"sagen", "betonen", "fragen"} <= direct
    assert "informieren" not in direct and "bezeichnen" not in direct
    assert {"fordern", "vorschlagen", "warnen", "bezeichnen"} <= reported
    assert "sagen" not in reported
    with pytest.raises(UsageError, match="unknown quote form"):
        lexicon.verbs_for_form("free_indirect")


def test_lexicon_particles_include_phrasal_parts(lexicon: SpeechLexicon) -> None:
    assert {"mit", "hin", "hervor", "vor", "klar", "bekannt"} <= lexicon.particles()
    assert "zu bedenken" not in lexicon.particles()


@pytest.mark.parametrize(
    ("form", "noun", "kind"),
    [
        ("Vorwürfe", "Vorwurf", "content"),
        ("Forderungen", "Forderung", "content"),
        ("Angaben", "Angabe", "source"),
        ("Berichten", "Bericht", "source"),
        ("Pressekonferenz", "Pressekonferenz", "setting"),
        ("Kommunikee", "Kommuniqué", "content"),
        ("ERKLÄRUNG", "Erklärung", "content"),
    ],
)
def test_lexicon_noun_by_any_form(lexicon: SpeechLexicon, form: str, noun: str, kind: str) -> None:
    found = lexicon.noun(form)
    assert found is not None and (found.noun, found.kind) == (noun, kind)


def test_lexicon_noun_is_case_sensitive(lexicon: SpeechLexicon) -> None:
    assert lexicon.noun("Versprechen") is not None
    assert lexicon.noun("versprechen") is None  # the verb, not the noun


def test_lexicon_noun_compounds_only_when_asked(lexicon: SpeechLexicon) -> None:
    assert lexicon.noun("Zeugenaussagen") is None
    found = lexicon.noun("Zeugenaussagen", compounds=True)
    assert found is not None and found.noun == "Aussage"
    hyphenated = lexicon.noun("Twitter-Post", compounds=True)
    assert hyphenated is not None and hyphenated.noun == "Post"
    assert lexicon.noun("Baum", compounds=True) is None


def test_lexicon_noun_support_verbs(lexicon: SpeechLexicon) -> None:
    vorwurf, kritik = lexicon.noun("Vorwurf"), lexicon.noun("Kritik")
    assert vorwurf is not None and "erheben" in vorwurf.support_verbs
    assert kritik is not None and "üben" in kritik.support_verbs
    assert {noun.noun for noun in lexicon.nouns_of_kind("setting")} >= {"Interview", "Rede"}


@pytest.mark.parametrize(
    ("marker", "kind"),
    [
        ("zufolge", "postp_after"),
        ("laut", "prep_before"),
        ("nach Angaben", "prep_before"),
        ("nach Angaben von", "prep_before"),
        ("so", "so_comma"),
        ("wie", "wie_clause"),
        ("demnach", "anaphoric_adverb"),
        ("Dies", "cataphoric_demonstrative"),
        ("Dem", "cataphoric_demonstrative"),
        ("hieß es", "impersonal"),
        ("kreisen", "circles"),
        (":", "headline_colon"),
        ("soll", "reportative_modal"),
        ("angeblich", "reportative_adverb"),
        ("mit den Worten", "quote_introducer"),
    ],
)
def test_lexicon_marker_kinds(lexicon: SpeechLexicon, marker: str, kind: str) -> None:
    assert marker in {m.marker for m in lexicon.markers(kind)}


def test_lexicon_marker_cases(lexicon: SpeechLexicon) -> None:
    laut = next(m for m in lexicon.markers("prep_before") if m.marker == "laut")
    zufolge = next(m for m in lexicon.markers("postp_after") if m.marker == "zufolge")
    assert set(laut.cases) == {"dat", "gen"}
    assert zufolge.cases == ("dat",)


def test_lexicon_every_marker_has_an_example_containing_it(lexicon: SpeechLexicon) -> None:
    for marker in lexicon.all_markers:
        assert marker.example, marker.marker
        assert marker.marker.casefold() in marker.example.casefold(), marker.marker


def test_lexicon_unknown_marker_kind_is_a_usage_error(lexicon: SpeechLexicon) -> None:
    with pytest.raises(UsageError, match="unknown marker kind"):
        lexicon.markers("footnote")


def test_lexicon_quote_closers(lexicon: SpeechLexicon) -> None:
    assert lexicon.closing_for("„")[0] == "“"
    assert {"“", "”"} <= set(lexicon.closing_for("„"))
    assert lexicon.closing_for('"') == ('"',)
    assert lexicon.closing_for("»") == ("«",)
    assert lexicon.closing_for("«") == ("»",)
    assert lexicon.closing_for("x") == ()


def test_lexicon_quote_nesting_and_ambiguity(lexicon: SpeechLexicon) -> None:
    pairs = lexicon.quote_pairs()
    openers = lexicon.opening_marks()
    for pair in pairs:
        if pair.inner:
            assert pair.level != "inner" and pair.inner in openers
    german = next(pair for pair in pairs if pair.open == "„" and pair.close == "“")
    assert german.level == "outer" and german.inner == "‚"
    straight_single = next(pair for pair in pairs if pair.open == "'")
    assert straight_single.ambiguous
    assert not german.ambiguous


def test_lexicon_load_is_cached() -> None:
    assert SpeechLexicon.load() is SpeechLexicon.load()


def _tables(
    verb_row: str, noun_row: str = "Rede\tRede|Reden\treden\tassertive\tsetting\t\t"
) -> tuple[Table, Table, Table, Table]:
    head = "# source: test\n# licence: CC0\n# scope: test\n"
    return (
        parse_table(head + "\t".join(VERB_COLUMNS) + "\n" + verb_row + "\n", "verbs"),
        parse_table(head + "\t".join(NOUN_COLUMNS) + "\n" + noun_row + "\n", "nouns"),
        parse_table(head + "\t".join(MARKER_COLUMNS) + "\nlaut\tprep_before\tdat\tx\t\n", "m"),
        parse_table(head + "\t".join(QUOTE_COLUMNS) + "\n„\t“\tde\touter\tno\t\t\n", "q"),
    )


GOOD_VERB = (
    "mitteilen\tmit\tteilen\tno\tassertive\tindirect\tdass\t\tdat\t\tsubject\t\t\tneutral\t\t"
)


def test_lexicon_from_tables_accepts_a_good_row() -> None:
    lexicon = SpeechLexicon.from_tables(*_tables(GOOD_VERB))
    assert lexicon.verb_by_parts("teilen", "mit") is not None


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (GOOD_VERB.replace("assertive", "persuasive"), "cls has unknown value"),
        (GOOD_VERB.replace("\tindirect\t", "\tquoted\t"), "forms has unknown value"),
        (GOOD_VERB.replace("\tdass\t", "\tthat\t"), "complement has unknown value"),
        (GOOD_VERB.replace("\tmit\tteilen", "\tzu\tteilen"), "does not start the lemma"),
        (GOOD_VERB.replace("\tdat\t", "\tdative\t"), "addressee value"),
        (GOOD_VERB.replace("\tdass\t", "\tpp\t"), "pp complement needs content_prep"),
        (GOOD_VERB.replace("subject\t\t\t", "subject\t\tallege\t"), "plover_mode without plover"),
        (GOOD_VERB.replace("\tneutral\t", "\tloud\t"), "strength has unknown value"),
    ],
)
def test_lexicon_broken_verb_rows_are_resource_errors(broken: str, message: str) -> None:
    with pytest.raises(ResourceError, match=message):
        SpeechLexicon.from_tables(*_tables(broken))


def test_lexicon_duplicate_noun_forms_are_resource_errors() -> None:
    nouns = "Rede\tRede|Reden\treden\tassertive\tsetting\t\t\nAnsprache\tAnsprache|Reden\t\t\tsetting\t\t"
    with pytest.raises(ResourceError, match="form Reden"):
        SpeechLexicon.from_tables(*_tables(GOOD_VERB, nouns))
