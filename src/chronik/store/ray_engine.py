"""The Ray engine of ``chronik ingest --engine ray``: the same analysis, on a Ray cluster.

    driver: inputs ──read, skip stored──▶ Ray Data ──▶ actors (Resources once; analyse_task)
                                                            │ one Parquet file per table
                                                            ▼ and batch
    driver: DuckDB ◀──merge, one transaction per batch── DATASET/<table>/<batch>.parquet

The driver reads and claims documents exactly as the local engine does (``_Run.claim``:
empty texts and unreadable records fail there, stored or repeated texts are skipped).
The new ones go to a pool of actors, each loading ``Resources`` once and turning every
document into the rows the local engine writes (``analyse_task``). An actor writes a
batch's rows as one Parquet file per table, the ``articles`` file last: a batch counts
only when that file exists, so a killed actor leaves nothing half-visible.

With a store (the default) the batches go to a staging folder next to the DuckDB file and
are merged as they arrive, each in one transaction that skips articles already stored:
a killed run keeps whole batches, and a rerun skips them. With ``out`` the Parquet
dataset is the result (shared storage, cluster scale); ``merge_dataset`` (or
``python -m chronik.store.ray_engine merge DATASET --db FILE``) loads it into a store.
docs/scale.md describes running on a cluster.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import shutil
import socket
import sys
import tempfile
import uuid
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import duckdb

from chronik.errors import ChronikError, ResourceError, UsageError
from chronik.ingest.document import RawDocument
from chronik.settings import Settings
from chronik.store.database import Failure, Store
from chronik.store.ingest import (
    Summary,
    Task,
    WorkerError,
    _items,
    _Run,
    analyse_task,
    load_resources,
)
from chronik.store.inputs import expand_inputs
from chronik.store.linking import update_corpus
from chronik.store.records import ArticleRows
from chronik.store.schema import ARTICLE_TABLES, TABLES

INSTALL_HINT = "install the extra: pip install 'chronik[ray]'"
# Documents per actor call, and so per Parquet file: small batches balance a small run
# across the actors and show progress; large ones keep a big dataset to few files.
BATCH_ARTICLES = (8, 256)
# Documents handed to Ray Data at a time (bounds the driver's memory): this many, or
# enough to give every actor one large batch.
CHUNK_TASKS = 4096
CONNECT_SECONDS = 10  # for the reachability check of a cluster address
# Written last: a batch whose articles file exists is complete (see the module docstring).
CHILD_TABLES = tuple(table for table in ARTICLE_TABLES if table != "articles")
FAILURE_COLUMNS = ("input_name", "record_id", "code", "reason")
SUMMARY_COLUMNS = ("batch", "article_id", "content_id", *FAILURE_COLUMNS)
_DUCKDB_TO_ARROW = {
    "VARCHAR": "string",
    "JSON": "string",
    "INTEGER": "int32",
    "BIGINT": "int64",
    "DOUBLE": "float64",
    "DATE": "date32",
    "TIMESTAMP": "timestamp",
}


class RayMissingError(ResourceError):
    """``--engine ray`` without Ray Data installed."""

    code = "E301"


def require_ray() -> ModuleType:
    """The ``ray`` module with Ray Data and pyarrow, or a one-line RayMissingError."""
    try:
        import pyarrow  # noqa: F401 - checked here, used by the actors
        import ray
        import ray.data
    except ImportError as error:
        missing = error.name or "ray"
        raise RayMissingError(
            f"--engine ray needs Ray Data ({missing} is not installed); {INSTALL_HINT}"
        ) from None
    return ray


def ingest_with_ray(
    paths: Sequence[str],
    db: Path | str,
    *,
    workers: int | None = None,
    address: str | None = None,
    out: Path | str | None = None,
    outlet: str | None = None,
    settings: Settings | None = None,
    on_progress: Callable[[Summary], None] | None = None,
) -> Summary:
    """Ingest ``paths`` with a pool of Ray actors: into ``db``, or as a Parquet dataset in ``out``.

    ``workers`` actors (default: every CPU Ray offers); ``address`` of a running cluster,
    else a local Ray instance with ``workers`` CPUs is started for this run.
    """
    settings = settings or Settings.from_env()
    files = expand_inputs(paths)
    ray = require_ray()
    if out is None:
        Store.open(db).close()  # fail fast on a locked store, before Ray starts
    with _ray_session(ray, address, workers):
        actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        if out is None:
            return _into_store(files, Path(db), actors, outlet, settings, on_progress, paths)
        return _into_dataset(files, Path(out), actors, outlet, settings, on_progress)


def _into_store(
    files: list[str],
    db: Path,
    actors: int,
    outlet: str | None,
    settings: Settings,
    on_progress: Callable[[Summary], None] | None,
    inputs: Sequence[str],
) -> Summary:
    started = dt.datetime.now(dt.UTC)
    with Store.open(db) as store:
        run = _Run(store, Summary(), on_progress)
        run.summary.run_id = store.start_run(inputs, actors)  # as given, like the local engine
        # Staging folders of a run that was killed: their batches were either merged or
        # are analysed again now. The store's lock says no other run is using them.
        for stale in db.parent.glob(f".{db.name}.ray-*"):
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{db.name}.ray-", dir=db.parent))
        try:
            for result in _analysed(
                _claimed(run, files, settings, outlet), staging, actors, settings
            ):
                if result.failure is not None:
                    run._failed(result.failure)
                    continue
                new = merge_batch(store, staging, result.batch, run.summary.run_id)
                run.summary.new += new
                run.summary.duplicates += result.articles - new
                run._progress()
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        run.summary.seconds = (dt.datetime.now(dt.UTC) - started).total_seconds()
        store.finish_run(run.summary.run_id, run.summary.counts())
        update_corpus(store)
    return run.summary


def _into_dataset(
    files: list[str],
    out: Path,
    actors: int,
    outlet: str | None,
    settings: Settings,
    on_progress: Callable[[Summary], None] | None,
) -> Summary:
    started = dt.datetime.now(dt.UTC)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: --out must be a folder (the Parquet dataset)")
    out.mkdir(parents=True, exist_ok=True)
    ledger = _DatasetLedger(out)
    # _Run only asks its store whether an article is stored and to record failures.
    run = _Run(cast(Store, ledger), Summary(), on_progress)
    try:
        for result in _analysed(_claimed(run, files, settings, outlet), out, actors, settings):
            if result.failure is not None:
                run._failed(result.failure)
            else:
                run.summary.new += result.articles
                run._progress()
    finally:
        ledger.flush()
    run.summary.seconds = (dt.datetime.now(dt.UTC) - started).total_seconds()
    return run.summary


class _DatasetLedger:
    """The store's part in claiming, for a Parquet dataset: what is in it, failures to add."""

    def __init__(self, dataset: Path) -> None:
        self.dataset = dataset
        self.ids: set[str] = set()
        for row in _read_rows(_committed(dataset, "articles"), ["id", "content_id"]):
            self.ids.update((row["id"], row["content_id"]))
        self.failures: list[Failure] = []

    def has_article(self, article_id: str, content_id: str) -> bool:
        return article_id in self.ids or content_id in self.ids

    def record_failure(self, failure: Failure) -> None:
        self.failures.append(failure)

    def flush(self) -> None:
        if self.failures:
            _write_failures(self.dataset, f"driver-{uuid.uuid4().hex}", self.failures)
            self.failures = []


