from __future__ import annotations

import pytest

from chronik.errors import ResourceError
from chronik.tables import load_table, parse_table, split_multi

GOOD = "# source: me\n# licence: CC0\n# scope: tests\nname\tvalue\na\t1\nb\n"


def test_tables_parse_header_and_rows() -> None:
    table = parse_table(GOOD)
    assert table.meta == {"source": "me", "licence": "CC0", "scope": "tests"}
    assert table.columns == ("name", "value")
    assert [row["value"] for row in table] == ["1", ""]


def test_tables_missing_header_keys_are_an_error() -> None:
    with pytest.raises(ResourceError, match="licence, scope"):
        parse_table("# source: me\nname\na\n", name="broken.tsv")


def test_tables_too_many_cells_are_an_error() -> None:
    with pytest.raises(ResourceError, match="row 2"):
        parse_table(GOOD.replace("a\t1", "a\t1\textra"))


def test_tables_split_multi_drops_empties() -> None:
    assert split_multi("a| b ||c") == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("package", "filename"),
    [
        ("chronik.structure", "related.tsv"),
        ("chronik.structure", "credits.tsv"),
        ("chronik.structure", "boilerplate.tsv"),
        ("chronik.language.de", "particles.tsv"),
    ],
)
def test_tables_shipped_tables_load(package: str, filename: str) -> None:
    table = load_table(package, filename)
    assert len(table) > 10
    assert all(table.meta[key] for key in ("source", "licence", "scope"))
