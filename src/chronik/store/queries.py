"""The questions researchers ask a store, as parameterised SQL: events, quotes, actors.

Each builder returns a ``Query`` (SQL text and its parameters); ``run`` executes it and
``write_parquet`` copies its result into a Parquet file with DuckDB's COPY. Events are
corpus events by default (one row per real event, with its number of reports; see
store/linking.py); ``per_article=True`` gives one row per article event.

    query = event_query(EventFilter(actor="RUS", type="CONSULT"))
    with Store.open("corpus.duckdb", read_only=True) as store:
        result = run(store, query)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from chronik.errors import UsageError
from chronik.store.database import QueryResult, Store

_ISO3 = re.compile(r"^[A-Z]{3}$")

# The actor's words or its entity's canonical name, for a name given with --actor.
_ACTOR_NAME = (
    "EXISTS (SELECT 1 FROM event_actors x LEFT JOIN entities n ON n.article_id = x.article_id "
    "AND n.entity_id = x.entity_id WHERE x.article_id = {a} AND x.event_id = {e} "
    "AND (n.name ILIKE ? OR x.text ILIKE ?))"
)
_ACTOR_COUNTRY = (
    "EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = {a} AND x.event_id = {e} "
    "AND x.country = ?)"
)
_SIDE = (
    "(SELECT string_agg(x.text || coalesce(' (' || x.country || ')', ''), '; ' "
    "ORDER BY x.actor_no) FROM event_actors x WHERE x.article_id = e.article_id "
    "AND x.event_id = e.event_id AND x.role = '{role}') AS {role}"
)
_EVENT_DATE = (
    "coalesce(CASE WHEN e.date_precision = 'day' THEN TRY_CAST(e.date_value AS DATE) END, "
    "a.published)"
)


@dataclass(frozen=True)
class Query:
    sql: str
    params: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class EventFilter:
    """Conditions on events; None means no condition."""

    actor: str | None = None  # an ISO 3166-1 alpha-3 code, else part of a name
    type: str | None = None  # PLOVER type
    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str | None = None  # part of an outlet name


def event_query(where: EventFilter, *, per_article: bool = False) -> Query:
    return _article_events(where) if per_article else _corpus_events(where)


def _corpus_events(where: EventFilter) -> Query:
    conditions: list[str] = []
    params: list[Any] = []
    if where.type:
        conditions.append("c.type = ?")
        params.append(where.type.upper())
    if where.actor and _ISO3.match(where.actor):
        conditions.append(
            "(list_contains(c.source_countries, ?) OR list_contains(c.target_countries, ?))"
        )
        params += [where.actor, where.actor]
    elif where.actor:
        conditions.append(_any_report(_ACTOR_NAME.format(a="r.article_id", e="r.event_id")))
        params += [f"%{where.actor}%"] * 2
    if where.outlet:
        conditions.append(_any_report("ra.outlet ILIKE ?"))
        params.append(f"%{where.outlet}%")
    if where.since:
        conditions.append("coalesce(c.date_last, c.first_report_date) >= ?")
        params.append(where.since)
    if where.until:
        conditions.append("coalesce(c.date_first, c.first_report_date) <= ?")
        params.append(where.until)
    sql = (
        "SELECT c.corpus_event_id, c.type, array_to_string(c.source_countries, '|') AS source, "
        "array_to_string(c.target_countries, '|') AS target, c.location, c.date_first, "
        "c.date_last, c.reports, c.outlets, c.first_report_article, c.first_report_date "
        f"FROM corpus_events c{_where(conditions)} "
        "ORDER BY c.date_first NULLS LAST, c.first_report_date, c.corpus_event_id"
    )
    return Query(sql, params)


def _any_report(condition: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM corpus_event_reports r JOIN articles ra ON ra.id = r.article_id "
        f"WHERE r.corpus_event_id = c.corpus_event_id AND {condition})"
    )


def _article_events(where: EventFilter) -> Query:
    conditions: list[str] = []
    params: list[Any] = []
    if where.type:
        conditions.append("e.type = ?")
        params.append(where.type.upper())
    if where.actor:
        iso3 = _ISO3.match(where.actor)
        template = _ACTOR_COUNTRY if iso3 else _ACTOR_NAME
        conditions.append(template.format(a="e.article_id", e="e.event_id"))
        params += [where.actor] if iso3 else [f"%{where.actor}%"] * 2
    if where.outlet:
        conditions.append("a.outlet ILIKE ?")
        params.append(f"%{where.outlet}%")
    if where.since:
        conditions.append(f"{_EVENT_DATE} >= ?")
        params.append(where.since)
    if where.until:
        conditions.append(f"{_EVENT_DATE} <= ?")
        params.append(where.until)
    sql = (
        f"SELECT e.article_id, e.event_id, a.published, a.outlet, e.type, e.modality, "
        f"{_SIDE.format(role='source')}, {_SIDE.format(role='target')}, e.location_name, "
        "e.location_country, e.date_value, e.trigger_text, e.evidence_text "
        f"FROM events e JOIN articles a ON a.id = e.article_id{_where(conditions)} "
        "ORDER BY a.published NULLS LAST, e.article_id, e.event_id"
    )
    return Query(sql, params)


def quote_query(speaker: str | None = None, text: str | None = None) -> Query:
    """Quotes, with the speaker's canonical name where known, in publication order."""
    conditions: list[str] = []
    params: list[Any] = []
    if speaker:
        conditions.append("(p.name ILIKE ? OR q.speaker_text ILIKE ?)")
        params += [f"%{speaker}%"] * 2
    if text:
        conditions.append("q.content_text ILIKE ?")
        params.append(f"%{text}%")
    sql = (
        "SELECT a.published, a.outlet, q.article_id, q.quote_id, "
        "coalesce(p.name, q.speaker_text) AS speaker, q.form, q.cue_text AS cue, "
        "q.content_text AS quote FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN entities p ON p.article_id = q.article_id AND p.entity_id = q.speaker_id"
        f"{_where(conditions)} ORDER BY a.published NULLS LAST, q.article_id, q.quote_id"
    )
    return Query(sql, params)


