"""The GeoNames place-name table used as a feature of the name tagger."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from chronik.entities.tagger.place_names import PlaceNames, read, table_rows, write
from chronik.errors import ResourceError


def city(name: str, country: str) -> dict[str, str]:
    return {"name": name, "countrycode": country}


def test_rows_keep_capitalised_names_and_prefer_the_local_scope() -> None:
    rows = table_rows(
        [
            city("Neustadt", "FR"),
            city("Neustadt", "DE"),
            city("Neustadt", "PL"),
            city("Sankt  Gallen", "CH"),
            city("Ao", "JP"),
            city("el Jadida", "MA"),
            city("Valparaíso", "CL"),
        ]
    )
    assert rows == {"Neustadt": "dach", "Sankt Gallen": "dach", "Valparaíso": "world"}


def test_written_table_reads_back_with_single_and_multi_word_names(tmp_path: Path) -> None:
    path = tmp_path / "places.tsv.gz"
    write({"Grindelwald": "dach", "Bad Ischl": "dach", "Rio de Janeiro": "world"}, path)
    places = PlaceNames.from_rows(read(gzip.decompress(path.read_bytes()).decode()))
    assert places.scope("Grindelwald") == "dach" and places.scope("Bad") is None
    words = "Von Rio de Janeiro nach Bad Ischl und Grindelwald".split()
    assert places.spans(words) == ["", "B", "I", "I", "", "B", "I", "", ""]


def test_a_table_without_header_or_with_an_unknown_scope_is_refused() -> None:
    with pytest.raises(ResourceError, match="header"):
        read("# comment\nGrindelwald\tdach\n")
    with pytest.raises(ResourceError, match="scope"):
        read("name\tscope\nGrindelwald\tmountain\n")


def test_shipped_table_knows_villages_here_and_towns_abroad() -> None:
    places = PlaceNames.load()
    assert len(places.local) + len(places.foreign) > 100_000
    assert places.scope("Zwiefalten") == "dach"
    assert places.scope("Oberstdorf") == "dach"
    assert places.scope("Valparaíso") == "world"
    assert places.scope("Wolf") is None  # a surname and a word, no town of 500 by that name
    assert places.spans(["Ferien", "in", "Bad", "Ischl"]) == ["", "", "B", "I"]
