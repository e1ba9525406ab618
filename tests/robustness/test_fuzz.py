"""Bounded fuzzing runs of the harnesses in fuzz/ (skipped when atheris is not installed).

Each run is a fixed number of libFuzzer iterations, started from the seeds in fuzz/seeds/
and the structure test pages, in a scratch corpus (the repository is never written).
A crash fails the test with the harness's output; its input, saved by libFuzzer, goes
into tests/robustness/test_fuzz_regressions.py. The long run is in docs/reliability.md.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FUZZ = ROOT / "fuzz"
# Iterations per harness: a few thousand, well under a minute together on one core.
RUNS = {"html": 1000, "structure": 3000}
SEEDS = {
    "html": [FUZZ / "seeds" / "html"],
    "structure": [FUZZ / "seeds" / "structure", ROOT / "tests" / "structure" / "pages"],
}

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("atheris") is None,
    reason="atheris is not installed (pip install 'chronik[fuzz]')",
)


@pytest.mark.parametrize("harness", ["html", "structure"])
def test_fuzz_bounded_run_finds_no_crash(tmp_path: Path, harness: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for folder in SEEDS[harness]:
        for seed in sorted(folder.glob("*.*")):
            if seed.suffix in (".txt", ".html"):
                shutil.copy(seed, corpus / seed.name)
    command = [
        sys.executable,
        str(FUZZ / f"fuzz_{harness}.py"),
        f"-runs={RUNS[harness]}",
        f"-dict={FUZZ / f'{harness}.dict'}",
        "-seed=1",  # the same iterations on every CI run
        "-timeout=30",  # one input taking longer counts as a crash
        "-rss_limit_mb=2048",
        f"-artifact_prefix={tmp_path}/",
        str(corpus),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    crashes = sorted(
        p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-"))
    )
    assert done.returncode == 0 and not crashes, (crashes, done.stderr[-3000:])
    assert f"Done {RUNS[harness]} runs" in done.stderr
