"""Smoke test of the benchmark suite: on four articles written here, in 10kGNAD's layout,
it runs end to end and writes the table and the raw figures. No timings are asserted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = (
    "Die Regierung in Wien hat am Montag neue Regeln für Mieten beschlossen. "
    '"Wir helfen den Familien", sagte die Ministerin. Die Opposition kritisierte den Plan.',
    "In Linz haben Hunderte Menschen gegen den Bau einer Straße demonstriert. Die Polizei "
    "sprach von einem friedlichen Protest. Der Bürgermeister will am Freitag mit ihnen reden.",
    "Österreich und Ungarn wollen an der Grenze enger zusammenarbeiten. Das vereinbarten die "
    "Innenminister beider Länder am Dienstag in Budapest.",
    "Der Verband der Landwirte warnt vor einer schlechten Ernte. Nach Angaben des Verbands "
    "fehlte im Sommer der Regen. Die Preise für Getreide könnten deshalb steigen.",
)


def test_benchmark_suite_writes_the_table_and_the_figures(tmp_path: Path) -> None:
    data = tmp_path / "data" / "news-10kgnad"
    data.mkdir(parents=True)
    lines = [f"Inland;'{text}'" for text in ARTICLES]
    (data / "articles.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "benchmarks.suite", "--limit", "4", "--groups", "1"]
    command += ["--engines", "local1", "--output", str(out)]
    environment = {**os.environ, "CHRONIK_DATA": str(tmp_path / "data")}
    done = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]

    figures = json.loads((out / "benchmarks.json").read_text(encoding="utf-8"))
    assert figures["corpus"]["articles"] == 4
    assert set(figures["stages"]) >= {"structure", "language layer", "entities", "store"}
    assert all(seconds > 0 for seconds in figures["stages"].values())
    # Four articles in at most eight turns: one article per turn, each turn timed alone.
    baselines = figures["baselines"]
    assert len(baselines["chunk_ratios"]) == 4
    assert baselines["analyze_seconds"] > 0 and baselines["somajo_seconds"] > 0
    (one_core,) = figures["engines"]
    assert one_core["label"] == "one core" and one_core["articles"] == 4
    assert one_core["peak_rss_mb"] > 0

    table = (out / "benchmarks.md").read_text(encoding="utf-8")
    for heading in ("## Time per stage", "## End-to-end against tokenising", "## Cost and"):
        assert heading in table
    assert "| language layer |" in table and "| 16× |" in table
    assert "spaCy German tokenizer" in table
    assert "Per turn (4 slices of the texts), analysis cost" in table
