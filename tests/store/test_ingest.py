from __future__ import annotations

import importlib
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronik.errors import ResourceError
from chronik.ingest.document import content_id
from chronik.model import Article
from chronik.resources import Resources
from chronik.store.ingest import Task, WorkerError, ingest
from chronik.store.records import ArticleRows, article_rows
from chronik.store.schema import ARTICLE_TABLES

from .conftest import counts, rows
from .corpus import article, write_folder

# The module, not the function of the same name that chronik.store exports.
ingest_module = importlib.import_module("chronik.store.ingest")

PER_ARTICLE = " UNION ALL ".join(
    f"SELECT '{table}', {'id' if table == 'articles' else 'article_id'}, count(*) "
    f"FROM {table} GROUP BY ALL"
    for table in ARTICLE_TABLES
)


def test_ingest_second_run_adds_nothing(tmp_path: Path, folder: Path, resources: Resources) -> None:
    db = tmp_path / "c.duckdb"
    first = ingest([str(p) for p in sorted(folder.iterdir())], db, resources=resources)
    assert (first.read, first.new, first.duplicates, first.failed) == (6, 6, 0, 0)
    before = counts(db)
    second = ingest([str(p) for p in sorted(folder.iterdir())], db, resources=resources)
    assert (second.read, second.new, second.duplicates, second.failed) == (6, 0, 6, 0)
    after = counts(db)
    assert after.pop("runs") == before.pop("runs") + 1
    assert after == before
    assert rows(db, "SELECT run_id, articles_new, duplicates FROM runs ORDER BY run_id") == [
        (1, 6, 0),
        (2, 0, 6),
    ]


