"""Events on the Wikinews articles of SpkAtt (text rebuilt from its tokens): counts per
type and a reproducible random sample for reading by hand.

    python -m benchmarks.wikinews_events [--sample 50] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter

from benchmarks.corpus import data_dir
from chronik.pipeline import analyze
from chronik.resources import Resources

_NAME = re.compile(r"^\d+ - (?P<title>.*) \((?P<date>\d{4}-\d{2}-\d{2})\)$")


def articles() -> list[tuple[str, str, str | None]]:
    found = []
    for path in sorted((data_dir() / "spkatt-news" / "train").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        match = _NAME.match(data.get("DocumentName", ""))
        title, date = (match["title"], match["date"]) if match else (path.stem, None)
        body = " ".join(" ".join(s["Tokens"]) for s in data["Sentences"])
        found.append((path.stem, f"{title}\n\n{body}", date))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    resources = Resources().warm()
    events = []
    for name, text, date in articles():
        article = analyze(text, published=date, resources=resources)
        events.extend((name, event) for event in article.events)
    counts = Counter(event.type for _, event in events)
    print(f"{len(events)} events in {len(articles())} articles")
    for kind, number in counts.most_common():
        print(f"  {kind:10} {number}")
    for name, event in random.Random(args.seed).sample(events, min(args.sample, len(events))):
        sides = (
            [a.country or a.text for a in event.source],
            [a.country or a.text for a in event.target],
        )
        print(
            f"\n[{name[:40]}] {event.type}/{event.mode} {sides[0]}->{sides[1]} "
            f"{event.modality} trigger={event.trigger.text if event.trigger else ''}"
        )
        print(f"   {event.evidence.text[:300]}")


if __name__ == "__main__":
    main()
