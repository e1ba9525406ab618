"""The entity lexicons: table shape, and the lookups NER and coreference rely on."""

from __future__ import annotations

import re

import pytest

from chronik.entities.lexicon import FILES, PACKAGE, EntityLexicon
from chronik.errors import ResourceError
from chronik.tables import load_table, parse_table

COLUMNS = {
    "first_names.tsv": ("name", "gender", "origin", "ambiguous", "note"),
    "name_particles.tsv": ("particle", "position", "note"),
    "org_words.tsv": ("word", "kind", "position", "sector", "bare", "note"),
    "not_names.tsv": ("word", "reason"),
    "pronouns.tsv": ("form", "person", "number", "gender", "case", "kind", "polite", "note"),
    "person_titles.tsv": ("title", "kind", "gender", "note"),
}
WEEKDAYS = "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag".split()
MONTHS = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"


@pytest.fixture(scope="module")
def lexicon() -> EntityLexicon:
    return EntityLexicon.load()


@pytest.mark.parametrize("filename", FILES)
def test_lexicon_tables_have_header_and_columns(filename: str) -> None:
    table = load_table(PACKAGE, filename)
    assert all(table.meta[key] for key in ("source", "licence", "scope"))
    assert table.columns == COLUMNS[filename]
    assert len(table) > 40


@pytest.mark.parametrize("filename", FILES)
def test_lexicon_tables_have_no_duplicate_rows(filename: str) -> None:
    table = load_table(PACKAGE, filename)
    if filename == "pronouns.tsv":  # a form has one row per reading
        keys = [tuple(row.values())[:-1] for row in table]
    else:
        keys = [row[table.columns[0]] for row in table]
    assert len(keys) == len(set(keys))


def test_lexicon_first_names_are_several_thousand_with_valid_values() -> None:
    table = load_table(PACKAGE, "first_names.tsv")
    assert len(table) > 3000
    assert {row["gender"] for row in table} == {"m", "f", "u"}
    assert {row["ambiguous"] for row in table} == {"yes", "no"}
    for row in table:
        assert re.fullmatch(r"[a-z]{2}(\|[a-z]{2})*", row["origin"]), row["name"]
        assert row["name"][:1].isupper(), row["name"]


def test_lexicon_first_name_origins_are_iso_639_1() -> None:
    pycountry = pytest.importorskip("pycountry")
    lexicon = EntityLexicon.load()
    codes = {code for name in lexicon.first_names.values() for code in name.origins}
    assert [code for code in codes if pycountry.languages.get(alpha_2=code) is None] == []


@pytest.mark.parametrize(
    ("word", "gender", "origin"),
    [
        ("Sergei", "m", "ru"),
        ("Sergej", "m", "ru"),
        ("Wolodymyr", "m", "uk"),
        ("Oleksandr", "m", "uk"),
        ("Angela", "f", "de"),
        ("Annalena", "f", "de"),
        ("Mohammed", "m", "ar"),
        ("Hossein", "m", "fa"),
        ("Recep", "m", "tr"),
        ("Emmanuel", "m", "fr"),
        ("Giorgia", "f", "it"),
        ("Andrea", "u", "de"),
    ],
)
def test_lexicon_first_name_lookup(
    lexicon: EntityLexicon, word: str, gender: str, origin: str
) -> None:
    found = lexicon.first_name(word)
    assert found is not None
    assert (found.gender, found.origin) == (gender, origin)


def test_lexicon_first_name_marks_german_words_ambiguous(lexicon: EntityLexicon) -> None:
    for word in ("Mark", "Ernst", "Will", "August", "Rose"):
        found = lexicon.first_name(word)
        assert found is not None and found.ambiguous, word
    for word in ("Hans", "Fritz", "Frank", "Franz", "Guido"):
        found = lexicon.first_name(word)
        assert found is not None and not found.ambiguous, word


def test_lexicon_first_name_excludes_surnames_and_plain_words(lexicon: EntityLexicon) -> None:
    for word in ("Merkel", "Scholz", "Putin", "Xi", "Kim-Jong", "Nur", "Gut", "Kurz", "Tor", "Mai"):
        assert lexicon.first_name(word) is None, word
    for word in ("Kuba", "Riad", "Sultan", "Emir", "Stein", "Tage", "ernst", "angela"):
        assert lexicon.first_name(word) is None, word


