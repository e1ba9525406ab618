"""Fault injection in ``chronik ingest``: after each fault, a rerun gives the clean store.

Faults: a worker process killed (SIGKILL) mid-run, a worker stuck where the time limit
cannot reach it, the database locked by another process, the disk full (a small tmpfs
when mounting is permitted, else ENOSPC injected at the write boundary), and the final
merge (near-duplicates, corpus events) interrupted by Ctrl-C or killed with SIGKILL.
"Clean" means: every table, and every article's rows in every article table, equal to
an uninterrupted run's, so nothing is lost and nothing is duplicated.

Already covered in tests/store/test_ingest.py: the whole ingest killed with SIGKILL and
resumed, workers that die on a document (os._exit), resources that cannot load.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from chronik.errors import ChronikError
from chronik.ingest.document import content_id
from chronik.model import Article
from chronik.resources import Resources
from chronik.settings import Settings
from chronik.store.database import Store, StoreError
from chronik.store.ingest import Summary, Task, ingest
from chronik.store.records import article_rows

from .helpers import per_article_rows, query, store_counts, write_corpus

# The modules, not the functions of the same names that chronik.store exports.
ingest_module = importlib.import_module("chronik.store.ingest")
linking_module = importlib.import_module("chronik.store.linking")
ARTICLES = 8


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory, corpus: Path, resources: Resources) -> Path:
    """The store of one uninterrupted run, to compare the others with."""
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    summary = ingest([str(corpus)], db, resources=resources)
    assert (summary.new, summary.failed) == (ARTICLES + 1, 0)
    counts = store_counts(db)
    assert counts["events"] > 0 and counts["corpus_events"] > 0
    assert counts["duplicate_groups"] > 0  # the rewrite of article 0
    return db


def assert_same_store(db: Path, clean: Path) -> None:
    counts = store_counts(db)
    counts.pop("failures", None)  # a rerun clears the failures it redoes; kept ones differ
    expected = store_counts(clean)
    expected.pop("failures", None)
    assert counts == expected
    assert per_article_rows(db) == per_article_rows(clean)
    corpus_sql = "SELECT type, reports FROM corpus_events ORDER BY ALL"
    assert query(db, corpus_sql) == query(clean, corpus_sql)


class Recovery:
    """What every fault is followed by: the user runs the same ingest again, and the
    store must then equal the clean run's."""

    def __init__(self, corpus: Path, clean: Path, resources: Resources) -> None:
        self.corpus, self.clean, self.resources = corpus, clean, resources

    def ingest(self, db: Path) -> Summary:
        return ingest([str(self.corpus)], db, resources=self.resources)

    def rerun_gives_clean_store(self, db: Path) -> None:
        summary = self.ingest(db)
        assert summary.failed == 0
        assert summary.new + summary.duplicates == ARTICLES + 1
        assert_same_store(db, self.clean)


@pytest.fixture
def recovery(corpus: Path, clean: Path, resources: Resources) -> Recovery:
    return Recovery(corpus, clean, resources)


