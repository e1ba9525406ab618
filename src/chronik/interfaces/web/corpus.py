"""What the pages and the API read from a store, always opened read-only.

The questions are the CLI's (chronik.store.queries); this module only pages them
(``LIMIT``/``OFFSET`` around the query), counts them, and adds the few reads the CLI
has no command for: the article list, one article, an event's reports, timeline counts.
A store is opened per request, so an ingest run finishing meanwhile is seen at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from chronik.errors import UsageError
from chronik.model import Article
from chronik.store.database import Store
from chronik.store.queries import Query, run

Row = dict[str, Any]


@dataclass(frozen=True)
class Page:
    """One page of a query's rows, and how many rows the whole query has."""

    total: int
    limit: int
    offset: int
    items: list[Row]

    def as_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "items": self.items,
        }


class CorpusUnavailable(UsageError):
    """The store cannot be opened (missing, locked, not a store): browsing is unavailable."""


class Corpus:
    """The store behind a running server; ``db`` may not exist yet (then reads fail clearly)."""

    def __init__(self, db: Path) -> None:
        self.db = db

    @contextmanager
    def _store(self) -> Iterator[Store]:
        try:
            store = Store.open(self.db, read_only=True)
        except UsageError as error:
            raise CorpusUnavailable(error.reason) from None
        with store:
            yield store

    def page(self, query: Query, limit: int, offset: int) -> Page:
        # Appended, not wrapped: the query's own ORDER BY then surely orders the page.
        paged = Query(f"{query.sql} LIMIT ? OFFSET ?", [*query.params, limit, offset])
        counted = Query(f"SELECT count(*) FROM ({query.sql})", query.params)
        with self._store() as store:
            total = int(run(store, counted).rows[0][0])
            return Page(total, limit, offset, rows_of(run(store, paged)))

    def rows(self, query: Query) -> list[Row]:
        with self._store() as store:
            return rows_of(run(store, query))

    def stats(self) -> Row:
        """Table sizes, outlets, and events per type: the overview page."""
        with self._store() as store:
            counts = store.counts()
            outlets = rows_of(store.query("SELECT * FROM sources ORDER BY articles DESC LIMIT 50"))
            types = rows_of(
                store.query(
                    "SELECT type, count(*) AS events FROM events GROUP BY type ORDER BY 2 DESC"
                )
            )
        return {"db": str(self.db), "counts": counts, "outlets": outlets, "event_types": types}

    def article(self, article_id: str) -> Article | None:
        with self._store() as store:
            row = store.connection.execute(
                "SELECT article_json FROM articles WHERE id = ?", [article_id]
            ).fetchone()
        return Article.model_validate_json(row[0]) if row else None


def article_list(outlet: str | None = None) -> Query:
    """Articles, newest first, with how much was found in each."""
    where, params = ("WHERE a.outlet ILIKE ?", [f"%{outlet}%"]) if outlet else ("", [])
    count = "(SELECT count(*) FROM {table} t WHERE t.article_id = a.id) AS {table}"
    sql = (
        "SELECT a.id, a.published, a.outlet, a.title, a.language, "
        f"{count.format(table='entities')}, {count.format(table='quotes')}, "
        f"{count.format(table='events')} FROM articles a {where} "
        "ORDER BY a.published DESC NULLS LAST, a.id"
    )
    return Query(sql, params)


def event_reports(corpus_event_ids: list[str]) -> Query:
    """The article events that report each corpus event (evidence links of the events page)."""
    sql = (
        "SELECT r.corpus_event_id, r.article_id, r.event_id, a.outlet, a.published "
        "FROM corpus_event_reports r JOIN articles a ON a.id = r.article_id "
        "WHERE list_contains(?, r.corpus_event_id) ORDER BY a.published NULLS LAST, r.article_id"
    )
    return Query(sql, [corpus_event_ids])


def timeline_counts(query: Query, *, per_article: bool) -> Query:
    """Events of ``query`` (an event_query) counted by day and type."""
    day = (
        "coalesce(TRY_CAST(CASE WHEN length(date_value) = 10 THEN date_value END AS DATE), "
        "published)"
        if per_article
        else "coalesce(date_first, first_report_date)"
    )
    sql = (
        f"SELECT {day} AS day, type, count(*) AS events FROM ({query.sql}) "
        "WHERE day IS NOT NULL GROUP BY ALL ORDER BY day, type"
    )
    return Query(sql, query.params)


def rows_of(result: Any) -> list[Row]:
    return [
        {name: plain(value) for name, value in zip(result.columns, row, strict=True)}
        for row in result.rows
    ]


def plain(value: object) -> object:
    """A JSON-ready value: dates as ISO strings, decimals as floats."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value
