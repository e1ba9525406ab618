"""The batch runner: read documents, analyse the new ones, write each in one transaction.

    inputs ──read──▶ parent ──new texts──▶ workers (analyze → rows) ──▶ parent ──▶ DuckDB

The parent reads every input in order, skips texts already stored (by id or content
hash) or already sent in this run, and hands the rest to the analysers: in-process for
one worker, else a pool of processes that each load ``Resources`` once. Only the parent
writes: DuckDB has one writer, and one transaction per article means a run killed at any
moment leaves whole articles only, so a rerun simply skips what is stored and goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from chronik.errors import (
    ChronikError,
    EmptyDocumentError,
    InputError,
    ResourceError,
    UsageError,
)
from chronik.ingest.document import RawDocument, content_id
from chronik.pipeline import analyze
from chronik.resources import Resources
from chronik.settings import Settings
from chronik.store.batch_process import tune_for_batch
from chronik.store.database import Failure, Store
from chronik.store.inputs import InputItem, expand_inputs, read_items
from chronik.store.linking import update_corpus
from chronik.store.records import ArticleRows, article_rows
from chronik.store.time_limit import time_limit

Result = ArticleRows | Failure
MAX_KEPT_FAILURES = 1000
MAX_RESTARTS = 3  # replacements of a worker pool whose process died, per run
STALL_GRACE_SECONDS = 5.0  # beyond twice the time limit, a silent pool is stuck


class WorkerError(ChronikError):
    """Worker processes keep dying; the run stops (what is stored stays stored)."""

    code = "E900"


@dataclass(frozen=True)
class Task:
    """A document to analyse, with the input fields kept alongside it."""

    document: RawDocument
    extra: dict[str, str] | None = None


@dataclass
class Summary:
    """What a run did. ``failures`` keeps the first MAX_KEPT_FAILURES of them."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    run_id: int = 0

    @property
    def done(self) -> int:
        return self.new + self.duplicates + self.failed

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "new": self.new,
            "duplicates": self.duplicates,
            "failed": self.failed,
        }


def ingest(
    paths: Sequence[str],
    db: Path | str,
    *,
    workers: int | None = 1,
    outlet: str | None = None,
    settings: Settings | None = None,
    resources: Resources | None = None,
    on_progress: Callable[[Summary], None] | None = None,
    engine: str = "local",
    address: str | None = None,
    out: Path | str | None = None,
) -> Summary:
    """Ingest the documents of ``paths`` (files, folders or ``-``) into ``db``.

    ``resources`` is used when ``workers`` is 1; worker processes load their own.
    ``engine="ray"`` analyses on Ray actors instead (``address``: a running cluster;
    ``out``: leave a Parquet dataset there, the store untouched; see store/ray_engine.py).
    Raises UsageError for a missing input and when the database cannot be opened
    (missing folder, locked by another process).
    """
    if engine == "ray":
        from chronik.store.ray_engine import ingest_with_ray  # Ray is an optional extra

        return ingest_with_ray(
            paths,
            db,
            workers=workers,
            address=address,
            out=out,
            outlet=outlet,
            settings=settings,
            on_progress=on_progress,
        )
    if engine != "local":
        raise UsageError(f"unknown engine {engine!r} (local or ray)")
    workers = workers or 1
    settings = settings or Settings.from_env()
    started = time.monotonic()
    files = expand_inputs(paths)
    # Fail fast on a locked or unwritable database, before loading resources; workers
    # then fork while no DuckDB threads run in this process.
    Store.open(db).close()
    with _analyser(workers, settings, resources) as analyser, Store.open(db) as store:
        run = _Run(store, Summary(), on_progress)
        run.summary.run_id = store.start_run(paths, workers)
        for item in _items(files, settings, outlet):
            task = run.claim(item)
            if task is not None:
                run.handle_all(analyser.submit(task))
        run.handle_all(analyser.drain())
        run.summary.seconds = time.monotonic() - started
        store.finish_run(run.summary.run_id, run.summary.counts())
        update_corpus(store)  # near-duplicates and corpus events (store/linking.py)
    return run.summary


def _items(paths: Sequence[str], settings: Settings, outlet: str | None) -> Iterator[InputItem]:
    defaults: dict[str, str | None] = {"outlet": outlet}
    for path in paths:
        yield from read_items(path, settings, defaults)