def test_lexicon_first_name_reads_accents_capitals_and_compounds(lexicon: EntityLexicon) -> None:
    rene = lexicon.first_name("Rene")
    assert rene is not None and rene.name == "René"
    angela = lexicon.first_name("ANGELA")
    assert angela is not None and angela.gender == "f"
    for compound, gender in [("Hans-Peter", "m"), ("Marie-Luise", "f"), ("Jean-Marie", "m")]:
        found = lexicon.first_name(compound)
        assert found is not None and found.gender == gender, compound
    assert lexicon.first_name("Hans-Merkel") is None


def test_lexicon_not_names_are_only_ambiguous_first_names(lexicon: EntityLexicon) -> None:
    overlap = [word for word in lexicon.not_names if word in lexicon.first_names]
    assert "August" in overlap
    assert [word for word in overlap if not lexicon.first_names[word].ambiguous] == []


def test_lexicon_titles_are_no_first_names(lexicon: EntityLexicon) -> None:
    assert [title for title in lexicon.person_titles if title in lexicon.first_names] == []


def test_lexicon_name_particles(lexicon: EntityLexicon) -> None:
    for word in ("von", "van", "de", "der", "bin", "ibn", "al", "al-", "zu", "y", "Von"):
        assert lexicon.is_name_particle(word), word
    assert not lexicon.is_name_particle("Müller")
    assert not lexicon.is_name_particle("und")
    assert lexicon.particle_prefix("al-Assad") == ("al-", "Assad")
    assert lexicon.particle_prefix("el-Sisi") == ("el-", "Sisi")
    assert lexicon.particle_prefix("O’Brien") == ("O'", "Brien")
    assert lexicon.particle_prefix("Alles") is None
    assert lexicon.particle_prefix("al-") is None


def test_lexicon_org_suffixes(lexicon: EntityLexicon) -> None:
    gmbh = lexicon.org_suffix("GmbH")
    assert gmbh is not None
    assert (gmbh.kind, gmbh.sector, gmbh.position) == ("legal_form", "BUS", "suffix")
    verein = lexicon.org_suffix("e. V.")
    assert verein is not None and verein.sector == "NGO"
    partei = lexicon.org_suffix("Partei")
    assert partei is not None and (partei.kind, partei.sector) == ("head", "PTY")
    gewerkschaft = lexicon.org_suffix("Gewerkschaft")
    assert gewerkschaft is not None and gewerkschaft.sector == "LAB"
    assert lexicon.org_suffix("gmbh") is None
    assert lexicon.org_suffix("Autobauer") is None  # a class noun only: never in a name


def test_lexicon_org_words_is_one_row_per_word_for_both_uses(lexicon: EntityLexicon) -> None:
    konzern = lexicon.org_suffix("Konzern")
    assert konzern is not None
    assert lexicon.org_descriptor("Konzern") is konzern  # the same row serves both lookups
    assert lexicon.org_descriptors["Autobauer"].kind == "class"
    assert all(entry.kind != "legal_form" for entry in lexicon.org_descriptors.values())
    assert all(entry.bare in ("inside", "outside") for entry in lexicon.org_descriptors.values())


@pytest.mark.parametrize(
    ("word", "sector"),
    [
        ("Agentur", "GOV"),  # Bundesagentur für Arbeit; news agencies have rows of their own
        ("Nachrichtenagentur", "MED"),
        ("Presseagentur", "MED"),
        ("Organisation", "IGO"),  # Organisation für Migration
        ("Menschenrechtsorganisation", "NGO"),
        ("Hilfsorganisationen", "NGO"),
        ("Bewegung", "PTY"),
        ("Protestbewegung", "NGO"),
        ("Gruppe", ""),  # the name decides: business, armed or music group
        ("Klub", ""),
        ("Fußballclub", ""),
    ],
)
def test_lexicon_org_words_resolve_sector_conflicts(
    lexicon: EntityLexicon, word: str, sector: str
) -> None:
    found = lexicon.org_descriptor(word)
    assert found is not None and found.sector == sector
    head = lexicon.org_suffix(word)
    assert head is None or head.sector == sector


def test_lexicon_org_word_notes_give_the_reason_of_each_resolved_conflict() -> None:
    table = load_table(PACKAGE, "org_words.tsv")
    resolved = {row["word"] for row in table if "Resolved:" in row["note"]}
    assert resolved == {"Agentur", "Organisation", "Bewegung", "Gruppe", "Klub", "Club"}


def test_lexicon_org_sectors_are_plover_codes(lexicon: EntityLexicon) -> None:
    cameo = pytest.importorskip("chronik.kb.cameo")
    sectors = {suffix.sector for suffix in lexicon.org_suffixes.values()} - {""}
    assert sectors <= cameo.SECTORS


