"""Physical geography in regions.tsv: rivers, lakes, mountains, islands, peninsulas,
deserts and landscapes are LOC places with their country, and forms that are also
ordinary words or names (der Main, Jordan, Lech, Oder) never name a place alone."""

from __future__ import annotations

import pytest

from chronik.entities.names import _NATURAL_REGIONS
from chronik.kb.geography import Gazetteer
from chronik.pipeline import analyze
from chronik.resources import Resources
from chronik.tables import Table, load_table, split_multi

GPE_REGION_TYPES = {"state", "province", "territory"}
PHYSICAL_TYPES = {"river", "lake", "mountains", "island", "peninsula", "desert", "gulf"}


@pytest.fixture(scope="module")
def regions() -> Table:
    return load_table("chronik.kb", "regions.tsv")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _forms(row: dict[str, str]) -> list[str]:
    return [row["name_de"], *split_multi(row["aliases"]), *split_multi(row["genitive_de"])]


def test_region_ids_are_unique_and_types_known(regions: Table) -> None:
    ids = [row["id"] for row in regions]
    assert len(ids) == len(set(ids))
    assert {row["type"] for row in regions} <= _NATURAL_REGIONS | GPE_REGION_TYPES
    assert {row["type"] for row in regions} >= PHYSICAL_TYPES


def test_region_rows_are_well_formed(regions: Table) -> None:
    countries = {row["iso3"] for row in load_table("chronik.kb", "countries.tsv")}
    for row in regions:
        assert row["article_de"] in {"", "der", "die", "das"}, row["id"]
        assert not row["country"] or row["country"] in countries, row["id"]
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row["id"]


def test_physical_forms_do_not_clash_with_countries_or_cities(
    regions: Table, gazetteer: Gazetteer
) -> None:
    """A river or island named like a city would outrank the city (regions sort first)."""
    owners: dict[str, str] = {}
    for row in regions:
        if row["type"] not in PHYSICAL_TYPES:
            continue
        for form in _forms(row):
            assert owners.setdefault(form, row["id"]) == row["id"], form
            clashes = [
                ref for ref in gazetteer.lookup(form) if ref.kind not in {"region", "demonym"}
            ]
            assert clashes == [], (form, clashes)


@pytest.mark.parametrize(
    ("form", "name", "kind", "country"),
    [
        ("Donau", "Donau", "river", None),
        ("Rheins", "Rhein", "river", None),
        ("Weser", "Weser", "river", "DEU"),
        ("Bodensee", "Bodensee", "lake", None),
        ("Genfersee", "Genfer See", "lake", None),
        ("Alpen", "Alpen", "mountains", None),
        ("Zugspitze", "Zugspitze", "mountains", "DEU"),
        ("Sylt", "Sylt", "island", "DEU"),
        ("Peloponnes", "Peloponnes", "peninsula", "GRC"),
        ("Gobi", "Gobi", "desert", None),
        ("Wachau", "Wachau", "region", "AUT"),
        ("Engadin", "Engadin", "region", "CHE"),
        ("Euphrat", "Euphrat", "river", None),
    ],
)
def test_physical_places_resolve(
    gazetteer: Gazetteer, form: str, name: str, kind: str, country: str | None
) -> None:
    ref = gazetteer.lookup(form)[0]
    assert (ref.kind, ref.name, ref.detail, ref.iso3, ref.ambiguous) == (
        "region",
        name,
        kind,
        country,
        False,
    )


@pytest.mark.parametrize(
    "form",
    [
        "Main",
        "Jordan",
        "Lech",
        "Oder",
        "Seine",
        "Havel",
        "Don",
        "Lena",
        "Maas",
        "Rügen",
        "Tatra",
        "Ruhr",
        "Eider",
    ],
)
def test_word_and_name_forms_are_flagged(gazetteer: Gazetteer, form: str) -> None:
    refs = [ref for ref in gazetteer.lookup(form) if ref.kind == "region"]
    assert refs and all(ref.ambiguous for ref in refs)


@pytest.mark.parametrize("form", ["Nils", "Jordans", "Mains", "Lechs", "Dons"])
def test_flagged_rivers_derive_no_unflagged_genitive(gazetteer: Gazetteer, form: str) -> None:
    """des Nils would be the first name Nils: such genitives are overridden in the source."""
    assert [ref for ref in gazetteer.lookup(form) if ref.kind == "region"] == []


def _entities(resources: Resources, body: str) -> dict[str, tuple[str, str | None, str | None]]:
    article = analyze(f"Bericht\n\n{body}", published="2024-03-01", resources=resources)
    return {e.name: (e.type, e.country, e.kb_id) for e in article.entities}


def test_german_river_sentence_gives_loc_with_country(resources: Resources) -> None:
    found = _entities(
        resources, "Das Hochwasser der Weser hat am Montag Bremen erreicht, auch an der Elbe."
    )
    assert found["Weser"] == ("LOC", "DEU", "chronik:region/reg:fluss-weser")
    assert found["Elbe"] == ("LOC", None, "chronik:region/reg:fluss-elbe")


def test_landscapes_and_islands_are_loc(resources: Resources) -> None:
    found = _entities(resources, "Urlauber zog es nach Sylt, in die Wachau und an den Bodensee.")
    assert {name: value[:2] for name, value in found.items()} == {
        "Sylt": ("LOC", "DEU"),
        "Wachau": ("LOC", "AUT"),
        "Bodensee": ("LOC", None),
    }


def test_ambiguous_forms_are_not_taken_alone(resources: Resources) -> None:
    found = _entities(
        resources,
        "Seine Frau sagte am Montag, Jordan habe recht. Oder doch nicht? Lech kam später.",
    )
    assert all(
        not (kb_id or "").startswith("chronik:region/reg:fluss-") for _, _, kb_id in found.values()
    )
