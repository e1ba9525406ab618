"""``chronik ingest INPUT...``: analyse documents into a DuckDB store; rerun to resume."""

from __future__ import annotations

import os
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from chronik.errors import ChronikError, UsageError
from chronik.interfaces.errors import fail
from chronik.settings import Settings
from chronik.store.database import DEFAULT_DB
from chronik.store.ingest import Summary
from chronik.store.ingest import ingest as run_ingest
from chronik.store.inputs import count_documents, expand_inputs

SHOWN_FAILURES = 20


class Engine(StrEnum):
    """Where the analysis runs (store/ingest.py, store/ray_engine.py)."""

    local = "local"
    ray = "ray"


def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (searched recursively for .txt .md .html .htm .jsonl .csv) "
            "or - for stdin."
        ),
    ],
    db: Annotated[Path, typer.Option("--db", help="The DuckDB file; created if missing.")] = (
        DEFAULT_DB
    ),
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Processes analysing in parallel (default: all cores)."),
    ] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Outlet of the documents that do not name one.")
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(
            help="local: worker processes on this machine. ray: actors on Ray (pip install "
            "'chronik[ray]'); --workers actors, default every CPU Ray offers."
        ),
    ] = Engine.local,
    address: Annotated[
        str | None,
        typer.Option(
            help="With --engine ray: a running Ray cluster (e.g. ray://head:10001 or auto); "
            "default: start Ray on this machine for the run."
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            help="With --engine ray: write a Parquet dataset (a folder per table) here and "
            "leave --db untouched; merge it later (docs/scale.md)."
        ),
    ] = None,
) -> None:
    """Analyse documents into a DuckDB store. Articles already stored are skipped, so a
    second run adds nothing and a run that was killed continues where it stopped.

    Example: chronik ingest articles/ feed.jsonl --db corpus.duckdb --workers 2
    """
    if engine is Engine.local and (address or out):
        fail(UsageError("--address and --out need --engine ray"))
    try:
        paths = expand_inputs(inputs)
        progress = _Progress(paths) if sys.stderr.isatty() else None
        try:
            summary = run_ingest(
                paths,
                db,
                workers=workers if engine is Engine.ray else workers or os.cpu_count() or 1,
                outlet=outlet,
                engine=engine.value,
                address=address,
                out=out,
                settings=Settings.from_env(),
                on_progress=progress.update if progress else None,
            )
        finally:
            if progress:
                progress.stop()
    except ChronikError as error:
        fail(error)
    _report(summary, out or db)


class _Progress:
    """A rich progress bar on stderr: documents done, articles per second, ETA."""

    def __init__(self, paths: list[str]) -> None:
        counts = [count_documents(path) for path in paths]
        self.total = None if None in counts else sum(count or 0 for count in counts)
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def update(self, summary: Summary) -> None:
        rate = summary.done / max(time.monotonic() - self.started, 1e-6)
        if self.bar is None or self.task is None:
            # Started on the first document, after the workers have forked.
            self.bar = Progress(
                TextColumn("ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f} articles/s"),
                TextColumn("new {task.fields[new]} · duplicates {task.fields[duplicates]}"),
                TextColumn("· failed {task.fields[failed]}"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(
                "ingest", total=self.total, rate=0.0, new=0, duplicates=0, failed=0
            )
        self.bar.update(
            self.task,
            completed=summary.done,
            rate=rate,
            new=summary.new,
            duplicates=summary.duplicates,
            failed=summary.failed,
        )

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _report(summary: Summary, db: Path) -> None:
    rate = summary.done / summary.seconds if summary.seconds else 0.0
    typer.echo(
        f"{db}: read {summary.read}, new {summary.new}, duplicates {summary.duplicates}, "
        f"failed {summary.failed} in {summary.seconds:.1f} s ({rate:.1f} articles/s)"
    )
    for failure in summary.failures[:SHOWN_FAILURES]:
        typer.echo(f"  failed {failure.input_name}: [{failure.code}] {failure.reason}")
    if summary.failed > SHOWN_FAILURES:
        more = summary.failed - SHOWN_FAILURES
        typer.echo(f"  … and {more} more; 'chronik status --db {db}' lists them all")
