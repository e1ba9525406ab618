"""docs/benchmarks.md from the figures of one ``benchmarks.suite`` run (kept as JSON too)."""

from __future__ import annotations

import statistics
from typing import Any

from benchmarks.stages import STAGES
from benchmarks.throughput import CHUNKS

# The targets of issue 7, checked against the figures of the run.
MAX_COST_OVER_SOMAJO = 1.5
MAX_PEAK_RSS_MB = 1536
MAX_GROWTH_16X = 20 / 16


def render(results: dict[str, Any]) -> str:
    corpus = results["corpus"]
    parts = [
        "# Benchmarks",
        "",
        f"Produced by `{results['command']}` on {results['date']} "
        f"({results['machine']}). The figures below are that run's; regenerate them "
        "with the same command (`--limit N` for more or fewer articles).",
        "",
        f"Corpus: {'all' if corpus.get('whole') else 'the first'} {corpus['articles']} "
        "articles of 10kGNAD's test split "
        f"(`news-10kgnad/articles.csv`, {corpus['words']:,} words, "
        f"{corpus['words'] / corpus['articles']:.0f} words per article). The machine's "
        "cores were shared with other work during the run, so in-process figures are CPU "
        "time of the process (`time.process_time`) and wall-clock rates vary between runs; "
        "ratios between figures of the same run are what compare.",
        "",
        *_targets(results),
        *_stages(results),
        *_baselines(results),
        *_engines(results),
        *_length(results),
    ]
    return "\n".join(parts).rstrip() + "\n"


def _targets(results: dict[str, Any]) -> list[str]:
    cost = _cost_over(results, "somajo_seconds")
    peaks = [run["peak_rss_mb"] for run in results["engines"] if "peak_rss_mb" in run]
    growth = results["length"]["ratio_16x"]
    rows = [
        (
            "analysis cost / SoMaJo tokenisation (one core)",
            f"≤ {MAX_COST_OVER_SOMAJO}",
            f"{cost:.2f}",
            cost <= MAX_COST_OVER_SOMAJO,
        ),
        (
            "peak memory per worker",
            f"< {MAX_PEAK_RSS_MB} MB",
            f"{max(peaks):.0f} MB" if peaks else "not measured",
            bool(peaks) and max(peaks) < MAX_PEAK_RSS_MB,
        ),
        (
            "time(16×) / (16 · time(1×))",
            f"≤ {MAX_GROWTH_16X:.2f}",
            f"{growth:.2f}",
            growth <= MAX_GROWTH_16X,
        ),
    ]
    lines = ["## Targets (issue 7)", "", "| Target | Goal | Measured | Met |", "|---|---|---|---|"]
    lines += [
        f"| {name} | {goal} | {got} | {'yes' if met else 'no'} |" for name, goal, got, met in rows
    ]
    return [*lines, ""]


def _stages(results: dict[str, Any]) -> list[str]:
    corpus, stages = results["corpus"], results["stages"]
    total = sum(stages.values())
    lines = [
        "## Time per stage (one core)",
        "",
        "Each stage of `analyze`, called in the pipeline's order on every article, then the "
        "store's write (rows, one DuckDB transaction per article, the run's duplicate and "
        "corpus-event update). The stages start with fresh resources, so the tagger's "
        "per-word caches fill during the run as they do in the end-to-end figure below. "
        "See `benchmarks/stages.py` for what each stage covers.",
        "",
        "| Stage | ms per article | words per second | share |",
        "|---|---:|---:|---:|",
    ]
    for stage in STAGES:
        seconds = stages[stage]
        lines.append(
            f"| {stage} | {1000 * seconds / corpus['articles']:.1f} | "
            f"{_rate(corpus['words'], seconds)} | {100 * seconds / total:.0f} % |"
        )
    lines.append(
        f"| **all stages** | **{1000 * total / corpus['articles']:.1f}** | "
        f"**{_rate(corpus['words'], total)}** | 100 % |"
    )
    return [*lines, ""]