def _claimed(run: _Run, files: list[str], settings: Settings, outlet: str | None) -> Iterator[Task]:
    for item in _items(files, settings, outlet):
        task = run.claim(item)
        if task is not None:
            yield task


class _Result:
    """One document's outcome (a failure) or one batch's (``articles`` rows written)."""

    def __init__(self, batch: str, articles: int = 0, failure: Failure | None = None) -> None:
        self.batch = batch
        self.articles = articles
        self.failure = failure


def _analysed(
    tasks: Iterator[Task], dataset: Path, actors: int, settings: Settings
) -> Iterator[_Result]:
    """Analyse ``tasks`` on the actor pool, CHUNK_TASKS at a time; results as batches finish."""
    chunk: list[Task] = []
    chunk_size = max(CHUNK_TASKS, BATCH_ARTICLES[1] * actors)
    for task in tasks:
        chunk.append(task)
        if len(chunk) >= chunk_size:
            yield from _analyse_chunk(chunk, dataset, actors, settings)
            chunk = []
    if chunk:
        yield from _analyse_chunk(chunk, dataset, actors, settings)


def _analyse_chunk(
    chunk: list[Task], dataset: Path, actors: int, settings: Settings
) -> Iterator[_Result]:
    import ray.data

    items = [_task_item(task) for task in chunk]
    smallest, largest = BATCH_ARTICLES
    batch_size = max(smallest, min(largest, len(items) // (4 * actors)))
    blocks = max(1, -(-len(items) // batch_size))
    with warnings.catch_warnings():
        # Ray 2.60 deprecates extra remote arguments to map_batches without naming a
        # replacement for max_task_retries; its default (-1) would retry a batch that
        # kills its actor (a document exhausting memory) for ever.
        warnings.filterwarnings("ignore", message=".*ray_remote_args.*")
        analysed = ray.data.from_items(items, override_num_blocks=blocks).map_batches(
            _actor_class(settings, str(dataset)),
            compute=ray.data.ActorPoolStrategy(size=min(actors, blocks)),
            batch_size=batch_size,
            batch_format="pyarrow",
            num_cpus=1,
            # A dead actor is restarted with its resources; its batch is tried once
            # more, then given up (its documents become failures, below).
            max_restarts=-1,
            max_task_retries=1,
        )
    answered: set[str] = set()
    try:
        for summary in analysed.iter_batches(batch_format="pyarrow", batch_size=None):
            table: Any = summary  # a pyarrow.Table, as batch_format asks
            for batch, rows in _by_batch(table.to_pylist()).items():
                for row in rows:
                    answered.add(row["input_name"])
                    if row["code"] is not None:
                        yield _Result(batch, failure=_failure_of(row))
                articles = sum(1 for row in rows if row["code"] is None)
                yield _Result(batch, articles=articles)
    except ChronikError:
        raise
    except Exception as error:  # noqa: BLE001 - any Ray failure stops the run, in one line
        raise WorkerError(
            f"the Ray job failed ({_first_line(error)}); stored articles are kept: rerun to "
            "continue"
        ) from None
    for task in chunk:  # a batch Ray gave up on: its documents fail, they are not lost
        if task.document.name not in answered:
            reason = (
                "a Ray worker died twice while analysing the batch of this document "
                "(out of memory?); a rerun tries it again"
            )
            yield _Result("", failure=Failure(task.document.name, task.document.id, "E900", reason))


def _by_batch(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row["batch"], []).append(row)
    return grouped


def _task_item(task: Task) -> dict[str, str | None]:
    document = task.document
    return {
        "text": document.text,
        "id": document.id,
        "published": document.published,
        "title": document.title,
        "outlet": document.outlet,
        "url": document.url,
        "name": document.name,
        "extra": json.dumps(task.extra, ensure_ascii=False) if task.extra else None,
    }


def _task_of(item: dict[str, Any]) -> Task:
    extra = item.pop("extra")
    return Task(RawDocument(**item), json.loads(extra) if extra else None)


def _actor_class(settings: Settings, dataset: str) -> type:
    """The actor class, with its settings bound here rather than passed to each actor: Ray
    keeps constructor arguments in the object store for restarts, and warns about it."""

    class ChronikAnalyser:
        """One actor: Resources loaded once; each call analyses a batch and writes it."""

        def __init__(self) -> None:
            self.resources = load_resources(settings)
            self.dataset = Path(dataset)

        def __call__(self, batch: Any) -> Any:
            import pyarrow as pa

            name = uuid.uuid4().hex
            written: list[ArticleRows] = []
            summary: list[dict[str, Any]] = []
            for item in batch.to_pylist():
                task = _task_of(item)
                result = analyse_task(task, self.resources)
                if isinstance(result, Failure):
                    summary.append(_summary_row(name, task, failure=result))
                else:
                    written.append(result)
                    summary.append(_summary_row(name, task, rows=result))
            write_batch(self.dataset, name, written)
            return pa.Table.from_pylist(summary, schema=_summary_schema())

    return ChronikAnalyser


def _summary_row(
    batch: str, task: Task, *, rows: ArticleRows | None = None, failure: Failure | None = None
) -> dict[str, Any]:
    """What the driver needs to hear about one document (its rows stay in the files)."""
    document = task.document
    return {
        "batch": batch,
        "article_id": rows.article_id if rows else None,
        "content_id": rows.content_id if rows else None,
        "input_name": failure.input_name if failure else document.name,
        "record_id": failure.record_id if failure else document.id,
        "code": failure.code if failure else None,
        "reason": failure.reason if failure else None,
    }


def _failure_of(row: dict[str, Any]) -> Failure:
    return Failure(*(row[column] for column in FAILURE_COLUMNS))


# --- the Parquet dataset: DATASET/<table>/<batch>.parquet, one schema per store table ---


def arrow_schema(table: str) -> Any:
    """The Arrow schema of a store table (types from schema.py, so every file agrees)."""
    import pyarrow as pa

    fields = []
    for name, kind in TABLES[table]:
        base = kind.split()[0]
        if base.endswith("[]"):
            fields.append(pa.field(name, pa.list_(pa.string())))
        elif base == "TIMESTAMP":
            fields.append(pa.field(name, pa.timestamp("us")))
        else:
            fields.append(pa.field(name, pa.type_for_alias(_DUCKDB_TO_ARROW[base])))
    return pa.schema(fields)


def _summary_schema() -> Any:
    import pyarrow as pa

    return pa.schema([pa.field(name, pa.string()) for name in SUMMARY_COLUMNS])


def write_batch(dataset: Path, batch: str, articles: list[ArticleRows]) -> None:
    """Write the rows of ``articles`` as one file per table; ``articles`` last (the commit)."""
    for table in (*CHILD_TABLES, "articles"):
        rows = [row for article in articles for row in article.tables.get(table, [])]
        _write_table(dataset / table / f"{batch}.parquet", table, rows)


def _write_failures(dataset: Path, batch: str, failures: list[Failure]) -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [
        {**dict(zip(FAILURE_COLUMNS, (f.input_name, f.record_id, f.code, f.reason), strict=True))}
        | {"first_seen": now, "last_seen": now, "attempts": 1}
        for f in failures
    ]
    _write_table(dataset / "failures" / f"{batch}.parquet", "failures", rows)


def _write_table(path: Path, table: str, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(table)), partial)
    partial.replace(path)  # whole files only, even on a shared filesystem


def _committed(dataset: Path, table: str, batches: Sequence[str] | None = None) -> list[Path]:
    """The files of ``table`` that belong to complete batches (sorted, for a stable order)."""
    if batches is None:
        batches = [path.stem for path in sorted((dataset / "articles").glob("*.parquet"))]
    return [dataset / table / f"{batch}.parquet" for batch in batches]


def _read_rows(files: list[Path], columns: list[str]) -> list[dict[str, Any]]:
    if not files:
        return []
    import pyarrow.parquet as pq

    return [row for file in files for row in pq.read_table(file, columns=columns).to_pylist()]


# --- merging into the store: read_parquet in one transaction per group of batches ---


def merge_batch(store: Store, dataset: Path, batches: str | Sequence[str], run_id: int) -> int:
    """Insert the articles of ``batches`` not yet stored (by id or content), with their rows,
    in one transaction; returns how many were new. Merging the same batch twice adds nothing."""
    names = [batches] if isinstance(batches, str) else list(batches)
    if not names:
        return 0
    connection = store.connection
    connection.begin()
    try:
        connection.execute(
            "CREATE OR REPLACE TEMP TABLE incoming AS SELECT * FROM "
            f"read_parquet({_files_sql(_committed(dataset, 'articles', names))}) AS new "
            "WHERE NOT EXISTS (SELECT 1 FROM articles AS old "
            "WHERE old.id = new.id OR old.content_id = new.content_id) "
            "QUALIFY row_number() OVER (PARTITION BY content_id ORDER BY id) = 1 "
            "AND row_number() OVER (PARTITION BY id ORDER BY content_id) = 1"
        )
        connection.execute("UPDATE incoming SET run_id = ?", [run_id or None])
        connection.execute("INSERT INTO articles BY NAME SELECT * FROM incoming")
        for table in CHILD_TABLES:
            files = _files_sql(_committed(dataset, table, names))
            connection.execute(
                f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet({files}) "
                "WHERE article_id IN (SELECT id FROM incoming)"
            )
        connection.execute(
            "DELETE FROM failures WHERE input_name IN (SELECT input_name FROM incoming)"
        )
        row = connection.execute("SELECT count(*) FROM incoming").fetchone()
        connection.execute("DROP TABLE incoming")
        connection.commit()
    except duckdb.IOException as error:
        connection.rollback()
        raise UsageError(
            f"{dataset}: cannot read the batch {names[0]} the Ray actors wrote "
            f"({_first_line(error)}); on a cluster the folder must be shared by every node "
            "at the same path (see docs/scale.md)"
        ) from None
    except BaseException:
        connection.rollback()
        raise
    return int(row[0]) if row else 0


def merge_dataset(
    dataset: Path | str, db: Path | str, *, batches_per_transaction: int = 256
) -> Summary:
    """Load a dataset written with ``--out`` into the store ``db``; rerunning adds nothing.

    Failures are recorded for documents neither stored nor already recorded as failed.
    """
    dataset = Path(dataset)
    if not (dataset / "articles").is_dir():
        raise UsageError(f"{dataset}: not a Chronik Parquet dataset (no articles/ folder)")
    started = dt.datetime.now(dt.UTC)
    summary = Summary()
    batches = [path.stem for path in _committed(dataset, "articles")]
    with Store.open(db) as store:
        summary.run_id = store.start_run([str(dataset)], 0)
        for first in range(0, len(batches), batches_per_transaction):
            group = batches[first : first + batches_per_transaction]
            summary.new += merge_batch(store, dataset, group, summary.run_id)
        summary.read = sum(_count_rows(path) for path in _committed(dataset, "articles"))
        summary.duplicates = summary.read - summary.new
        for row in _read_rows(sorted((dataset / "failures").glob("*.parquet")), [*FAILURE_COLUMNS]):
            failure = _failure_of(row)
            summary.read += 1
            summary.failed += 1
            if not _known(store, failure.input_name):
                store.record_failure(failure)
        summary.seconds = (dt.datetime.now(dt.UTC) - started).total_seconds()
        store.finish_run(summary.run_id, summary.counts())
        update_corpus(store)
    return summary


def _known(store: Store, input_name: str) -> bool:
    found = store.connection.execute(
        "SELECT 1 FROM failures WHERE input_name = ? UNION ALL "
        "SELECT 1 FROM articles WHERE input_name = ? LIMIT 1",
        [input_name, input_name],
    ).fetchone()
    return found is not None


def _count_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(path).metadata.num_rows)


def _files_sql(files: list[Path]) -> str:
    quoted = ", ".join("'" + str(path).replace("'", "''") + "'" for path in files)
    return f"[{quoted}]"


# --- Ray itself ---


@contextmanager
def _ray_session(ray: ModuleType, address: str | None, cpus: int | None) -> Iterator[None]:
    """Connect to ``address``, or start a local Ray for this run (node address 127.0.0.1,
    no dashboard, no usage reporting). A Ray already initialised by the caller is used as
    is."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    # Ray's C++ side logs notes (e.g. on actor constructor arguments) straight to stderr;
    # a real failure reaches Python as an exception, reported in one line below.
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    if ray.is_initialized():
        _quiet(ray)
        yield
        return
    if address:
        _check_reachable(address)
    try:
        if address:
            ray.init(address=address, logging_level=logging.ERROR, log_to_driver=False)
        else:
            ray.init(
                num_cpus=cpus or os.cpu_count() or 1,
                include_dashboard=False,
                _node_ip_address="127.0.0.1",
                logging_level=logging.ERROR,
                log_to_driver=False,
            )
    except Exception as error:  # noqa: BLE001 - e.g. no cluster at the address
        where = f"at {address}" if address else "locally"
        raise UsageError(f"cannot start or reach Ray {where} ({_first_line(error)})") from None
    _quiet(ray)
    try:
        yield
    finally:
        ray.shutdown()


def _check_reachable(address: str) -> None:
    """Ray retries an unreachable cluster address for minutes; a refused or silent port is
    reported at once instead. ``auto`` and addresses without a port are left to Ray."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_SECONDS).close()
    except OSError as error:
        raise UsageError(
            f"cannot reach Ray at {address} ({error.strerror or type(error).__name__}); "
            "is the cluster started ('ray start --head')?"
        ) from None


def _quiet(ray: ModuleType) -> None:
    """Chronik reports progress itself; Ray Data's bars and INFO lines would interleave."""
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    # A batch given up on does not stop the run: its documents become failures (E900).
    context.max_errored_blocks = -1
    # Ray logs that failure with a traceback; the run reports it in one line per document
    # (Ray's own logs stay in its session folder, /tmp/ray/session_*/logs).
    logging.getLogger("ray.data").setLevel(logging.CRITICAL)


def _first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0][:300] if lines else type(error).__name__


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m chronik.store.ray_engine merge DATASET --db FILE``."""
    parser = argparse.ArgumentParser(prog="python -m chronik.store.ray_engine")
    commands = parser.add_subparsers(dest="command", required=True)
    merge = commands.add_parser("merge", help="load a dataset written with --out into a store")
    merge.add_argument("dataset", type=Path)
    merge.add_argument("--db", type=Path, default=Path("chronik.duckdb"))
    args = parser.parse_args(argv)
    try:
        summary = merge_dataset(args.dataset, args.db)
    except ChronikError as error:
        print(str(error), file=sys.stderr)
        return 2
    print(
        f"{args.db}: read {summary.read}, new {summary.new}, duplicates {summary.duplicates}, "
        f"failed {summary.failed} in {summary.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
