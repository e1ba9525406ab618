"""Tests for roles.tsv and the role-noun lookup."""

from __future__ import annotations

import pytest

from chronik.errors import ResourceError
from chronik.kb.cameo import SECTORS
from chronik.kb.roles import COLUMNS, KINDS, Role, Roles
from chronik.tables import load_table


@pytest.fixture(scope="module")
def roles() -> Roles:
    return Roles.load()


def test_roles_table_header_and_size() -> None:
    table = load_table("chronik.kb", "roles.tsv")
    assert table.columns == COLUMNS
    assert {"source", "licence", "scope"} <= set(table.meta)
    assert len(table) >= 300


def test_roles_codes_are_valid(roles: Roles) -> None:
    for role in roles:
        assert role.sector in SECTORS, role.role
        assert not role.sector2 or role.sector2 in SECTORS, role.role
        assert role.kind in KINDS, role.role
        assert role.role in role.forms, role.role


def test_roles_forms_name_one_role_each() -> None:
    owner: dict[str, str] = {}
    for row in load_table("chronik.kb", "roles.tsv"):
        for form in row["forms"].split("|"):
            assert owner.setdefault(form, row["role"]) == row["role"], form


@pytest.mark.parametrize(
    ("surface", "role", "sector"),
    [
        ("Verteidigungsministerin", "Verteidigungsminister", "MIL"),
        ("Verteidigungsministers", "Verteidigungsminister", "MIL"),
        ("Generalstabschef", "Generalstabschef", "MIL"),
        ("Chef des Generalstabs", "Generalstabschef", "MIL"),
        ("Außenministerin", "Außenminister", "GOV"),
        ("Bundeskanzlerin", "Bundeskanzler", "GOV"),
        ("Abgeordneten", "Abgeordneter", "LEG"),
        ("Kremlsprecher", "Kremlsprecher", "GOV"),
        ("Journalistinnen", "Journalist", "JRN"),
        ("Päpste", "Papst", "REL"),
        ("UN-Generalsekretär", "UN-Generalsekretär", "IGO"),
        ("Nato-Generalsekretär", "NATO-Generalsekretär", "IGO"),
    ],
)
def test_roles_by_form_inflected_and_feminine(
    roles: Roles, surface: str, role: str, sector: str
) -> None:
    found = roles.by_form(surface)
    assert found is not None
    assert (found.role, found.sector) == (role, sector)


def test_roles_defence_minister_is_military_with_government_second(roles: Roles) -> None:
    minister = roles.get("Verteidigungsminister")
    assert (minister.sector, minister.sector2, minister.kind) == ("MIL", "GOV", "minister")
    assert minister.singular_office
    assert not roles.get("Botschafter").singular_office


@pytest.mark.parametrize(
    ("surface", "role", "qualifiers", "prefix"),
    [
        ("Ex-Verteidigungsminister", "Verteidigungsminister", ("former",), ""),
        ("Vize-Außenminister", "Außenminister", ("deputy",), ""),
        ("Vizeaußenministerin", "Außenminister", ("deputy",), ""),
        ("stellvertretende Ministerpräsidentin", "Ministerpräsident", ("deputy",), ""),
        ("Interimspräsident", "Präsident", ("acting",), ""),
        ("Hamas-Chef", "Chef", (), "Hamas"),
        ("Kreml-Sprecher", "Sprecher", (), "Kreml"),
        ("Ex-UN-Generalsekretär", "UN-Generalsekretär", ("former",), ""),
        ("Bundesverkehrsminister", "Verkehrsminister", ("federal",), ""),
        ("Landesinnenministerin", "Innenminister", ("state",), ""),
        ("Bundesminister", "Bundesminister", (), ""),
    ],
)
def test_roles_match_reads_prefixes(
    roles: Roles, surface: str, role: str, qualifiers: tuple, prefix: str
) -> None:
    found = roles.match(surface)
    assert found is not None
    assert (found.role.role, found.qualifiers, found.prefix) == (role, qualifiers, prefix)


@pytest.mark.parametrize(
    "surface", ["Haus", "Koordinatorin", "Exportminister", "", "Exil", "Bundesbürger"]
)
def test_roles_is_role_rejects_non_roles(roles: Roles, surface: str) -> None:
    assert not roles.is_role(surface)


def test_roles_duplicate_role_is_an_error() -> None:
    role = Role("X", ("X",), "GOV", "", "other", False, "", "")
    with pytest.raises(ResourceError):
        Roles([role, role])