def test_ingest_same_text_from_two_inputs_is_one_article(
    tmp_path: Path, resources: Resources
) -> None:
    text = article(3)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    # Same text after whitespace normalisation, in a JSONL record without an id.
    record = {"text": text.replace("\n\n", "\n\n\n").replace(" ", "  ", 1)}
    (tmp_path / "b.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "d.duckdb"
    summary = ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")], db, resources=resources)
    assert (summary.new, summary.duplicates) == (1, 1)
    assert rows(db, "SELECT input_name FROM articles") == [(str(tmp_path / "a.txt"),)]


def test_ingest_records_failures_and_goes_on(tmp_path: Path, resources: Resources) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "also-empty.md").write_text("  \n", encoding="utf-8")
    lines = [json.dumps({"id": "ok", "text": article(1)}), "{broken", json.dumps({"id": "x"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    inputs = [str(tmp_path / name) for name in ("empty.txt", "feed.jsonl", "also-empty.md")]
    db = tmp_path / "f.duckdb"
    summary = ingest(inputs, db, resources=resources)
    assert (summary.read, summary.new, summary.failed) == (5, 1, 4)
    failures = rows(db, "SELECT input_name, record_id, code, reason FROM failures ORDER BY 1")
    names = [row[0] for row in failures]
    assert names == [
        str(tmp_path / "also-empty.md"),
        str(tmp_path / "empty.txt"),
        f"{tmp_path / 'feed.jsonl'}:2",
        f"{tmp_path / 'feed.jsonl'}:3 (id x)",
    ]
    assert failures[0][2:] == ("E101", "the document is empty")
    assert "not valid JSON" in failures[2][3] and failures[3][1] == "x"
    assert rows(db, "SELECT id FROM articles") == [("ok",)]
    # A rerun tries the failed documents again but keeps one row for each.
    again = ingest(inputs, db, resources=resources)
    assert (again.new, again.duplicates, again.failed) == (0, 1, 4)
    assert rows(db, "SELECT min(attempts), max(attempts), count(*) FROM failures") == [(2, 2, 4)]


def test_ingest_10kgnad_csv_keeps_the_label(tmp_path: Path, resources: Resources) -> None:
    csv = tmp_path / "gnad.csv"
    texts = [article(n).replace("\n\n", " ").strip().replace("'", "''") for n in (4, 5)]
    csv.write_text(f"Inland;'{texts[0]}'\nWeb;'{texts[1]}'\n", encoding="utf-8")
    db = tmp_path / "g.duckdb"
    summary = ingest([str(csv)], db, outlet="Der Standard", resources=resources)
    assert summary.new == 2
    assert rows(db, "SELECT extra->>'$.label', outlet FROM articles ORDER BY input_name") == [
        ("Inland", "Der Standard"),
        ("Web", "Der Standard"),
    ]


def _command(source: Path, db: Path, workers: int) -> list[str]:
    run = "from chronik.interfaces.cli import main; main()"
    options = ["--db", str(db), "--workers", str(workers)]
    return [sys.executable, "-c", run, "ingest", str(source), *options]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text(encoding="utf-8")
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _kill_when_written(process: subprocess.Popen[bytes], wal: Path, grown: int) -> list[int]:
    """SIGKILL the ingest once its write-ahead log has grown by ``grown`` bytes."""
    first = None
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        size = wal.stat().st_size if wal.exists() else None
        if size is not None:
            first = size if first is None else first
            if size - first >= grown:
                workers = _children(process.pid)
                process.send_signal(signal.SIGKILL)
                process.wait()
                return workers
        time.sleep(0.003)
    pytest.fail("the ingest finished before it could be killed")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_ingest_killed_with_sigkill_resumes_to_the_same_tables(
    tmp_path: Path, resources: Resources
) -> None:
    source = tmp_path / "articles"
    write_folder(source, 30)
    (source / "empty.txt").write_text("", encoding="utf-8")
    killed, whole = tmp_path / "killed.duckdb", tmp_path / "whole.duckdb"
    process = subprocess.Popen(_command(source, killed, 2), stdout=subprocess.DEVNULL)
    workers = _kill_when_written(process, Path(f"{killed}.wal"), grown=40_000)
    stored = counts(killed)["articles"]
    assert 0 < stored < 30, f"killed after {stored} articles: not mid-run"
    # The orphaned workers notice their parent is gone and exit.
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert workers and not any(Path(f"/proc/{pid}").exists() for pid in workers)

    done = subprocess.run(_command(source, killed, 1), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert f"new {30 - stored}, duplicates {stored}, failed 1" in done.stdout
    ingest([str(source)], whole, resources=resources)
    resumed, uninterrupted = counts(killed), counts(whole)
    assert resumed.pop("runs") == 2 and uninterrupted.pop("runs") == 1
    assert resumed == uninterrupted
    assert sorted(rows(killed, PER_ARTICLE)) == sorted(rows(whole, PER_ARTICLE))
    assert rows(killed, "SELECT count(*) FROM runs WHERE finished IS NULL") == [(1,)]


def _fake_analysis(monkeypatch: pytest.MonkeyPatch, die_on: str) -> None:
    """Workers that load nothing and die (os._exit) on texts containing ``die_on``."""

    def analyse(task: Task, resources: object) -> ArticleRows:
        if die_on in task.document.text:
            os._exit(3)
        text = task.document.text
        return article_rows(Article(id=content_id(text), text=text, language="de"))

    monkeypatch.setattr(ingest_module, "load_resources", lambda *args: None)
    monkeypatch.setattr(ingest_module, "analyse_task", analyse)


def test_ingest_a_dying_worker_fails_its_documents_and_the_pool_restarts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_analysis(monkeypatch, die_on="Nummer 2.")
    lines = [json.dumps({"text": f"Bericht Nummer {n}."}) for n in range(20)]
    (tmp_path / "in.jsonl").write_text("\n".join(lines), encoding="utf-8")
    summary = ingest([str(tmp_path / "in.jsonl")], tmp_path / "w.duckdb", workers=2)
    assert summary.read == 20 and summary.new + summary.failed == 20
    assert summary.new >= 20 - 8  # at most one window of documents was in flight
    died = [f for f in summary.failures if f.input_name.endswith(":3")]
    assert died and "worker process died" in died[0].reason


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers are spawned here"
)
def test_ingest_forked_workers_inherit_resources_loaded_once_also_after_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[int] = []

    def load(settings: object, given: object = None) -> object:
        loads.append(os.getpid())
        return "geladen"

    def analyse(task: Task, resources: object) -> ArticleRows:
        if "Nummer 2." in task.document.text:
            os._exit(3)
        if resources != "geladen":
            raise RuntimeError("the worker did not get the parent's resources")
        text = task.document.text
        return article_rows(Article(id=content_id(text), text=text, language="de"))

    monkeypatch.setattr(ingest_module, "load_resources", load)
    monkeypatch.setattr(ingest_module, "analyse_task", analyse)
    lines = [json.dumps({"text": f"Bericht Nummer {n}."}) for n in range(20)]
    (tmp_path / "in.jsonl").write_text("\n".join(lines), encoding="utf-8")
    summary = ingest([str(tmp_path / "in.jsonl")], tmp_path / "w.duckdb", workers=2)
    assert loads == [os.getpid()]  # once, in this process, though a worker died
    assert summary.new >= 20 - 8
    assert all("worker process died" in failure.reason for failure in summary.failures)


def test_ingest_workers_that_keep_dying_stop_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_analysis(monkeypatch, die_on="Bericht")
    lines = [json.dumps({"text": f"Bericht Nummer {n}."}) for n in range(40)]
    (tmp_path / "in.jsonl").write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(WorkerError, match="died 4 times"):
        ingest([str(tmp_path / "in.jsonl")], tmp_path / "w.duckdb", workers=2)


def test_ingest_resources_that_cannot_load_stop_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    def broken(self: Resources) -> Resources:
        raise TypeError("a table is broken")

    monkeypatch.setattr(Resources, "warm", broken)
    for workers in (1, 2):
        with pytest.raises(ResourceError, match=r"could not be loaded \(TypeError: a table"):
            ingest([str(folder)], tmp_path / f"r{workers}.duckdb", workers=workers)
