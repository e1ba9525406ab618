"""The Ray engine gives the local engine's store: same rows, same skips, same failures.

The articles are generated here from templates (actors, actions, places, quotes), so
that every table, events included, has rows to compare.
"""

from __future__ import annotations

import importlib.util
import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chronik.errors import ResourceError
from chronik.interfaces.cli import app
from chronik.resources import Resources
from chronik.store.ingest import ingest
from chronik.store.schema import ARTICLE_TABLES

from .conftest import counts, rows

HAS_RAY = importlib.util.find_spec("ray") is not None
requires_ray = pytest.mark.skipif(not HAS_RAY, reason="Ray is optional: pip install 'chronik[ray]'")
ARTICLES = 50

SUBJECTS = (
    ("Die polnische Regierung", "Warschau"),
    ("Der österreichische Bundeskanzler", "Wien"),
    ("Die Regierung in Prag", "Prag"),
    ("Der ungarische Außenminister", "Budapest"),
    ("Die italienische Regierung", "Rom"),
)
ACTIONS = (
    "hat {target} am {day} mit neuen Sanktionen gedroht",
    "hat am {day} eine engere Zusammenarbeit mit {target} vereinbart",
    "hat {target} am {day} scharf kritisiert",
    "hat am {day} Gespräche mit {target} aufgenommen",
)
TARGETS = ("Russland", "der Ukraine", "Frankreich", "Serbien", "der Türkei", "Belgien")
DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")
SPEAKERS = ("Katharina Lechner", "Andreas Pichler", "Miriam Vogt", "Lukas Sommer")
CLAIMS = (
    "Wir lassen uns nicht erpressen",
    "Die Gespräche waren offen und ehrlich",
    "Das ist ein wichtiger Schritt für die Region",
)