def test_lexicon_compound_org_head(lexicon: EntityLexicon) -> None:
    linke = lexicon.compound_org_head("Linkspartei")
    assert linke is not None and linke.sector == "PTY"
    court = lexicon.compound_org_head("Bundesverfassungsgericht")
    assert court is not None and court.word == "Verfassungsgericht"  # the longest head
    assert lexicon.compound_org_head("Partei") is None
    assert lexicon.compound_org_head("linkspartei") is None
    assert lexicon.compound_org_head("Abend") is None


def _compound_head_by_scan(lexicon: EntityLexicon, word: str) -> str | None:
    """The answer as a scan over every head, longest first, would give it."""
    heads = sorted(
        (e for e in lexicon.org_suffixes.values() if e.kind == "head" and len(e.word) >= 4),
        key=lambda e: -len(e.word),
    )
    if not word[:1].isupper():
        return None
    return next(
        (h.word for h in heads if len(word) - len(h.word) >= 3 and word.endswith(h.word.lower())),
        None,
    )


@pytest.mark.parametrize(
    "word",
    [
        "Linkspartei",
        "Bundesverfassungsgericht",
        "Landesverfassungsgericht",
        "Stadtwerke",
        "Hauptstadtzeitung",
        "Bundesnachrichtendienst",
        "Bundesagentur",
        "Weltgesundheitsorganisation",
        "Unionsfraktion",
        "Xyzbank",
        "Bankx",
        "Amt",
        "Bundesamt",
        "Außenamt",
        "Staatskanzlei",
        "Hamburg",
        "Ölkonzern",
    ],
)
def test_lexicon_compound_org_head_is_the_longest_matching_head(
    lexicon: EntityLexicon, word: str
) -> None:
    found = lexicon.compound_org_head(word)
    assert (found.word if found else None) == _compound_head_by_scan(lexicon, word)


def test_lexicon_not_names(lexicon: EntityLexicon) -> None:
    for word in [*WEEKDAYS, *MONTHS.split()]:
        assert lexicon.is_not_name(word), word
    for word in ("Laut", "Regierung", "Minister", "Euro", "Prozent", "Herr", "Dr.", "MONTAG"):
        assert lexicon.is_not_name(word), word
    for word in ("Angela", "Berlin", "dpa", "Siemens", "Union"):
        assert not lexicon.is_not_name(word), word
    assert lexicon.not_name_reason("Dienstagabend") == "weekday"


def test_lexicon_pronoun_ihm_is_dative_masculine_or_neuter(lexicon: EntityLexicon) -> None:
    ihm = lexicon.pronoun("ihm")
    assert ihm is not None
    assert (ihm.person, ihm.number, ihm.gender, ihm.cases, ihm.kind) == (
        3,
        "sg",
        "mn",
        ("dat",),
        "personal",
    )
    assert ihm.agrees("m", "sg") and ihm.agrees("n", "sg")
    assert not ihm.agrees("f", "sg") and not ihm.agrees("m", "pl")


def test_lexicon_pronoun_ihr_keeps_every_reading(lexicon: EntityLexicon) -> None:
    readings = {
        (r.person, r.number, r.gender, r.kind, r.polite) for r in lexicon.pronoun_readings("ihr")
    }
    assert (3, "sg", "f", "possessive", False) in readings
    assert (3, "pl", "any", "possessive", False) in readings
    assert (3, "sg", "f", "personal", False) in readings  # dative: "Er gab ihr das Buch"
    assert (2, "pl", "any", "personal", False) in readings  # "Ihr seid"
    preferred = lexicon.pronoun("Ihr")
    assert preferred is not None and (preferred.kind, preferred.person) == ("possessive", 3)


def test_lexicon_polite_sie_is_not_third_person(lexicon: EntityLexicon) -> None:
    assert lexicon.third_person_pronoun("Sie", sentence_initial=False) is None
    assert lexicon.third_person_pronoun("Ihnen", sentence_initial=False) is None
    assert lexicon.third_person_pronoun("Ihr", sentence_initial=False) is None
    initial = lexicon.third_person_pronoun("Sie", sentence_initial=True)
    assert initial is not None and initial.person == 3
    inner = lexicon.third_person_pronoun("sie", sentence_initial=False)
    assert inner is not None and (inner.number, inner.gender) == ("sg", "f")
    ihnen = lexicon.third_person_pronoun("ihnen", sentence_initial=False)
    assert ihnen is not None and ihnen.number == "pl"
    er = lexicon.third_person_pronoun("Er", sentence_initial=False)
    assert er is not None and er.gender == "m"
    assert lexicon.third_person_pronoun("Haus", sentence_initial=False) is None