def test_faults_worker_killed_mid_run(
    tmp_path: Path,
    recovery: Recovery,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_analyse = ingest_module.analyse_task

    def slow_analyse(task: Task, loaded: Resources) -> object:
        time.sleep(0.3)  # so that documents are still in flight when the worker dies
        return real_analyse(task, loaded)

    monkeypatch.setattr(ingest_module, "analyse_task", slow_analyse)
    killed: list[int] = []

    def kill_a_worker(summary: object) -> None:
        workers = multiprocessing.active_children()
        if not killed and getattr(summary, "new", 0) >= 1 and workers:
            killed.append(workers[0].pid or 0)
            os.kill(killed[0], signal.SIGKILL)

    db = tmp_path / "k.duckdb"
    first = ingest(
        [str(recovery.corpus)],
        db,
        workers=2,
        on_progress=kill_a_worker,
        resources=recovery.resources,  # forked workers inherit them: no load of their own
    )
    assert killed and first.read == ARTICLES + 1
    assert first.failed >= 1 and first.new + first.failed == ARTICLES + 1
    assert all("worker process died" in f.reason for f in first.failures)
    assert query(db, "SELECT count(*) FROM failures") == [(first.failed,)]
    recovery.rerun_gives_clean_store(db)
    assert query(db, "SELECT count(*) FROM failures") == [(0,)]


def test_faults_stuck_worker_is_replaced_by_the_watchdog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def analyse(task: Task, resources: object) -> object:
        text = task.document.text
        if "hängt" in text:
            # Signals blocked: like a long C call, the time limit cannot interrupt this.
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(3600)
        return article_rows(Article(id=content_id(text), text=text, language="de"))

    monkeypatch.setattr(ingest_module, "load_resources", lambda *args: None)
    monkeypatch.setattr(ingest_module, "analyse_task", analyse)
    feed = tmp_path / "in.jsonl"
    texts = ["Bericht eins.", "Dieser Bericht hängt.", "Bericht drei.", "Bericht vier."]
    feed.write_text("\n".join(f'{{"text": "{t}"}}' for t in texts), encoding="utf-8")
    summary = ingest(
        [str(feed)], tmp_path / "w.duckdb", workers=2, settings=Settings(max_seconds=0.5)
    )
    assert summary.read == 4 and summary.new + summary.failed == 4
    assert any(f.input_name.endswith(":2") for f in summary.failures)
    assert summary.new >= 1


def _holder(db: Path) -> subprocess.Popen[str]:
    """Another process holding the database open for writing until its stdin closes."""
    code = (
        "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
        "sys.stdin.read()"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def test_faults_locked_database_fails_in_one_line_then_rerun_completes(
    tmp_path: Path, recovery: Recovery
) -> None:
    db = tmp_path / "l.duckdb"
    holder = _holder(db)
    try:
        command = [sys.executable, "-c", "from chronik.interfaces.cli import main; main()"]
        done = subprocess.run(
            [*command, "ingest", str(recovery.corpus), "--db", str(db), "--workers", "1"],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        holder.communicate("")
    assert done.returncode == 2 and done.stdout == ""
    [line] = done.stderr.splitlines()
    assert (
        line.startswith("chronik: [E200]")
        and f"locked by another process (PID {holder.pid})" in line
    )
    recovery.rerun_gives_clean_store(db)


def _mount_tmpfs(path: Path, size: str) -> bool:
    path.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def _fill(folder: Path, leave: int) -> Path:
    """A file that takes all free space of ``folder``'s file system but ``leave`` bytes."""
    filler = folder / "filler"
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(free - leave, 0))
    return filler


def test_faults_disk_full_on_a_small_tmpfs(tmp_path: Path, recovery: Recovery) -> None:
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "4m"):
        pytest.skip("cannot mount a tmpfs here (needs root); see the injected ENOSPC test")
    try:
        db = disk / "full.duckdb"
        Store.open(db).close()
        filler = _fill(disk, leave=96 * 1024)
        with pytest.raises(StoreError) as caught:
            recovery.ingest(db)
        message = str(caught.value)
        assert message.startswith(f"[E210] {db}: cannot") and "\n" not in message
        assert "No space left on device" in message
        filler.unlink()  # the user frees space and runs again
        recovery.rerun_gives_clean_store(db)
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_faults_disk_full_injected_at_the_write_boundary(
    tmp_path: Path,
    recovery: Recovery,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_insert = Store._insert
    inserts = {"count": 0}

    def insert_until_full(store: Store, table: str, rows: list[dict[str, object]]) -> None:
        inserts["count"] += 1
        if inserts["count"] > 20:  # a few articles in, in the middle of one
            raise duckdb.IOException('Could not write file "x.wal": No space left on device')
        real_insert(store, table, rows)

    monkeypatch.setattr(Store, "_insert", insert_until_full)
    db = tmp_path / "e.duckdb"
    with pytest.raises(StoreError, match=r"^\[E210\] .*cannot write \(.*No space left on device"):
        recovery.ingest(db)
    stored = query(db, "SELECT count(*) FROM articles")[0][0]
    assert 0 < stored < ARTICLES + 1
    monkeypatch.setattr(Store, "_insert", real_insert)
    recovery.rerun_gives_clean_store(db)


def test_faults_disk_full_injected_in_the_final_merge(
    tmp_path: Path,
    recovery: Recovery,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Before the fix this surfaced as DuckDB's "cannot rollback - no transaction is
    # active", with a traceback, when the merge's commit hit a full disk.
    def link_on_a_full_disk(connection: object, window: int = 2) -> int:
        raise duckdb.IOException('Could not write file "x.wal": No space left on device')

    monkeypatch.setattr(linking_module, "link_events", link_on_a_full_disk)
    db = tmp_path / "f.duckdb"
    with pytest.raises(StoreError) as caught:
        recovery.ingest(db)
    assert str(caught.value) == (
        f"[E210] {db}: cannot update the corpus tables "
        '(Could not write file "x.wal": No space left on device)'
    )
    monkeypatch.undo()
    recovery.rerun_gives_clean_store(db)


def test_faults_ctrl_c_during_the_final_merge(
    tmp_path: Path,
    recovery: Recovery,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_link = linking_module.link_events

    def link_then_interrupt(connection: object, window: int = 2) -> int:
        real_link(connection, window)  # the corpus tables are rebuilt, not yet committed
        raise KeyboardInterrupt

    monkeypatch.setattr(linking_module, "link_events", link_then_interrupt)
    db = tmp_path / "m.duckdb"
    with pytest.raises(KeyboardInterrupt):
        recovery.ingest(db)
    assert query(db, "SELECT count(*) FROM articles") == [(ARTICLES + 1,)]
    assert query(db, "SELECT count(*) FROM corpus_events") == [(0,)]  # rolled back whole
    monkeypatch.setattr(linking_module, "link_events", real_link)
    recovery.rerun_gives_clean_store(db)


_KILL_IN_MERGE = """
import os, signal, sys
import chronik.store.linking as linking
from chronik.store.ingest import ingest

real = linking.link_events

def link_then_die(connection, window=2):
    real(connection, window)
    os.kill(os.getpid(), signal.SIGKILL)

linking.link_events = link_then_die
ingest([sys.argv[1]], sys.argv[2])
"""


def test_faults_sigkill_during_the_final_merge(
    tmp_path: Path,
    recovery: Recovery,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = tmp_path / "s.duckdb"
    # A first run stores every article but is stopped before its merge ...
    monkeypatch.setattr(ingest_module, "update_corpus", lambda store: None)
    recovery.ingest(db)
    monkeypatch.undo()
    # ... the next run finds nothing new (no resources load) and is killed in the merge.
    done = subprocess.run(
        [sys.executable, "-c", _KILL_IN_MERGE, str(recovery.corpus), str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    assert query(db, "SELECT count(*) FROM corpus_events") == [(0,)]
    recovery.rerun_gives_clean_store(db)


def test_faults_store_errors_are_chronik_errors() -> None:
    # The CLI turns ChronikError into one line and exit status 2.
    assert issubclass(StoreError, ChronikError) and StoreError.code == "E210"