def _baselines(results: dict[str, Any]) -> list[str]:
    corpus, base = results["corpus"], results["baselines"]
    lines = [
        "## End-to-end against tokenising alone (one core)",
        "",
        "Tokenising is the floor any pipeline pays. All three on the same texts in one process "
        "with the resources loaded, per CPU second of one core, taken in turns: each slice "
        f"(one of {CHUNKS} equal parts of the texts) is tokenised by both tokenizers and "
        "then analysed before the next, so that other work on a shared machine weighs on "
        "all three alike.",
        "",
        "| One core | articles per second | words per second | cost relative to SoMaJo |",
        "|---|---:|---:|---:|",
    ]
    for label, key in (
        ("SoMaJo tokenisation (`de_CMC`, with sentences)", "somajo_seconds"),
        ('spaCy German tokenizer (`spacy.blank("de")`)', "spacy_seconds"),
        ("`chronik.analyze`, end to end", "analyze_seconds"),
    ):
        seconds = base[key]
        lines.append(
            f"| {label} | {corpus['articles'] / seconds:.1f} | {_rate(corpus['words'], seconds)} "
            f"| {seconds / base['somajo_seconds']:.2f} |"
        )
    lines += [
        "",
        f"Analysis costs {_cost_over(results, 'somajo_seconds'):.2f}× SoMaJo tokenisation and "
        f"{_cost_over(results, 'spacy_seconds'):.0f}× spaCy tokenisation of the same texts.",
        "",
    ]
    ratios = base.get("chunk_ratios") or []
    if len(ratios) > 1:
        lines[-1:-1] = [
            f"Per turn ({len(ratios)} slices of the texts), analysis cost {min(ratios):.2f}× "
            f"to {max(ratios):.2f}× SoMaJo (median {statistics.median(ratios):.2f}×): the "
            "spread within one run.",
        ]
    return lines


def _engines(results: dict[str, Any]) -> list[str]:
    lines = [
        "## End-to-end ingest: engines and memory",
        "",
        "`chronik.store.ingest` of the same articles into a new store, each configuration in "
        "a fresh process (`benchmarks/engines.py`). Wall time and CPU time include loading "
        "the resources: once in the driver for local workers (forked, they inherit them; so "
        "it counts as driver CPU), in every actor for Ray. *Per worker CPU second* divides "
        "the articles by the CPU time of the analysing processes (the driver's own CPU time, "
        "reading inputs and writing the store, is the next column): on a shared machine it is"
        " the figure that compares. A short run spreads each worker's start-up (loading the "
        "resources and, for Ray, its worker runtime) over few articles. Peak memory is the "
        "largest resident set of one analysing process.",
        "",
        "| Engine | articles per second (wall) | articles per worker CPU second "
        "| driver CPU | peak RSS per worker | start-up |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for run in results["engines"]:
        if "error" in run:
            lines.append(f"| {run['label']} | failed: {run['error']} | | | | |")
            continue
        per_cpu = run.get("articles_per_worker_cpu_second")
        driver = run["driver_cpu_seconds"]
        start = f"Ray start {run['ray_start_seconds']:.1f} s" if "ray_start_seconds" in run else ""
        lines.append(
            f"| {run['label']} | {run['articles_per_second']:.2f} | "
            f"{f'{per_cpu:.2f}' if per_cpu else '–'} | "
            f"{f'{driver:.1f} s' if driver else '(same process)'} | "
            f"{run['peak_rss_mb']:.0f} MB | {start} |"
        )
    lines += [
        "",
        f"Loading the resources takes {results['resources_load_seconds']:.1f} s (wall clock) "
        f"per process (measured in the suite's process, whose own peak RSS was "
        f"{results['suite_peak_rss_mb']:.0f} MB).",
        "",
    ]
    return lines


def _length(results: dict[str, Any]) -> list[str]:
    length = results["length"]
    lines = [
        "## Cost and article length",
        "",
        f"{length['articles']:.0f} typical articles (word count nearest the median, "
        f"{length['words_per_article']:.0f} words on average) analysed alone, four and "
        "sixteen to a document (concatenated, a blank line apart): the same words at every "
        "length.",
        "",
        "| Length | seconds per document | time(k×) / (k · time(1×)) |",
        "|---|---:|---:|",
    ]
    for factor in (1, 4, 16):
        lines.append(
            f"| {factor}× | {length[f'seconds_per_document_{factor}x']:.2f} | "
            f"{length[f'ratio_{factor}x']:.2f} |"
        )
    return [*lines, ""]


def _cost_over(results: dict[str, Any], baseline: str) -> float:
    base = results["baselines"]
    return float(base["analyze_seconds"] / base[baseline])


def _rate(words: int, seconds: float) -> str:
    return f"{words / seconds:,.0f}" if seconds > 0 else "–"
