from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronik.model import Article
from chronik.pipeline import analyze
from chronik.resources import Resources
from chronik.store.database import Failure, Store, StoreError
from chronik.store.records import article_rows

TEXT = (
    "Scholz empfängt Macron\n\n"
    "Bundeskanzler Olaf Scholz traf am Dienstag in Berlin den französischen Präsidenten "
    "Emmanuel Macron. Die beiden Politiker sprachen über die Lage in der Ukraine.\n\n"
    "Macron sagte, Frankreich werde die Ukraine weiter unterstützen.\n"
)


@pytest.fixture(scope="module")
def article(resources: Resources) -> Article:
    return analyze(TEXT, published="2023-05-02", outlet="Testblatt", resources=resources)


def _write(db: Path, article: Article) -> Store:
    store = Store.open(db)
    assert store.write_article(article_rows(article, input_name="a.txt"), run_id=7)
    return store


def test_database_rows_round_trip_with_offsets_into_the_text(
    tmp_path: Path, article: Article
) -> None:
    assert article.entities and article.quotes and article.events  # the example has all parts
    with _write(tmp_path / "r.duckdb", article) as store:
        counts = store.counts()
        assert counts["entities"] == len(article.entities)
        assert counts["mentions"] == sum(len(e.mentions) for e in article.entities)
        assert counts["quotes"] == len(article.quotes)
        assert counts["events"] == len(article.events)
        actors = sum(len(e.source) + len(e.target) for e in article.events)
        assert counts["event_actors"] == actors
        assert counts["sentences"] == len(article.sentences)
        # Offsets are Python indices; DuckDB's substr counts characters from 1.
        spans = {
            "mentions": ("start_offset", "end_offset", "text"),
            "sentences": ("start_offset", "end_offset", "text"),
            "quotes": ("content_start", "content_end", "content_text"),
            "events": ("evidence_start", "evidence_end", "evidence_text"),
        }
        for table, (start, end, text) in spans.items():
            wrong = store.query(
                f"SELECT count(*) FROM {table} t JOIN articles a ON a.id = t.article_id "
                f"WHERE substr(a.text, t.{start} + 1, t.{end} - t.{start}) <> t.{text}"
            ).rows
            assert wrong == [(0,)], table
        for kind in ("cue", "speaker"):
            [(text, spans_text)] = store.query(
                f"SELECT {kind}_text, substr(a.text, {kind}_start + 1, {kind}_end - {kind}_start) "
                "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.quote_id = 'q1'"
            ).rows
            assert text == spans_text and text


def test_database_quote_speaker_and_event_actors_link_to_entities(
    tmp_path: Path, article: Article
) -> None:
    with _write(tmp_path / "r.duckdb", article) as store:
        linked = store.query(
            "SELECT e.name FROM quotes q JOIN entities e "
            "ON e.article_id = q.article_id AND e.entity_id = q.speaker_id"
        ).rows
        assert linked == [("Emmanuel Macron",)]
        actors = store.query(
            "SELECT v.type, x.role, x.country FROM events v JOIN event_actors x "
            "USING (article_id, event_id) WHERE v.type = 'CONSULT' ORDER BY x.role"
        ).rows
        # The headline says Scholz hosts Macron: in a PLOVER visit the visitor is the
        # source and the host the recipient (events/data/plover_types.tsv).
        assert actors == [("CONSULT", "source", "FRA"), ("CONSULT", "target", "DEU")]
        [(published, outlet, run_id, title)] = store.query(
            "SELECT published, outlet, run_id, title FROM articles"
        ).rows
        assert (str(published), outlet, run_id, title) == (
            "2023-05-02",
            "Testblatt",
            7,
            "Scholz empfängt Macron",
        )


def test_database_article_json_keeps_the_whole_article(tmp_path: Path, article: Article) -> None:
    with _write(tmp_path / "r.duckdb", article) as store:
        [(stored,)] = store.query("SELECT article_json FROM articles").rows
        assert Article.model_validate_json(stored) == article
        [(structure,)] = store.query("SELECT structure->>'$.title.text' FROM articles").rows
        assert structure == "Scholz empfängt Macron"


def test_database_an_article_is_written_whole_or_not_at_all(
    tmp_path: Path, article: Article
) -> None:
    rows = article_rows(article, input_name="a.txt")
    rows.tables["event_actors"][0]["no_such_column"] = 1  # the last table's insert fails
    with Store.open(tmp_path / "t.duckdb") as store:
        with pytest.raises(StoreError, match="cannot write"):
            store.write_article(rows)
        assert set(store.counts().values()) == {0}


def test_database_same_article_twice_is_not_written_twice(tmp_path: Path, article: Article) -> None:
    with _write(tmp_path / "d.duckdb", article) as store:
        assert not store.write_article(article_rows(article, input_name="b.txt"))
        assert store.counts()["articles"] == 1
        assert store.counts()["mentions"] == sum(len(e.mentions) for e in article.entities)


def test_database_failures_are_kept_once_and_cleared_by_success(
    tmp_path: Path, article: Article
) -> None:
    with Store.open(tmp_path / "f.duckdb") as store:
        failure = Failure("a.txt", None, "E101", "the document is empty")
        store.record_failure(failure)
        store.record_failure(failure)
        assert store.failures() == [failure]
        assert store.query("SELECT attempts FROM failures").rows == [(2,)]
        store.write_article(article_rows(article, input_name="a.txt"))
        assert store.failures() == []


def test_database_extra_fields_are_json(tmp_path: Path, article: Article) -> None:
    with Store.open(tmp_path / "x.duckdb") as store:
        store.write_article(article_rows(article, input_name="g.csv:1", extra={"label": "Inland"}))
        [(extra,)] = store.query("SELECT extra FROM articles").rows
        assert json.loads(extra) == {"label": "Inland"}