def test_lexicon_pronoun_reflexive_fits_any_antecedent(lexicon: EntityLexicon) -> None:
    sich = lexicon.pronoun("sich")
    assert sich is not None and sich.kind == "reflexive"
    assert all(sich.agrees(gender, number) for gender in "mfn" for number in ("sg", "pl"))


def test_lexicon_person_titles(lexicon: EntityLexicon) -> None:
    doctor = lexicon.person_title("Dr.")
    assert doctor is not None and doctor.kind == "academic"
    medic = lexicon.person_title("Dr. med.")
    assert medic is not None and medic.kind == "academic"
    frau = lexicon.person_title("Frau")
    assert frau is not None and (frau.kind, frau.gender) == ("honorific", "f")
    general = lexicon.person_title("General")
    assert general is not None and general.kind == "rank"
    ajatollah = lexicon.person_title("Ajatollah")
    assert ajatollah is not None and ajatollah.kind == "religious"
    assert lexicon.person_title("Müller") is None


def test_lexicon_load_is_cached(lexicon: EntityLexicon) -> None:
    assert EntityLexicon.load() is lexicon


@pytest.mark.parametrize(
    ("filename", "row", "message"),
    [
        ("first_names.tsv", "Anna\tx\tde\tno\t", "gender"),
        ("first_names.tsv", "Anna\tf\tdeu\tno\t", "ISO 639-1"),
        ("org_words.tsv", "AG\tlegal_form\tsuffix\tXYZ\t\t", "sector"),
        ("org_words.tsv", "Konzern\thead\tsuffix\tBUS\tsometimes\t", "bare"),
        ("org_words.tsv", "Konzern\tclass\tprefix\tXYZ\toutside\t", "sector"),
        ("org_words.tsv", "Autobauer\tclass\tprefix\tBUS\t\t", "class noun needs bare"),
        ("org_words.tsv", "Autobauer\tclass\tsuffix\tBUS\toutside\t", "position prefix"),
        ("org_words.tsv", "AG\tlegal_form\tsuffix\tBUS\toutside\t", "legal form"),
        (
            "org_words.tsv",
            "Bank\thead\teither\tBUS\t\t\nBank\tclass\tprefix\tBUS\toutside\t",
            "duplicate",
        ),
        ("pronouns.tsv", "er\t3\tsg\tm\tnominative\tpersonal\tno\t", "case"),
    ],
)
def test_lexicon_broken_tables_raise(filename: str, row: str, message: str) -> None:
    tables = {name: load_table(PACKAGE, name) for name in FILES}
    header = "# source: t\n# licence: t\n# scope: t\n" + "\t".join(COLUMNS[filename])
    tables[filename] = parse_table(f"{header}\n{row}\n", name=filename)
    with pytest.raises(ResourceError, match=message):
        EntityLexicon.from_tables(tables)


def test_lexicon_duplicate_first_name_raises() -> None:
    tables = {name: load_table(PACKAGE, name) for name in FILES}
    header = "# source: t\n# licence: t\n# scope: t\n" + "\t".join(COLUMNS["first_names.tsv"])
    text = f"{header}\nAnna\tf\tde\tno\t\nAnna\tf\tit\tno\t\n"
    tables["first_names.tsv"] = parse_table(text, name="first_names.tsv")
    with pytest.raises(ResourceError, match="duplicate"):
        EntityLexicon.from_tables(tables)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Konzern", "Konzern"),
        ("Konzerns", "Konzern"),
        ("Autokonzern", "Konzern"),
        ("Technologie-Konzerns", "Konzern"),
        ("Rockband", "Band"),
        ("Mobilfunkbetreiber", "Betreiber"),
        ("Bundesligisten", "Bundesligist"),
        ("Kinderhilfsorganisation", "Hilfsorganisation"),  # the longest class noun
        ("Werbeagenturen", "Werbeagentur"),
        ("Raumfahrtagentur", "Agentur"),
        ("Abend", None),
        ("Regierung", None),
        ("konzern", None),
    ],
)
def test_lexicon_org_descriptor_matches_inflected_and_compound_nouns(
    lexicon: EntityLexicon, word: str, expected: str | None
) -> None:
    found = lexicon.org_descriptor(word)
    assert (found.word if found else None) == expected


def test_lexicon_descriptor_in_name_only_for_bare_name_heads(lexicon: EntityLexicon) -> None:
    assert lexicon.descriptor_in_name("Verlag")
    assert lexicon.descriptor_in_name("Stiftung")
    assert not lexicon.descriptor_in_name("Buchverlag")
    assert not lexicon.descriptor_in_name("Konzern")
    assert not lexicon.descriptor_in_name("Schulen")
