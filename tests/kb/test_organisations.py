"""Tests for organisations.tsv, institutions.tsv, parties.tsv and their lookups."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from chronik.errors import ResourceError
from chronik.kb import build_organisations
from chronik.kb.cameo import SECTORS, cameo_country
from chronik.kb.organisations import (
    ORG_COLUMNS,
    ORGANISATION_TYPES,
    Institutions,
    Organisation,
    Organisations,
    Parties,
    genitive_forms,
    kb_id,
)
from chronik.tables import load_table, load_table_file


def _shared_data() -> Path:
    root = Path(os.environ.get("CHRONIK_DATA", Path.cwd().parent / "shared" / "data"))
    if not root.is_dir():
        root = Path(__file__).resolve().parents[3] / "shared" / "data"
    return root


@pytest.fixture(scope="module")
def orgs() -> Organisations:
    return Organisations.load()


def _iso3(code: str) -> bool:
    return cameo_country(code) == code


def test_organisations_table_header_and_columns() -> None:
    table = load_table("chronik.kb", "organisations.tsv")
    assert table.columns == tuple(ORG_COLUMNS)
    assert {"source", "licence", "scope"} <= set(table.meta)
    assert len(table) >= 300


def test_organisations_ids_unique_ascii_and_sorted() -> None:
    ids = load_table("chronik.kb", "organisations.tsv").column("id")
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9_]+", org_id) for org_id in ids)
    assert ids == sorted(ids)


def test_organisations_codes_are_valid(orgs: Organisations) -> None:
    for org in orgs:
        assert org.type in ORGANISATION_TYPES, org.id
        assert org.sector in SECTORS, org.id
        assert not org.sector2 or org.sector2 in SECTORS, org.id
        assert not org.country or _iso3(org.country), org.id
        assert not org.state_affiliated or _iso3(org.state_affiliated), org.id
        assert not org.wikidata or re.fullmatch(r"Q[1-9]\d*", org.wikidata), org.id
        assert not org.cameo or re.fullmatch(r"[A-Z]{3,}", org.cameo), org.id
        assert org.gender in {"m", "f", "n", "pl", ""}, org.id


@pytest.mark.parametrize(
    ("surface", "org_id"),
    [
        ("UNO", "un"),
        ("UN", "un"),
        ("Vereinte Nationen", "un"),
        ("Daesch", "islamic_state"),
        ("IS-Miliz", "islamic_state"),
        ("IAEO", "iaea"),
        ("der NATO", "nato"),
        ("Nato", "nato"),
        ("des Kremls", "kremlin"),
        ("Bundestages", "bundestag"),
        ("Huthi-Rebellen", "houthis"),
        ("Hisbollah", "hezbollah"),
        ("Internationalen Strafgerichtshof", "icc"),
    ],
)
def test_organisations_by_name_finds_aliases_and_genitives(
    orgs: Organisations, surface: str, org_id: str
) -> None:
    assert org_id in [org.id for org in orgs.by_name(surface)]


def test_organisations_state_affiliation_of_state_media(orgs: Organisations) -> None:
    expected = {"RT": "RUS", "TASS": "RUS", "Xinhua": "CHN", "IRNA": "IRN", "Al Jazeera": "QAT"}
    for name, state in expected.items():
        [org] = orgs.by_name(name)
        assert org.state_affiliated == state
        assert org.sector == "MED"
    [dw] = orgs.by_name("Deutsche Welle")
    assert dw.state_affiliated == "DEU"
    assert "public" in dw.note
    [kommersant] = orgs.by_name("Kommersant")
    assert kommersant.state_affiliated == ""


def test_organisations_lookup_does_not_fold_common_words(orgs: Organisations) -> None:
    assert orgs.by_name("mehr") == []
    assert orgs.by_name("Mehr") == []
    assert orgs.by_name("is") == []
    assert orgs.by_name("Profil") == []  # the magazine is written "profil"


@pytest.mark.parametrize(
    ("surface", "org_id", "sector", "country"),
    [
        ("Facebook", "facebook", "BUS", "USA"),
        ("IG Metall", "ig_metall", "LAB", "DEU"),
        ("Verdi", "verdi", "LAB", "DEU"),
        ("Robert Koch-Institut", "rki", "HLH", "DEU"),
        ("Bundesnetzagentur", "bundesnetzagentur", "GOV", "DEU"),
        ("Max-Planck-Gesellschaft", "mpg", "EDU", "DEU"),
        ("Bundesärztekammer", "baek", "HLH", "DEU"),
        ("RB Leipzig", "rb_leipzig", "CVL", "DEU"),
        ("ETH Zürich", "eth", "EDU", "CHE"),
        ("Allianz SE", "allianz", "BUS", "DEU"),
    ],
)
def test_organisations_expanded_rows(
    orgs: Organisations, surface: str, org_id: str, sector: str, country: str
) -> None:
    [org] = orgs.by_name(surface)
    assert (org.id, org.sector, org.country) == (org_id, sector, country)


def test_organisations_company_cameo_names_home_country(orgs: Organisations) -> None:
    for org in orgs:
        if org.type == "company" and org.country and org.cameo.startswith("MNC"):
            assert org.cameo == "MNC" + org.country, org.id


@pytest.mark.parametrize(
    "word",
    # Common words and names that new rows must not claim: Allianz (alliance), Bund
    # (not the BUND), Man and Mit (not MAN, MIT), Post, Bahn, Union, Metro, Blick, Otto.
    ["Allianz", "Bund", "Man", "Mit", "Post", "Bahn", "Union", "Metro", "Blick", "Otto"],
)
def test_organisations_skip_common_words(orgs: Organisations, word: str) -> None:
    assert orgs.by_name(word) == []


def test_organisations_kb_id_prefers_wikidata(orgs: Organisations) -> None:
    assert kb_id(orgs.get("un")) == "Q1065"
    assert kb_id(orgs.get("kremlin")) == "chronik:org/kremlin"


def test_organisations_genitive_rules() -> None:
    assert genitive_forms("Kreml", "m") == ["Kremls"]
    assert genitive_forms("Bundestag", "m") == ["Bundestags", "Bundestages"]
    assert genitive_forms("NATO", "f") == []
    assert genitive_forms("BND", "m") == []
    assert genitive_forms("Islamischer Staat", "m") == []


def test_organisations_duplicate_id_is_an_error() -> None:
    org = Organisation("x", "X", (), "other", "", "GOV", "", "", "", "", "", "")
    with pytest.raises(ResourceError):
        Organisations([org, org])


def test_institutions_forms_and_sectors() -> None:
    institutions = Institutions.load()
    assert len(institutions) >= 80
    ministry = institutions.by_form("Außenministeriums")
    assert ministry.head == "Außenministerium"
    assert ministry.sector == "GOV"
    assert institutions.by_form("Verteidigungsministerium").sector == "MIL"
    assert institutions.by_form("Streitkräften").head == "Streitkräfte"
    assert institutions.by_form("Revolutionsgarden").sector == "MIL"
    assert institutions.by_form("Kreml") is None  # a name: organisations.tsv
    for item in institutions:
        assert item.sector in SECTORS and (not item.sector2 or item.sector2 in SECTORS)
        assert item.gender in {"m", "f", "n", "pl"}
        assert item.entity_type == "ORG"


def test_parties_table_lookup_by_name_and_country() -> None:
    parties = Parties.load()
    assert len(parties) > 1000
    [akp] = parties.by_name("AKP", country="TUR")
    assert akp.wikidata.startswith("Q")
    assert {p.country for p in parties.by_name("Grüne")} >= {"DEU", "AUT", "CHE"}
    assert [p.country for p in parties.by_name("FPÖ")] == ["AUT"]
    assert parties.by_name("Einiges Russland")[0].country == "RUS"
    assert all(p.sector == "PTY" for p in parties)


def test_parties_table_sorted_and_unique() -> None:
    table = load_table("chronik.kb", "parties.tsv")
    ids = table.column("id")
    assert len(ids) == len(set(ids))
    keys = [(row["country"], int(row["id"])) for row in table]
    assert keys == sorted(keys)


def test_party_de_names_source_has_header() -> None:
    path = Path(build_organisations.__file__).parent / "sources" / "party_de_names.tsv"
    table = load_table_file(path)
    assert table.columns == ("partyfacts_id", "country", "names_de", "note")
    assert all(row["partyfacts_id"].isdigit() for row in table)


@pytest.mark.shared_data
def test_build_organisations_parties_from_shared_data(tmp_path: Path) -> None:
    shared = _shared_data()
    if not (shared / "gazetteers" / "partyfacts").is_dir():
        pytest.skip("shared data not available")
    counts = build_organisations.build(tmp_path, shared)
    assert counts["parties.tsv"] > 1000
    built = load_table_file(tmp_path / "parties.tsv")
    countries = built.column("country")
    assert countries.count("DEU") > 40
    assert {"AUT", "CHE", "RUS", "USA"} <= set(countries)
    shipped = (Path(build_organisations.__file__).parent / "data" / "parties.tsv").read_text(
        encoding="utf-8"
    )
    assert (tmp_path / "parties.tsv").read_text(encoding="utf-8") == shipped
