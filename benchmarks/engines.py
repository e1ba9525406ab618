"""End-to-end ingest throughput, CPU time and peak memory per worker, one engine per
subprocess.

    python -m benchmarks.engines --engine local --workers 2 --input texts.jsonl

prints one JSON object. A fresh process per engine keeps the figures apart: the peak
resident set (RSS) and CPU time of the analysing processes, that is this process for one
core, the worker processes for two workers (``RUSAGE_CHILDREN``), the Ray actors for Ray
(sampled from ``/proc`` twice a second: the kernel's ``VmHWM`` and ``utime + stime``; the
last half second of an actor may be missed). Wall time and CPU time both include loading
the resources: once in the driver for local workers (forked, they inherit them), in
every actor for Ray. On a machine shared with other work, articles per CPU
second of the workers is the figure that stays comparable; starting Ray itself is timed
apart (``ray_start_seconds``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from chronik.store.ingest import ingest

# (label, engine, workers) of the end-to-end runs in the suite.
CONFIGURATIONS = (
    ("one core", "local", 1),
    ("two workers", "local", 2),
    ("Ray, two CPUs", "ray", 2),
)
RAY_ACTOR_TITLE = "ChronikAnalyser"  # in the process title Ray gives each actor


def write_inputs(texts: list[str], path: Path) -> Path:
    """``texts`` as a JSONL input file, one record per article."""
    with path.open("w", encoding="utf-8") as handle:
        for number, text in enumerate(texts):
            handle.write(json.dumps({"id": f"a{number:05d}", "text": text}) + "\n")
    return path


def run_configuration(engine: str, workers: int, inputs: Path) -> dict[str, Any]:
    """Run one configuration in a fresh Python process; its JSON report."""
    command = [sys.executable, "-m", "benchmarks.engines", "--engine", engine]
    command += ["--workers", str(workers), "--input", str(inputs)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(engine: str, workers: int, inputs: Path) -> dict[str, Any]:
    """Ingest ``inputs`` into a new store with ``engine``; times, rates and peak memory."""
    report: dict[str, Any] = {"engine": engine, "workers": workers}
    actors = _ActorUsage(active=engine == "ray")
    with tempfile.TemporaryDirectory() as folder, _ray_if(engine, workers, report), actors:
        own, children = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        summary = ingest(
            [str(inputs)], Path(folder) / "bench.duckdb", workers=workers, engine=engine
        )
        seconds = time.perf_counter() - started
        own = _cpu(resource.RUSAGE_SELF) - own
        children = _cpu(resource.RUSAGE_CHILDREN) - children
    if engine == "ray":
        worker_cpu, driver_cpu = actors.cpu_seconds(), own
    elif workers > 1:
        worker_cpu, driver_cpu = children, own
    else:
        worker_cpu, driver_cpu = own, 0.0  # one process analyses and writes
    report.update(
        articles=summary.new,
        failed=summary.failed,
        seconds=seconds,
        articles_per_second=summary.new / seconds,
        worker_cpu_seconds=worker_cpu,
        driver_cpu_seconds=driver_cpu,
        articles_per_worker_cpu_second=summary.new / worker_cpu if worker_cpu else None,
        peak_rss_mb=_peak_rss_mb(engine, workers, actors.peak_kb),
    )
    return report


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def _ray_if(engine: str, workers: int, report: dict[str, Any]) -> Iterator[None]:
    if engine != "ray":
        yield
        return
    import ray

    from chronik.store.ray_engine import _ray_session

    started = time.perf_counter()
    with _ray_session(ray, None, workers):
        report["ray_start_seconds"] = time.perf_counter() - started
        yield


def _peak_rss_mb(engine: str, workers: int, actor_peak_kb: int) -> float:
    if engine == "ray":
        kilobytes = actor_peak_kb
    elif workers > 1:
        kilobytes = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    else:
        kilobytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kilobytes / 1024  # ru_maxrss and VmHWM are in KiB on Linux


class _ActorUsage:
    """Polls /proc for Ray actor processes: their largest peak RSS (KiB) and CPU time."""

    def __init__(self, *, active: bool) -> None:
        self.active = active
        self.peak_kb = 0
        self.cpu_ticks: dict[str, int] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> _ActorUsage:
        if self.active:
            self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        if self.active:
            self.thread.join()

    def cpu_seconds(self) -> float:
        return sum(self.cpu_ticks.values()) / os.sysconf("SC_CLK_TCK")

    def _poll(self) -> None:
        while not self.stop.wait(0.5):
            for process in Path("/proc").iterdir():
                if process.name.isdigit() and _is_actor(process):
                    self._sample(process)

    def _sample(self, process: Path) -> None:
        try:
            status = (process / "status").read_text(encoding="utf-8")
            fields = (process / "stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
        except OSError:
            return
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                self.peak_kb = max(self.peak_kb, int(line.split()[1]))
        # utime and stime: fields 14 and 15 of stat, 12 and 13 after the ")".
        self.cpu_ticks[process.name] = int(fields[11]) + int(fields[12])


def _is_actor(process: Path) -> bool:
    try:
        return RAY_ACTOR_TITLE in (process / "cmdline").read_bytes().decode("utf-8", "replace")
    except OSError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", choices=("local", "ray"), default="local")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--input", type=Path, required=True)
    args = parser.parse_args()
    print(json.dumps(measure(args.engine, args.workers, args.input)))


if __name__ == "__main__":
    main()