def generated_article(n: int) -> str:
    """Article ``n``: a title, an action of one government on another, a quote, a reaction."""
    subject, capital = SUBJECTS[n % len(SUBJECTS)]
    target = TARGETS[(n // len(SUBJECTS)) % len(TARGETS)]
    action = ACTIONS[n % len(ACTIONS)].format(target=target, day=DAYS[n % len(DAYS)])
    speaker = SPEAKERS[n % len(SPEAKERS)]
    claim = CLAIMS[n % len(CLAIMS)]
    return (
        f"Meldung {n + 1} aus {capital}\n\n"
        f"{subject} {action}. "
        f'"{claim}", sagte Sprecherin {speaker} am Abend in {capital}. '
        f"Nach Angaben der Behörden nahmen {20 + 3 * n} Delegierte an dem Treffen teil.\n"
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """50 generated articles, an empty file (a failure found while reading), a record whose
    date is no date (a failure found by the analysis, in an actor) and a repeated text."""
    path = tmp_path_factory.mktemp("ray") / "articles"
    path.mkdir()
    for n in range(ARTICLES):
        (path / f"{n:03d}.txt").write_text(generated_article(n), encoding="utf-8")
    (path / "empty.txt").write_text("\n", encoding="utf-8")
    (path / "repeat.txt").write_text(generated_article(7), encoding="utf-8")
    record = {"id": "undatiert", "text": generated_article(99), "published": "gestern"}
    (path / "bad-date.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_db(folder: Path, resources: Resources) -> Path:
    db = folder.parent / "local.duckdb"
    ingest([str(folder)], db, resources=resources)
    return db


@pytest.fixture(scope="module")
def ray_session() -> Iterator[None]:
    """One local Ray instance (two CPUs) for the module; the engine uses it as it is."""
    if not HAS_RAY:
        pytest.skip("Ray is optional: pip install 'chronik[ray]'")
    import ray

    from chronik.store.ray_engine import _ray_session

    with _ray_session(ray, None, 2):
        yield


def table_rows(db: Path) -> dict[str, list[str]]:
    """Every row of every article table and of ``failures``, without run ids and times."""
    found: dict[str, list[str]] = {}
    for table in (*ARTICLE_TABLES, "failures"):
        if table == "articles":
            sql = "SELECT * EXCLUDE (run_id, analysed_at) FROM articles"
        elif table == "failures":
            sql = "SELECT input_name, record_id, code, reason FROM failures"
        else:
            sql = f"SELECT * FROM {table}"
        found[table] = sorted(repr(row) for row in rows(db, sql))
    return found


def assert_same_store(actual: Path, expected: Path) -> None:
    got, want = table_rows(actual), table_rows(expected)
    for table in want:
        assert got[table] == want[table], f"{table} differs"


def test_generated_articles_fill_every_table(local_db: Path) -> None:
    stored = counts(local_db)
    assert stored["articles"] == ARTICLES and stored["failures"] == 2
    assert rows(local_db, "SELECT record_id, code FROM failures ORDER BY 1") == [
        ("undatiert", "E100"),
        (None, "E101"),
    ]
    for table in ("entities", "mentions", "quotes", "events", "event_actors"):
        assert stored[table] > 0, f"the generated articles give no {table}"


@requires_ray
def test_ray_ingest_equals_the_local_engine(
    folder: Path, local_db: Path, ray_session: None
) -> None:
    db = folder.parent / "ray.duckdb"
    summary = ingest([str(folder)], db, engine="ray", workers=2)
    assert (summary.read, summary.new, summary.duplicates, summary.failed) == (53, 50, 1, 2)
    assert_same_store(db, local_db)
    assert rows(db, "SELECT count(*) FROM articles WHERE run_id = 1") == [(ARTICLES,)]
    assert not list(folder.parent.glob(".ray.duckdb.ray-*")), "the staging folder is left"
    again = ingest([str(folder)], db, engine="ray", workers=2)
    assert (again.new, again.duplicates, again.failed) == (0, 51, 2)
    assert_same_store(db, local_db)


@requires_ray
def test_ray_dataset_merged_later_equals_the_local_engine(
    folder: Path, local_db: Path, ray_session: None
) -> None:
    from chronik.store.ray_engine import merge_dataset

    dataset = folder.parent / "dataset"
    untouched = folder.parent / "untouched.duckdb"
    summary = ingest([str(folder)], untouched, engine="ray", workers=2, out=dataset)
    assert (summary.new, summary.duplicates, summary.failed) == (50, 1, 2)
    assert not untouched.exists()
    for table in (*ARTICLE_TABLES, "failures"):
        assert list((dataset / table).glob("*.parquet")), f"no {table} partition"
    # A second run finds every article in the dataset and analyses nothing.
    again = ingest([str(folder)], untouched, engine="ray", workers=2, out=dataset)
    assert (again.new, again.duplicates) == (0, 51)

    merged = folder.parent / "merged.duckdb"
    loaded = merge_dataset(dataset, merged)
    assert loaded.new == ARTICLES
    assert_same_store(merged, local_db)
    assert merge_dataset(dataset, merged).new == 0
    assert_same_store(merged, local_db)


def test_ray_missing_is_a_one_line_resource_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronik.store.ray_engine import RayMissingError, require_ray

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    with pytest.raises(RayMissingError) as raised:
        require_ray()
    assert isinstance(raised.value, ResourceError) and raised.value.code.startswith("E3")
    (tmp_path / "a.txt").write_text(generated_article(1), encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.duckdb"), "--engine", "ray"],
    )
    assert result.exit_code == 2
    lines: list[Any] = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "pip install 'chronik[ray]'" in lines[0], result.stderr


def test_address_without_the_ray_engine_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(generated_article(2), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.duckdb"), "--out", "d"]
    )
    assert result.exit_code == 2 and "need --engine ray" in result.stderr
    assert not (tmp_path / "x.duckdb").exists()


def test_an_unreachable_cluster_address_fails_at_once() -> None:
    from chronik.errors import UsageError
    from chronik.store.ray_engine import _check_reachable

    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(UsageError, match=r"cannot reach Ray at 127\.0\.0\.1"):
        _check_reachable(f"127.0.0.1:{port}")
    _check_reachable("auto")  # left to Ray


@requires_ray
def test_documents_of_a_batch_ray_gave_up_on_are_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow as pa
    import ray.data

    from chronik.ingest.document import RawDocument
    from chronik.settings import Settings
    from chronik.store import ray_engine
    from chronik.store.ingest import Task
    from chronik.store.records import ArticleRows

    tasks = [Task(RawDocument(generated_article(n), name=f"doc{n}")) for n in range(3)]

    class OnlyFirstAnswered:
        """Ray Data after the actor analysing doc1 and doc2 died twice: one summary."""

        def map_batches(self, *args: object, **kwargs: object) -> OnlyFirstAnswered:
            return self

        def iter_batches(self, **kwargs: object) -> Iterator[Any]:
            row = ray_engine._summary_row("b1", tasks[0], rows=ArticleRows("a0", "c0"))
            yield pa.Table.from_pylist([row], schema=ray_engine._summary_schema())

    monkeypatch.setattr(ray.data, "from_items", lambda *args, **kwargs: OnlyFirstAnswered())
    results = list(ray_engine._analyse_chunk(tasks, tmp_path, 2, Settings()))
    assert [(r.batch, r.articles) for r in results if r.failure is None] == [("b1", 1)]
    failures = [r.failure for r in results if r.failure is not None]
    assert [(f.input_name, f.code) for f in failures] == [("doc1", "E900"), ("doc2", "E900")]
    assert "died twice" in failures[0].reason
