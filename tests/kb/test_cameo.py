"""Tests for the CAMEO/TABARI/Phoenix dictionary reader."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from chronik.kb import cameo
from chronik.kb.cameo import DatedCode

FIXTURES = Path(__file__).parent / "fixtures"


def _shared_data() -> Path:
    root = Path(os.environ.get("CHRONIK_DATA", Path.cwd().parent / "shared" / "data"))
    if not root.is_dir():
        root = Path(__file__).resolve().parents[3] / "shared" / "data"
    return root


@pytest.fixture(scope="module")
def entries() -> dict[str, cameo.ActorEntry]:
    parsed = cameo.read_actor_dictionary(FIXTURES / "sample.actors.txt")
    return {entry.name: entry for entry in parsed}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("011222", date(2001, 12, 22)),
        ("300101", date(2030, 1, 1)),
        ("310101", date(1931, 1, 1)),
        ("19270101", date(1927, 1, 1)),
        ("9008223", None),
        ("1920030320", None),
        ("990231", None),
        ("", None),
    ],
)
def test_cameo_date_two_and_four_digit_years(text: str, expected: date | None) -> None:
    assert cameo.parse_cameo_date(text) == expected


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("AFGGOV", DatedCode("AFGGOV")),
        ("AFGGOV >011222", DatedCode("AFGGOV", date(2001, 12, 22), None)),
        ("AFGGOV <011222", DatedCode("AFGGOV", None, date(2001, 12, 22))),
        ("AFGGOV > 011222", DatedCode("AFGGOV", date(2001, 12, 22), None)),
        ("AFGGOV 750101-000101", DatedCode("AFGGOV", date(1975, 1, 1), date(2000, 1, 1))),
        ("AFGGOV 19270101-730717", DatedCode("AFGGOV", date(1927, 1, 1), date(1973, 7, 17))),
        ("  ", None),
    ],
)
def test_cameo_code_spec_date_ranges(spec: str, expected: DatedCode | None) -> None:
    assert cameo.parse_code_spec(spec) == expected


def test_cameo_parser_reads_aliases_and_indented_codes(entries) -> None:
    scholz = entries["OLAF_SCHOLZ_"]
    assert scholz.aliases == ("CHANCELLOR_SCHOLZ_",)
    assert [c.code for c in scholz.codes] == ["DEUGOV", "DEUGOV", "DEUELI"]
    assert scholz.codes[1] == DatedCode("DEUGOV", date(2021, 12, 8), date(2025, 5, 6))
    assert entries["BUNDESWEHR_"].codes == (DatedCode("DEUMIL"),)


def test_cameo_parser_reads_codes_on_the_name_line(entries) -> None:
    baerbock = entries["ANNALENA_BAERBOCK_"]
    assert baerbock.codes == (
        DatedCode("DEUGOV", date(2021, 12, 8), date(2025, 5, 6)),
        DatedCode("DEUPTY", None, date(2021, 12, 7)),
    )
    assert entries["NATO_"].codes == (DatedCode("IGOWSTNAT"),)
    assert entries["HAMAS_"].aliases == ("HARAKAT_AL-MUQAWAMA_AL-ISLAMIYA_",)


def test_cameo_parser_strips_comments_and_skips_orphan_codes(entries) -> None:
    germany = entries["GERMANY_"]
    assert germany.aliases == ("FEDERAL_REPUBLIC_OF_GERMANY_", "BERLIN_")
    assert "XYZGOV" not in {c.code for e in entries.values() for c in e.codes}


def test_cameo_parser_keeps_entries_without_codes_separate(entries) -> None:
    assert entries["U.N._"].codes == ()
    assert entries["THE_UNITED_NATIONS_"].codes == (DatedCode("IGOUNO"),)


def test_cameo_parser_edge_cases(entries) -> None:
    assert entries["SAMPLE_TYPO_NAME_"].codes == (DatedCode("IGOUNO", date(2007, 2, 1)),)
    assert entries["SPACED_DATE_"].codes == (DatedCode("RUSGOV", date(2000, 5, 7)),)
    broken = entries["BROKEN_DATE_"].codes
    assert broken[0] == DatedCode("DEUGOV", None, date(1991, 12, 21))
    assert broken[1] == DatedCode("DEUGOV", None, date(2006, 5, 20))
    assert entries["NULL_CODED_"].codes == (DatedCode("---"),)
    assert entries["JUST_INDENTED_NAME_"].codes[0].code == "FRAGOV"


def test_cameo_parser_falls_back_to_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "latin.actors.txt"
    path.write_bytes("JOS\xc9_MART\xcd_ [CUBELI]\n+MART\xcd_\n".encode("cp1252"))
    [entry] = cameo.read_actor_dictionary(path)
    assert entry.name == "JOSÉ_MARTÍ_"
    assert entry.aliases == ("MARTÍ_",)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUSGOVMIL", ("RUS", "MIL")),
        ("RUSGOV", ("RUS", "GOV")),
        ("AFGGOVBUS", ("AFG", "GOV")),
        ("DEU", ("DEU", None)),
        ("IGOUNO", (None, "IGO")),
        ("IGOWSTNAT", (None, "IGO")),
        ("NGOUSAEDU", ("USA", "NGO")),
        ("MNCDEU", ("DEU", "BUS")),
        ("IMGMUSALQ", (None, "REB")),
        ("MEAREB", (None, "REB")),
        ("KSVGOV", ("XKX", "GOV")),
        ("~GOVJUD", (None, "GOV")),
        ("~MUS", (None, "REL")),
        ("---", (None, None)),
        ("SYRSPY", ("SYR", "SPY")),
    ],
)
def test_cameo_code_to_country_sector(code: str, expected: tuple) -> None:
    assert cameo.code_to_country_sector(code) == expected


def test_cameo_import_natural_case_and_dated_roles() -> None:
    actors = {a.name: a for a in cameo.import_actor_dictionary(FIXTURES / "sample.actors.txt")}
    assert "Olaf Scholz" in actors
    scholz = actors["Olaf Scholz"]
    assert scholz.names == ("Olaf Scholz", "Chancellor Scholz")
    assert scholz.role_on(date(2023, 1, 1)).sector == "GOV"
    assert scholz.role_on(date(2026, 1, 1)).sector == "ELI"
    assert scholz.country == "DEU"
    assert actors["NATO"].sector == "IGO"
    assert actors["Boris Pistorius"].sector == "MIL"
    assert "McCloy and al-Qaeda" not in actors
    assert "Mccloy and Al-Qaeda" not in actors
    assert actors["McCloy and Al-Qaeda"].sector == "REB"
    assert "U.N." not in actors  # no code: nothing to import
    assert not any(name.startswith("Null") for name in actors)


def test_cameo_agents_expand_substitutions_and_plurals() -> None:
    agents = cameo.read_agent_dictionary(FIXTURES / "sample.agents.txt")
    phrases = {a.phrase: a for a in agents}
    assert {"FOREIGN MINISTER", "FOREIGN MINISTRY"} <= set(phrases)
    assert {"POLICEMAN", "POLICEWOMAN", "POLICEPERSON"} <= set(phrases)
    assert phrases["ATTORNEYS GENERAL"].code == "~GOVJUD"
    assert phrases["DEFENSE MINISTER"].role_code == "GOVMIL"
    assert phrases["HUMAN RIGHTS ACTIVIST"].precedes_actor
    assert "ISLAMIC EXTREMIST" not in phrases
    assert "TROOPS" not in phrases


@pytest.mark.shared_data
def test_cameo_reads_the_phoenix_files() -> None:
    phoenix = _shared_data() / "gazetteers" / "phoenix"
    if not phoenix.is_dir():
        pytest.skip("shared data not available")
    countries = cameo.import_actor_dictionary(phoenix / "Phoenix.Countries.actors.txt")
    international = cameo.import_actor_dictionary(phoenix / "Phoenix.International.actors.txt")
    armed = cameo.import_actor_dictionary(phoenix / "Phoenix.MilNonState.actors.txt")
    agents = cameo.read_agent_dictionary(phoenix / "Phoenix.agents.txt")
    assert len(countries) > 10_000
    assert len(international) > 1_000
    assert len(armed) > 500
    assert len(agents) > 1_000
    assert sum(1 for a in countries if a.country == "DEU") > 10
    assert any(a.sector == "IGO" for a in international)
    assert all(a.sector == "REB" for a in armed if a.names[0] == "Taliban")
