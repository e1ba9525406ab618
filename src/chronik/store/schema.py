"""The tables of a Chronik store (DuckDB), declared as data.

One row in ``articles`` per analysed article; its parts go to child tables keyed by
``article_id``. Every span is three columns, ``<name>_start``, ``<name>_end`` (Python
string indices into ``articles.text``, end exclusive) and ``<name>_text``; mentions and
sentences use ``start_offset``/``end_offset`` because ``end`` is a reserved word in SQL.
In SQL, ``substr(a.text, m.start_offset + 1, m.end_offset - m.start_offset)`` equals
``m.text``. The full Article is kept in ``articles.article_json``, so nothing the analysis
produced is lost.

    meta          key, value (schema_version)
    runs          one row per ``chronik ingest`` run
    articles      id, content_id, source, text, structure JSON, article_json, ...
    sentences     article_id, sentence_no, offsets, text
    entities      article_id, entity_id, name, type, kb_id, country, sector, kind, roles
    mentions      article_id, entity_id, mention_no, offsets, text, kind
    quotes        article_id, quote_id, form, content/cue/speaker/addressee spans
    events        article_id, event_id, type, mode, ..., location, date, evidence span
    event_actors  article_id, event_id, role (source|target), actor_no, entity_id, ...
    failures      input_name, record_id, code, reason, first_seen, last_seen, attempts
    sources       (view) outlet, domain, articles, first and last publication date

Child tables have no key constraints: an article's rows are written in the same
transaction as its ``articles`` row, whose primary key already makes them unique, and
indexes on millions of mention rows would cost memory for no guarantee.
docs/store.md describes every column.
"""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = "1"

Columns = tuple[tuple[str, str], ...]