def actor_query() -> Query:
    """Who acts on whom: corpus events by source country, target country and type."""
    # Sources and targets are unnested one after the other: two unnests in one SELECT
    # would pair them up by position instead of crossing them.
    sql = (
        "WITH sources AS (SELECT unnest(CASE WHEN len(source_countries) = 0 THEN [NULL] "
        "ELSE source_countries END) AS source, target_countries, type, reports "
        "FROM corpus_events), "
        "pairs AS (SELECT source, unnest(CASE WHEN len(target_countries) = 0 "
        "THEN [NULL] ELSE target_countries END) AS target, type, reports FROM sources) "
        "SELECT source, target, type, count(*) AS events, sum(reports) AS reports FROM pairs "
        "GROUP BY ALL ORDER BY events DESC, source NULLS LAST, target NULLS LAST, type"
    )
    return Query(sql)


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def run(store: Store, query: Query) -> QueryResult:
    try:
        cursor = store.connection.execute(query.sql, query.params)
        columns = [item[0] for item in cursor.description or []]
        return QueryResult(columns, cursor.fetchall())
    except duckdb.Error as error:
        raise UsageError(f"query failed: {str(error).strip().splitlines()[0]}") from None


def write_parquet(store: Store, query: Query, output: Path) -> None:
    """The query's result as a Parquet file, written by DuckDB's COPY."""
    target = str(output).replace("'", "''")
    try:
        store.connection.execute(f"COPY ({query.sql}) TO '{target}' (FORMAT parquet)", query.params)
    except duckdb.Error as error:
        raise UsageError(f"{output}: cannot write ({str(error).strip().splitlines()[0]})") from None
