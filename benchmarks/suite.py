"""The benchmark suite: stages, baselines, engines, memory and length, in one run.

    python -m benchmarks.suite [--limit N] [--engines local1,local2,ray] [--output docs]

writes ``benchmarks.md`` (tables, docs/benchmarks.md by default) and ``benchmarks.json``
(the raw figures) to ``--output``. Texts are the first N articles of 10kGNAD in the
shared data folder (``CHRONIK_DATA`` to point elsewhere). The defaults take about ten
minutes on two cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import ROOT, tenkgnad_texts
from benchmarks.engines import CONFIGURATIONS, run_configuration, write_inputs
from benchmarks.report import render
from benchmarks.scaling import length_growth
from benchmarks.stages import time_stages
from benchmarks.throughput import compare
from chronik import __version__
from chronik.pipeline import analyze
from chronik.resources import Resources
from chronik.store.batch_process import tune_for_batch

ENGINE_KEYS = {"local1": ("local", 1), "local2": ("local", 2), "ray": ("ray", 2)}


def run_suite(limit: int | None, engines: list[str], groups: int) -> dict[str, Any]:
    texts = tenkgnad_texts(limit)
    tune_for_batch()  # as every ingest engine runs; the baselines get it too
    started = time.perf_counter()
    resources = Resources().warm()
    loaded = time.perf_counter() - started
    analyze(texts[0], resources=resources)  # the first call pays one-off costs
    results: dict[str, Any] = {
        "command": " ".join(["python -m benchmarks.suite", *sys.argv[1:]]),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": _machine(),
        "corpus": {
            "articles": len(texts),
            "words": sum(len(t.split()) for t in texts),
            "whole": limit is None or limit >= len(tenkgnad_texts()),
        },
        "resources_load_seconds": loaded,
    }
    _say(f"{len(texts)} articles; baselines")
    results["baselines"] = compare(texts, resources)
    _say("stages")
    # Fresh resources: the tagger's per-word caches start empty, as they did for the
    # end-to-end pass above, so the stages add up to that pass.
    results["stages"] = time_stages(texts, Resources().warm())
    _say("length")
    results["length"] = length_growth(texts, resources, groups)
    results["suite_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results["engines"] = _engines(texts, engines)
    return results


def _engines(texts: list[str], chosen: list[str]) -> list[dict[str, Any]]:
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        inputs = write_inputs(texts, Path(folder) / "texts.jsonl")
        for label, engine, workers in CONFIGURATIONS:
            key = next(k for k, value in ENGINE_KEYS.items() if value == (engine, workers))
            if key in chosen:
                _say(f"engine: {label}")
                runs.append({"label": label, **run_configuration(engine, workers, inputs)})
    return runs


def _machine() -> str:
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} × {model}, Python {platform.python_version()}, Chronik {__version__}"


def _say(message: str) -> None:
    print(f"benchmarks: {message}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--limit", type=int, default=None, help="first N articles (default: all 1,028)"
    )
    parser.add_argument(
        "--engines",
        default="local1,local2,ray",
        help="end-to-end runs: local1, local2, ray (comma-separated; '' for none)",
    )
    parser.add_argument("--groups", type=int, default=2, help="sets of 16 articles for length")
    parser.add_argument("--output", type=Path, default=ROOT / "docs", help="folder (docs/)")
    args = parser.parse_args()
    engines = [name for name in args.engines.split(",") if name]
    unknown = sorted(set(engines) - set(ENGINE_KEYS))
    if unknown:
        parser.error(f"unknown engine {', '.join(unknown)} (local1, local2, ray)")
    results = run_suite(args.limit, engines, args.groups)
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "benchmarks.json").write_text(
        json.dumps(results, indent=2) + "\n", encoding="utf-8"
    )
    (args.output / "benchmarks.md").write_text(render(results), encoding="utf-8")
    _say(f"wrote {args.output / 'benchmarks.md'} and benchmarks.json")


if __name__ == "__main__":
    main()