class _Run:
    """The parent's bookkeeping: what is claimed, what is written, what failed."""

    def __init__(
        self, store: Store, summary: Summary, on_progress: Callable[[Summary], None] | None
    ) -> None:
        self.store = store
        self.summary = summary
        self.on_progress = on_progress
        self.claimed: set[str] = set()

    def claim(self, item: InputItem) -> Task | None:
        """The task for a new document; None (and counted) for a duplicate or a failure."""
        self.summary.read += 1
        document = item.document
        if isinstance(document, InputError):
            self._failed(failure_of(document, document.document or "<input>"))
            return None
        if not document.text.strip():
            # Checked here, not only in analyze: two empty files are two failures, not
            # one failure and a duplicate.
            error = EmptyDocumentError("the document is empty", document=document.name)
            self._failed(failure_of(error, document.name, document.id))
            return None
        content = content_id(document.text)
        keys = {document.id or content, content}
        if keys & self.claimed or self.store.has_article(document.id or content, content):
            self.summary.duplicates += 1
            self._progress()
            return None
        self.claimed.update(keys)
        return Task(document, item.extra)

    def handle_all(self, results: Iterator[Result]) -> None:
        for result in results:
            if isinstance(result, Failure):
                self._failed(result)
                continue
            if self.store.write_article(result, self.summary.run_id):
                self.summary.new += 1
            else:
                self.summary.duplicates += 1
            self._progress()

    def _failed(self, failure: Failure) -> None:
        self.store.record_failure(failure)
        self.summary.failed += 1
        if len(self.summary.failures) < MAX_KEPT_FAILURES:
            self.summary.failures.append(failure)
        self._progress()

    def _progress(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.summary)


def failure_of(error: InputError, name: str, record_id: str | None = None) -> Failure:
    if record_id is None and "(id " in name:
        record_id = name.rsplit("(id ", 1)[1].rstrip(")")
    return Failure(name, record_id, error.code, error.reason)


def analyse_task(task: Task, resources: Resources) -> Result:
    """Analyse one document into its rows, or a Failure with a one-line reason."""
    document = task.document
    try:
        with time_limit(resources.settings.max_seconds, document.name):
            article = analyze(document.text, **document.metadata(), resources=resources)
            return article_rows(article, input_name=document.name, extra=task.extra)
    except InputError as error:
        return failure_of(error, document.name, document.id)
    except Exception as error:  # noqa: BLE001 - one document's failure must not stop a run
        return internal_failure(error, document)


def internal_failure(error: BaseException, document: RawDocument) -> Failure:
    detail = " ".join(str(error).split())[:300]
    reason = f"internal error {type(error).__name__}: {detail} (please report)"
    return Failure(document.name, document.id, "E900", reason)


