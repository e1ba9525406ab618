"""People and dated offices: table integrity, holders at a date, name lookups."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronik.errors import ResourceError
from chronik.kb.people import (
    _UNDECOMPOSED,
    OFFICE_COLUMNS,
    PERSON_COLUMNS,
    Office,
    PartialDate,
    People,
    Person,
    fold,
    genitive_bases,
    kb_id,
)
from chronik.tables import load_table

# Offices with one holder per country at a time (canonical role noun).
SINGLE_HOLDER_ROLES = {
    "Präsident",
    "Bundespräsident",
    "Bundeskanzler",
    "Premierminister",
    "Ministerpräsident",
    "Außenminister",
    "Verteidigungsminister",
    "Generalstabschef",
    "Generalinspekteur",
    "König",
    "Emir",
    "Sultan",
}
# Notes that mark overlaps as intended: acting holders and holders in a split office.
OVERLAP_EXCUSES = re.compile(
    r"acting|interim|caretaker|de facto|suspended|incapacitated|alongside|as king"
)
MAX_OVERLAP = timedelta(days=7)


@pytest.fixture(scope="module")
def people() -> People:
    return People.load()


def _names(persons: list[Person]) -> list[str]:
    return [person.name for person in persons]


def test_people_tables_have_expected_headers() -> None:
    persons = load_table("chronik.kb", "persons.tsv")
    offices = load_table("chronik.kb", "offices.tsv")
    assert persons.columns == PERSON_COLUMNS
    assert offices.columns == OFFICE_COLUMNS
    for table in (persons, offices):
        assert {"source", "licence", "scope"} <= table.meta.keys()


def test_people_every_office_references_an_existing_person(people: People) -> None:
    person_ids = set(load_table("chronik.kb", "persons.tsv").column("id"))
    office_ids = set(load_table("chronik.kb", "offices.tsv").column("person_id"))
    assert office_ids <= person_ids
    assert len(people) == len(person_ids) > 500


def test_people_every_person_holds_an_office(people: People) -> None:
    assert [p.id for p in people if not people.offices(p.id)] == []


def test_people_office_dates_are_well_formed() -> None:
    for row in load_table("chronik.kb", "offices.tsv"):
        start = PartialDate.parse(row["start"]) if row["start"] else None
        end = PartialDate.parse(row["end"]) if row["end"] else None
        assert start or end, row
        if start and end:
            assert start.first_day() <= end.last_day(), row


def test_people_sector_codes_are_plover_agents() -> None:
    agents = {"GOV", "MIL", "LEG", "JUD", "SPY", "PTY", "REB", "IGO", "REL", ""}
    for row in load_table("chronik.kb", "offices.tsv"):
        assert row["sector"] in agents and row["sector2"] in agents, row
        if row["role"].split("|")[0] == "Verteidigungsminister":
            assert (row["sector"], row["sector2"]) == ("MIL", "GOV"), row


def test_people_wikidata_ids_are_unique() -> None:
    ids = [cell for cell in load_table("chronik.kb", "persons.tsv").column("wikidata") if cell]
    assert len(ids) == len(set(ids))


def _narrow(office: Office) -> tuple[date, date]:
    """The days a term certainly covers (partial dates taken strictly)."""
    start = office.start.last_day() if office.start else date.min
    end = office.end.first_day() if office.end else date.max
    return start, end


def test_people_single_holder_offices_do_not_overlap(people: People) -> None:
    groups: dict[tuple[str, str], list[Office]] = defaultdict(list)
    for person in people:
        for office in people.offices(person.id):
            if office.role in SINGLE_HOLDER_ROLES and office.country and not office.org:
                groups[(office.role, office.country)].append(office)
    clashes = []
    for key, offices in groups.items():
        for first, second in combinations(offices, 2):
            if OVERLAP_EXCUSES.search(first.note + " " + second.note):
                continue
            (start1, end1), (start2, end2) = _narrow(first), _narrow(second)
            if min(end1, end2) - max(start1, start2) > MAX_OVERLAP:
                clashes.append((key, first.person_id, second.person_id))
    assert clashes == []


@pytest.mark.parametrize(
    ("role", "country", "on", "expected"),
    [
        ("Verteidigungsminister", "RUS", date(2021, 10, 19), "sergei_schoigu"),
        ("Verteidigungsminister", "RUS", date(2024, 6, 1), "andrei_beloussow"),
        ("Bundeskanzler", "DEU", date(2020, 1, 1), "angela_merkel"),
        ("Bundeskanzler", "DEU", date(2023, 5, 1), "olaf_scholz"),
        ("Kanzler", "DEU", date(2025, 6, 1), "friedrich_merz"),
        ("Präsident", "RUS", date(2010, 1, 1), "dmitri_medwedew"),
        ("Kremlchef", "RUS", date(2015, 1, 1), "wladimir_putin"),
        ("Ministerpräsident", "ISR", date(2022, 1, 1), "naftali_bennett"),
        ("Premierminister", "ISR", date(2024, 1, 1), "benjamin_netanjahu"),
        ("Präsident", "DEU", date(2018, 1, 1), "frank_walter_steinmeier"),
        ("Außenminister", "USA", date(2010, 6, 1), "hillary_clinton"),
        ("Oberster Führer", "IRN", date(2005, 1, 1), "ali_chamenei"),
        ("Kronprinz", "SAU", date(2020, 1, 1), "mohammed_bin_salman"),
    ],
)
def test_people_holders_at_a_date(
    people: People, role: str, country: str, on: date, expected: str
) -> None:
    assert [p.id for p in people.holders(role, country=country, on=on)] == [expected]


def test_people_holders_on_handover_day_lists_newcomer_first(people: People) -> None:
    holders = people.holders("Bundeskanzler", country="DEU", on=date(2021, 12, 8))
    assert [p.id for p in holders] == ["olaf_scholz", "angela_merkel"]


def test_people_holders_of_international_organisations(people: People) -> None:
    on = date(2020, 1, 1)
    assert _names(people.holders("Generalsekretär", org="NATO", on=on)) == ["Jens Stoltenberg"]
    assert _names(people.holders("Generalsekretär", org="nato", on=on)) == ["Jens Stoltenberg"]
    assert _names(people.holders("Generalsekretär", org="UN", on=on)) == ["António Guterres"]
    assert _names(people.holders("Hoher Vertreter", org="EU", on=on)) == ["Josep Borrell"]
    assert _names(people.holders("Chef", org="IWF", on=on)) == ["Kristalina Georgiewa"]


def test_people_holders_accepts_feminine_role_nouns(people: People) -> None:
    on = date(2023, 1, 1)
    assert _names(people.holders("Außenministerin", country="DEU", on=on)) == ["Annalena Baerbock"]


def test_people_holders_without_date_are_current(people: People) -> None:
    assert _names(people.holders("Präsident", country="RUS")) == ["Wladimir Putin"]
    assert people.holders("Präsident", country="XXX") == []
    assert people.holders("Erzbischof", country="RUS") == []


def test_people_offices_of_a_person(people: People) -> None:
    roles = [office.role for office in people.offices("wladimir_putin")]
    assert roles[:3] == ["Ministerpräsident", "Präsident", "Präsident"]
    current = people.offices("sergei_schoigu", on=date(2025, 1, 1))
    assert [office.office_en for office in current] == [
        "Secretary of the Security Council of Russia"
    ]


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Putins", "wladimir_putin"),
        ("Wladimir Putins", "wladimir_putin"),
        ("Schoigus", "sergei_schoigu"),
        ("Sergey Shoigu", "sergei_schoigu"),
        ("Schojgu", "sergei_schoigu"),
        ("MBS", "mohammed_bin_salman"),
        ("bin Salman", "mohammed_bin_salman"),
        ("Erdogan", "recep_tayyip_erdogan"),
        ("Erdoğans", "recep_tayyip_erdogan"),
        ("Recep Tayyip Erdogan", "recep_tayyip_erdogan"),
        ("Schroeder", "gerhard_schroeder"),
        ("Pistorius'", "boris_pistorius"),
        ("Selenskyjs", "wolodymyr_selenskyj"),
        ("Netanyahu", "benjamin_netanjahu"),
    ],
)
def test_people_by_name_forms(people: People, surface: str, expected: str) -> None:
    assert expected in [p.id for p in people.by_name(surface)]


def test_people_by_name_is_case_sensitive_and_exact(people: People) -> None:
    assert people.by_name("putin") == []
    assert people.by_name("Putinator") == []
    assert {p.id for p in people.by_name("Kim")} >= {"kim_jong_un", "kim_jong_il"}


def test_people_kb_id_prefers_wikidata(people: People) -> None:
    putin, schoigu = people.person("wladimir_putin"), people.person("sergei_schoigu")
    assert putin is not None and schoigu is not None
    assert kb_id(putin) == people.kb_id(putin) == "Q7747"
    assert kb_id(schoigu) == "chronik:person/sergei_schoigu"
    assert people.person("nobody") is None


def test_people_partial_dates_cover_their_whole_period() -> None:
    may = PartialDate.parse("2012-05")
    assert (may.first_day(), may.last_day()) == (date(2012, 5, 1), date(2012, 5, 31))
    assert PartialDate.parse("2024").last_day() == date(2024, 12, 31)
    assert str(PartialDate.parse("2024-02-29")) == "2024-02-29"
    office = Office("x", "König", "", "GBR", None, "GOV", None, may, may)
    assert office.covers(date(2012, 5, 31)) and not office.covers(date(2012, 6, 1))
    assert not office.certainly_covers(date(2012, 5, 15))
    for bad in ("2012-13", "2023-02-29", "12-05-2012", ""):
        with pytest.raises(ValueError):
            PartialDate.parse(bad)


def test_people_rejects_offices_of_unknown_persons() -> None:
    office = Office("ghost", "König", "", "GBR", None, "GOV", None, None, None)
    with pytest.raises(ResourceError):
        People([], [office])


def test_people_name_helpers() -> None:
    assert fold("Erdoğan Łukasz Çavuşoğlu") == "Erdogan Lukasz Cavusoglu"
    assert genitive_bases("Putins") == ["Putin"]
    assert genitive_bases("Pistorius'") == ["Pistorius"]


@given(st.text(alphabet=st.characters(max_codepoint=0x17F), max_size=12))
def test_fold_drops_diacritics_only(text: str) -> None:
    import unicodedata

    slow = "".join(
        char
        for char in unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
        if not unicodedata.combining(char)
    )
    assert fold(text) == slow
