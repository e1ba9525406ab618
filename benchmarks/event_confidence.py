"""Does ``confidence`` order events by correctness? Figures from the hand judgements in
benchmarks/event_judgements.tsv (article id, trigger offsets, verdict; no text).

    python -m benchmarks.event_confidence            # round 1 and the current coder
    python -m benchmarks.event_confidence --judged   # round 1 only (no coder run)
    python -m benchmarks.event_confidence --all      # the current coder on all 700 articles

"Round 1" figures use every event of the coder before the fixes with the confidence it
had then. "Current" figures re-run the coder on the same articles and match its events by
trigger offsets, type, modality and actor codes to a verdict (round 2 rows judge events
that are new or changed since round 1); round-1 events no longer produced are listed
with their verdicts, and events without a verdict are printed for reading, not counted.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from chronik.model import Actor
from chronik.tables import load_table_file

JUDGEMENTS = Path(__file__).with_name("event_judgements.tsv")
Key = tuple[str, int, int]  # article id, trigger start, trigger end
Reading = tuple[str, str, str]  # type, modality, sides


def read_judgements(path: Path = JUDGEMENTS) -> list[dict[str, str]]:
    return list(load_table_file(path))


def key_of(row: dict[str, str]) -> Key:
    return row["article"], int(row["trigger_start"]), int(row["trigger_end"])


def sides(source: list[Actor], target: list[Actor]) -> str:
    """Actors as codes, the judgement file's ``sides`` column: ``DEU+FRA>IRN``."""

    def side(actors: list[Actor]) -> str:
        return "+".join(a.country or a.sector or "x" for a in actors) or "-"

    return f"{side(source)}>{side(target)}"


def ordering_auc(scored: list[tuple[float, bool]]) -> float | None:
    """Probability that a random correct event outranks a random incorrect one (ties
    count half): the area under the ROC curve of confidence as a correctness score."""
    right = [score for score, ok in scored if ok]
    wrong = [score for score, ok in scored if not ok]
    if not right or not wrong:
        return None
    wins = sum(1.0 if r > w else 0.5 if r == w else 0.0 for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def terciles(scored: list[tuple[float, bool]]) -> list[tuple[str, int, float]]:
    """Precision of the top, middle and bottom third by confidence (ties kept in
    judgement order, so equal scores may straddle a cut)."""
    ranked = sorted(scored, key=lambda item: -item[0])
    cuts = [0, round(len(ranked) / 3), round(2 * len(ranked) / 3), len(ranked)]
    out = []
    for name, low, high in zip(("top", "middle", "bottom"), cuts, cuts[1:], strict=False):
        part = ranked[low:high]
        out.append((name, len(part), sum(ok for _, ok in part) / len(part) if part else 0.0))
    return out


BINS = ((0.75, 1.01, ">= 0.75"), (0.5, 0.75, "0.50-0.75"), (0.0, 0.5, "< 0.50"))


def bins(scored: list[tuple[float, bool]]) -> list[tuple[str, int, float | None]]:
    out = []
    for low, high, name in BINS:
        part = [ok for score, ok in scored if low <= score < high]
        out.append((name, len(part), sum(part) / len(part) if part else None))
    return out


def report(title: str, scored: list[tuple[float, bool]]) -> None:
    correct = sum(ok for _, ok in scored)
    auc = ordering_auc(scored)
    print(
        f"\n{title}: {len(scored)} events, {correct} correct, precision {correct / len(scored):.2f}"
    )
    print(f"  ordering AUC {auc:.3f}" if auc is not None else "  ordering AUC n/a")
    for name, size, precision in terciles(scored):
        print(f"  tercile {name:6} n={size:2}  precision {precision:.2f}")
    for name, size, value in bins(scored):
        shown = f"{value:.2f}" if value is not None else "-"
        print(f"  confidence {name:9} n={size:2}  precision {shown}")


def current_events(ids: set[str] | None) -> dict[Key, tuple[float, Reading, str]]:
    """Events of the current coder on the given articles (None: all 700):
    key -> (confidence, reading, evidence text)."""
    from benchmarks.wikinews_events import articles
    from chronik.pipeline import analyze
    from chronik.resources import Resources

    resources = Resources().warm()
    found: dict[Key, tuple[float, Reading, str]] = {}
    for name, text, date in articles():
        article_id = name.split(" - ")[0]
        if ids is not None and article_id not in ids:
            continue
        for event in analyze(text, published=date, resources=resources).events:
            if event.trigger is None:
                continue
            key = (article_id, event.trigger.start, event.trigger.end)
            reading = (event.type, event.modality, sides(event.source, event.target))
            found[key] = (event.confidence, reading, event.evidence.text)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--judged", action="store_true", help="judged-time figures only")
    parser.add_argument("--file", type=Path, default=JUDGEMENTS)
    parser.add_argument(
        "--all", action="store_true", help="run on all 700 articles, not only the judged ones"
    )
    args = parser.parse_args()
    rows = read_judgements(args.file)
    first = [row for row in rows if row["round"] == "1"]
    classes = Counter(row["error_class"] for row in first if row["verdict"] != "correct")
    before = [(float(r["confidence_judged"]), r["verdict"] == "correct") for r in first]
    report("Round 1, confidence at judging time", before)
    print("  error classes: " + ", ".join(f"{k} {n}" for k, n in classes.most_common()))
    kinds = Counter(row["type"] for row in first)
    print("  types: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    if args.judged:
        return
    verdicts: dict[tuple[Key, Reading], dict[str, str]] = {}
    for row in sorted(rows, key=lambda r: r["round"]):  # a later round's verdict wins
        verdicts[(key_of(row), (row["type"], row["modality"], row["sides"]))] = row
    now = current_events(None if args.all else {row["article"] for row in rows})
    if args.all:
        counts = Counter(reading[0] for _, reading, _ in now.values())
        print(f"\nCurrent coder: {len(now)} events in the 700 articles")
        print("  " + ", ".join(f"{kind} {n}" for kind, n in counts.most_common()))
    same = [
        (confidence, verdicts[(key, reading)]["verdict"] == "correct")
        for key, (confidence, reading, _) in now.items()
        if (key, reading) in verdicts
    ]
    round_one = {key_of(row): row for row in first}
    dropped = Counter(
        (row["verdict"], row["error_class"]) for key, row in round_one.items() if key not in now
    )
    scope = "all 700 articles" if args.all else "the judged articles"
    report(f"Current coder on {scope}, its events with a verdict", same)
    listed = ", ".join(f"{v}{'/' + c if c else ''} {n}" for (v, c), n in dropped.most_common())
    print(f"  round-1 events no longer produced: {listed or 'none'}")
    for key, row in sorted(round_one.items()):
        if key not in now and row["verdict"] == "correct":
            print(f"    lost correct: {key[0]} {key[1]}-{key[2]} {row['type']} {row['sides']}")
    unjudged = {k: v for k, v in now.items() if (k, v[1]) not in verdicts}
    print(f"  events without a verdict for their current reading: {len(unjudged)}")
    for (article, start, end), (confidence, reading, text) in sorted(unjudged.items()):
        cells = [article, str(start), str(end), *reading, str(confidence), text[:200]]
        print("    " + "\t".join(cells))


if __name__ == "__main__":
    main()