class _InProcess:
    """One worker: analyse in this process, one document at a time."""

    def __init__(self, settings: Settings, resources: Resources | None) -> None:
        self.settings = settings
        self.given = resources
        self.resources: Resources | None = None

    def submit(self, task: Task) -> Iterator[Result]:
        if self.resources is None:
            # Loaded for the first new document: a rerun that finds everything stored
            # never pays for it; a broken resource stops the run here.
            self.resources = load_resources(self.settings, self.given)
        yield analyse_task(task, self.resources)

    def drain(self) -> Iterator[Result]:
        return iter(())

    def __enter__(self) -> _InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class _Workers:
    """A pool of processes with Resources loaded once; at most ``4 × workers`` in flight.

    Where processes fork (Linux, macOS with fork), the resources are loaded once in this
    process and every worker inherits them, also a worker started after another died;
    elsewhere (spawn) each worker loads its own."""

    def __init__(self, workers: int, settings: Settings, resources: Resources | None) -> None:
        self.workers = workers
        self.settings = settings
        self.given = resources
        self.resources: Resources | None = None
        self.fork = "fork" in multiprocessing.get_all_start_methods()
        self.window = 4 * workers
        self.pending: dict[Future[Result], tuple[Task, ProcessPoolExecutor]] = {}
        self.restarts = 0
        # Started for the first new document: a rerun that finds everything stored
        # never loads the resources.
        self._executor: ProcessPoolExecutor | None = None

    @property
    def executor(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = self._start()
        return self._executor

    def _start(self) -> ProcessPoolExecutor:
        global _parent_resources  # noqa: PLW0603 - read by the forked workers, see below
        if self.fork:
            if self.resources is None:
                self.resources = load_resources(self.settings, self.given)
            _parent_resources = self.resources
        executor = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("fork" if self.fork else "spawn"),
            initializer=_start_worker,
            initargs=(self.settings, os.getpid(), self.fork),
        )
        executor.submit(int)  # with fork, the first submit starts every worker now
        return executor

    def submit(self, task: Task) -> Iterator[Result]:
        while True:
            try:
                future = self.executor.submit(_work, task)
                break
            except BrokenProcessPool:  # a worker died since the last submit: task not sent
                self._restart()
        self.pending[future] = (task, self.executor)
        if len(self.pending) >= self.window:
            yield from self._collect()

    def drain(self) -> Iterator[Result]:
        while self.pending:
            yield from self._collect()

    def _collect(self) -> Iterator[Result]:
        done, _ = wait(self.pending, timeout=self._stall_seconds(), return_when=FIRST_COMPLETED)
        if not done:
            # No worker answered within twice the time limit: one is stuck where the
            # limit cannot reach it (inside one C call). Killing the workers fails the
            # documents in flight and restarts the pool (below), so the run goes on.
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.kill()
            done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
        for future in done:
            task, executor = self.pending.pop(future)
            yield self._result(future, task, executor)

    def _result(self, future: Future[Result], task: Task, executor: ProcessPoolExecutor) -> Result:
        document = task.document
        try:
            return future.result()
        except BrokenProcessPool:
            if executor is self.executor:  # replace a dead pool once, not once per task
                self._restart()
            reason = "a worker process died while this document was being analysed"
            return Failure(document.name, document.id, "E900", reason)
        except InputError as error:
            return failure_of(error, document.name, document.id)
        except ChronikError:
            raise  # resources could not load in the worker: no document can succeed
        except Exception as error:  # noqa: BLE001 - e.g. a result that cannot be pickled
            return internal_failure(error, document)

    def _stall_seconds(self) -> float | None:
        limit = self.settings.max_seconds
        return 2 * limit + STALL_GRACE_SECONDS if limit > 0 else None

    def _restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.restarts += 1
        if self.restarts > MAX_RESTARTS:
            raise WorkerError(
                f"worker processes died {self.restarts} times (out of memory?); stopping. "
                "Stored articles are kept: rerun to continue"
            )
        self._executor = self._start()

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        global _parent_resources  # noqa: PLW0603
        _parent_resources = None
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)


def _analyser(
    workers: int, settings: Settings, resources: Resources | None
) -> _InProcess | _Workers:
    if workers <= 1:
        return _InProcess(settings, resources)
    return _Workers(workers, settings, resources)


# Each worker process holds its Resources: inherited from the parent (fork) or loaded
# once by the initializer (spawn), used by every task the process runs. Module state:
# ``_parent_resources`` is set in the parent while its pool runs, the others only ever
# inside a worker process.
_parent_resources: Resources | None = None
_worker_resources: Resources | None = None
_worker_error: ChronikError | None = None


def load_resources(settings: Settings, resources: Resources | None = None) -> Resources:
    """Every analysis resource, loaded now; a failure is one ResourceError. Every
    engine calls this once per process before its first analysis, so it also sets the
    process up for a batch run (``batch_process``)."""
    tune_for_batch()
    try:
        return (resources or Resources(settings)).warm()
    except ChronikError:
        raise
    except Exception as error:  # any failure here stops the run, with its reason
        detail = " ".join(str(error).split())[:300]
        reason = f"the analysis resources could not be loaded ({type(error).__name__}: {detail})"
        raise ResourceError(reason) from error


def _start_worker(settings: Settings, parent: int, inherited: bool) -> None:
    global _worker_resources, _worker_error  # noqa: PLW0603 - see above
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if inherited:
        _worker_resources = _parent_resources
        return
    try:
        _worker_resources = load_resources(settings)
    except ChronikError as error:
        # Raised again by each task, so the parent stops with this reason; an
        # initializer that raises would only break the pool, without one.
        _worker_error = error


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (kill -9) would wait for tasks forever."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _work(task: Task) -> Result:
    if _worker_error is not None:
        raise _worker_error
    return analyse_task(task, _worker_resources or Resources())