TABLES: dict[str, Columns] = {
    "meta": (("key", "VARCHAR PRIMARY KEY"), ("value", "VARCHAR NOT NULL")),
    "runs": (
        ("run_id", "INTEGER PRIMARY KEY DEFAULT nextval('run_ids')"),
        ("started", "TIMESTAMP NOT NULL"),
        ("finished", "TIMESTAMP"),
        ("inputs", "VARCHAR[]"),
        ("workers", "INTEGER"),
        ("documents_read", "INTEGER"),
        ("articles_new", "INTEGER"),
        ("duplicates", "INTEGER"),
        ("failed", "INTEGER"),
        ("chronik_version", "VARCHAR"),
    ),
    "articles": (
        ("id", "VARCHAR PRIMARY KEY"),
        ("content_id", "VARCHAR NOT NULL UNIQUE"),
        ("outlet", "VARCHAR"),
        ("url", "VARCHAR"),
        ("domain", "VARCHAR"),
        ("published", "DATE"),
        ("language", "VARCHAR"),
        ("title", "VARCHAR"),
        ("text", "VARCHAR NOT NULL"),
        ("structure", "JSON"),
        ("notes", "VARCHAR[]"),
        ("extra", "JSON"),
        ("input_name", "VARCHAR"),
        ("run_id", "INTEGER"),
        ("analysed_at", "TIMESTAMP NOT NULL"),
        ("chronik_version", "VARCHAR"),
        ("article_json", "JSON NOT NULL"),
    ),
    "sentences": (
        ("article_id", "VARCHAR NOT NULL"),
        ("sentence_no", "INTEGER NOT NULL"),
        ("start_offset", "INTEGER NOT NULL"),
        ("end_offset", "INTEGER NOT NULL"),
        ("text", "VARCHAR"),
    ),
    "entities": (
        ("article_id", "VARCHAR NOT NULL"),
        ("entity_id", "VARCHAR NOT NULL"),
        ("name", "VARCHAR"),
        ("type", "VARCHAR"),
        ("kb_id", "VARCHAR"),
        ("country", "VARCHAR"),
        ("sector", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("roles", "VARCHAR[]"),
        ("mention_count", "INTEGER"),
    ),
    "mentions": (
        ("article_id", "VARCHAR NOT NULL"),
        ("entity_id", "VARCHAR NOT NULL"),
        ("mention_no", "INTEGER NOT NULL"),
        ("start_offset", "INTEGER NOT NULL"),
        ("end_offset", "INTEGER NOT NULL"),
        ("text", "VARCHAR"),
        ("kind", "VARCHAR"),
    ),
    "quotes": (
        ("article_id", "VARCHAR NOT NULL"),
        ("quote_id", "VARCHAR NOT NULL"),
        ("form", "VARCHAR"),
        *(
            (f"{span}_{part}", kind)
            for span in ("content", "cue")
            for part, kind in (("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"))
        ),
        ("content_parts", "JSON"),
        ("cue_parts", "JSON"),
        ("speaker_id", "VARCHAR"),
        *(
            (f"speaker_{part}", kind)
            for part, kind in (("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"))
        ),
        ("addressee_id", "VARCHAR"),
        *(
            (f"addressee_{part}", kind)
            for part, kind in (("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"))
        ),
    ),
    "events": (
        ("article_id", "VARCHAR NOT NULL"),
        ("event_id", "VARCHAR NOT NULL"),
        ("type", "VARCHAR"),
        ("mode", "VARCHAR"),
        ("context", "VARCHAR[]"),
        ("modality", "VARCHAR"),
        ("confidence", "DOUBLE"),
        ("cameo", "VARCHAR"),
        ("quote_id", "VARCHAR"),
        ("location_name", "VARCHAR"),
        ("location_country", "VARCHAR"),
        ("location_lat", "DOUBLE"),
        ("location_lon", "DOUBLE"),
        ("location_geonameid", "BIGINT"),
        ("location_precision", "VARCHAR"),
        ("date_value", "VARCHAR"),
        ("date_precision", "VARCHAR"),
        ("date_text", "VARCHAR"),
        *(
            (f"{span}_{part}", kind)
            for span in ("trigger", "evidence")
            for part, kind in (("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"))
        ),
        ("evidence_more", "JSON"),
    ),
    "event_actors": (
        ("article_id", "VARCHAR NOT NULL"),
        ("event_id", "VARCHAR NOT NULL"),
        ("role", "VARCHAR NOT NULL"),
        ("actor_no", "INTEGER NOT NULL"),
        ("entity_id", "VARCHAR"),
        ("text", "VARCHAR"),
        ("country", "VARCHAR"),
        ("sector", "VARCHAR"),
    ),
    "failures": (
        ("input_name", "VARCHAR PRIMARY KEY"),
        ("record_id", "VARCHAR"),
        ("code", "VARCHAR"),
        ("reason", "VARCHAR NOT NULL"),
        ("first_seen", "TIMESTAMP NOT NULL"),
        ("last_seen", "TIMESTAMP NOT NULL"),
        ("attempts", "INTEGER NOT NULL"),
    ),
    # Derived after each ingest run (store/duplicates.py, store/linking.py).
    "minhash_signatures": (
        ("article_id", "VARCHAR PRIMARY KEY"),
        ("num_perm", "INTEGER NOT NULL"),
        ("scheme", "VARCHAR NOT NULL"),
        ("shingles", "INTEGER NOT NULL"),
        ("signature", "UBIGINT[] NOT NULL"),
    ),
    "duplicate_groups": (
        ("article_id", "VARCHAR PRIMARY KEY"),
        ("group_id", "VARCHAR NOT NULL"),
        ("original_id", "VARCHAR NOT NULL"),
        ("similarity", "DOUBLE"),
    ),
    "corpus_events": (
        ("corpus_event_id", "VARCHAR PRIMARY KEY"),
        ("type", "VARCHAR"),
        ("source_countries", "VARCHAR[]"),
        ("target_countries", "VARCHAR[]"),
        ("location", "VARCHAR"),
        ("date_first", "DATE"),
        ("date_last", "DATE"),
        ("reports", "INTEGER"),
        ("outlets", "INTEGER"),
        ("first_report_article", "VARCHAR"),
        ("first_report_date", "DATE"),
    ),
    "corpus_event_reports": (
        ("corpus_event_id", "VARCHAR NOT NULL"),
        ("article_id", "VARCHAR NOT NULL"),
        ("event_id", "VARCHAR NOT NULL"),
    ),
}

# Tables holding the parts of one article, written with it in one transaction.
ARTICLE_TABLES = (
    "articles",
    "sentences",
    "entities",
    "mentions",
    "quotes",
    "events",
    "event_actors",
)

VIEWS: dict[str, str] = {
    "sources": (
        "SELECT outlet, domain, count(*) AS articles, min(published) AS first_published, "
        "max(published) AS last_published FROM articles GROUP BY outlet, domain"
    ),
}


def columns(table: str) -> tuple[str, ...]:
    return tuple(name for name, _ in TABLES[table])


def ddl() -> list[str]:
    """The statements that create the schema; each is safe to run on an existing store."""
    statements = ["CREATE SEQUENCE IF NOT EXISTS run_ids START 1"]
    for table, spec in TABLES.items():
        body = ", ".join(f"{name} {kind}" for name, kind in spec)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
    statements.extend(f"CREATE OR REPLACE VIEW {name} AS {query}" for name, query in VIEWS.items())
    return statements


def create_schema(connection: Any) -> str:
    """Create missing tables and return the store's schema version."""
    connection.begin()
    try:
        for statement in ddl():
            connection.execute(statement)
        # Not ON CONFLICT: DuckDB 1.0 fails on it inside a transaction when the row exists.
        connection.execute(
            "INSERT INTO meta SELECT 'schema_version', ? "
            "WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'schema_version')",
            [SCHEMA_VERSION],
        )
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    return str(row[0])
