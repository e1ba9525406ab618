"""The corpus store: analysed articles in an embedded DuckDB file, queryable with SQL.

    from chronik.store import Store, ingest

    summary = ingest(["articles/"], "corpus.duckdb", workers=2)
    with Store.open("corpus.duckdb", read_only=True) as store:
        store.query("SELECT type, count(*) FROM events GROUP BY type")

docs/store.md describes the tables and the guarantees (idempotent, resumable, one
transaction per article).
"""

from chronik.store.database import DEFAULT_DB, Failure, QueryResult, Store, StoreError
from chronik.store.ingest import Summary, ingest
from chronik.store.inputs import expand_inputs
from chronik.store.records import ArticleRows, article_rows
from chronik.store.schema import SCHEMA_VERSION, TABLES

__all__ = [
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "TABLES",
    "ArticleRows",
    "Failure",
    "QueryResult",
    "Store",
    "StoreError",
    "Summary",
    "article_rows",
    "expand_inputs",
    "ingest",
]
