"""Small helpers the robustness tests share."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

from chronik.resources import Resources
from chronik.store.database import Store

ARTICLE = (
    "Gespräche in Wien\n\n"
    "Wien – Die Außenministerin Anna Brenner hat am Montag ihren Amtskollegen aus Polen "
    "getroffen. „Wir wollen die Zusammenarbeit vertiefen“, sagte Brenner nach dem Treffen. "
    "Der polnische Minister kritisierte die Pläne der Kommission.\n"
)


def with_settings(resources: Resources, **changes: Any) -> Resources:
    """The loaded resources with other settings: no second load of the tagger and KB."""
    changed = copy.copy(resources)
    changed.settings = dataclasses.replace(resources.settings, **changes)
    return changed


def store_counts(db: Path) -> dict[str, int]:
    """Rows per table, without the run log (a rerun adds a run row by design)."""
    with Store.open(db, read_only=True) as store:
        counts = store.counts()
    counts.pop("runs", None)
    return counts


def query(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with Store.open(db, read_only=True) as store:
        return store.query(sql).rows


_COUNTRIES = ("Polen", "Frankreich", "Italien", "Ungarn", "Schweden", "Spanien", "Tschechien")
_MINISTERS = ("Anna Brenner", "Karl Wegener", "Mira Dorn", "Jonas Lindqvist", "Leonie Hofer")
_DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")


def corpus_article(n: int) -> str:
    """Article ``n`` of a small generated corpus: a meeting, a quote, a criticism."""
    country = _COUNTRIES[n % len(_COUNTRIES)]
    other = _COUNTRIES[(n + 3) % len(_COUNTRIES)]
    minister = _MINISTERS[n % len(_MINISTERS)]
    day = _DAYS[n % len(_DAYS)]
    return (
        f"Treffen mit {country} ({n})\n\n"
        f"Wien – Die österreichische Außenministerin {minister} hat am {day} in Wien "
        f"ihren Amtskollegen aus {country} empfangen. „Wir wollen enger "
        f"zusammenarbeiten“, sagte {minister.split()[1]} nach dem Treffen. Die "
        f"Regierung von {other} kritisierte {country} am {day} scharf. {other} drohte "
        f"{country} mit Sanktionen. Bericht Nummer {n}.\n"
    )


def write_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` articles as ``folder/NNN.txt``, plus a near-duplicate of article 0."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{n:03d}.txt"
        path.write_text(corpus_article(n), encoding="utf-8")
        paths.append(path)
    rewrite = folder / "zzz-rewrite.txt"
    rewrite.write_text(corpus_article(0) + "Ergänzt um eine Zeile.\n", encoding="utf-8")
    return [*paths, rewrite]


def per_article_rows(db: Path) -> list[tuple[Any, ...]]:
    """Rows per article in every article table: equal lists mean nothing is duplicated."""
    from chronik.store.schema import ARTICLE_TABLES

    sql = " UNION ALL ".join(
        f"SELECT '{table}', {'id' if table == 'articles' else 'article_id'}, count(*) "
        f"FROM {table} GROUP BY ALL"
        for table in ARTICLE_TABLES
    )
    return sorted(query(db, sql))
