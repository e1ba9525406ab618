"""Error analysis of quotation attribution on SpkAtt gold files: what is missed and what is
wrong, by class, to decide which rule to write next.

    python -m benchmarks.quotes_errors [--set spkatt-news/train] [--limit 100] [--show 15]

Prints the scores, the gold speech events without any predicted match (by form and cue
words), the predicted events without a gold match (by cue words), and how matched source
spans differ (ours empty, shorter, longer, elsewhere).
"""

from __future__ import annotations

import argparse
from collections import Counter

from benchmarks.corpus import data_dir
from chronik.evaluation.quotes_eval import RoleCounts, match, predict
from chronik.evaluation.spkatt import ROLES, SpeechEvent, SpkAttDocument, read_directory
from chronik.resources import Resources


def words(document: SpkAttDocument, ids: frozenset[tuple[int, int]]) -> str:
    return " ".join(document.sentences[s][t] for s, t in sorted(ids)).lower()


def source_difference(gold: SpeechEvent, predicted: SpeechEvent) -> str:
    ours, theirs = predicted.roles["Source"], gold.roles["Source"]
    if ours == theirs:
        return "same"
    if not ours:
        return "ours empty"
    if not theirs:
        return "gold empty"
    if not ours & theirs:
        return "elsewhere"
    return "ours shorter" if ours < theirs else "ours longer" if theirs < ours else "overlapping"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", default="spkatt-news/train")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=15)
    args = parser.parse_args()
    resources = Resources().warm()
    documents = read_directory(data_dir() / args.set)
    documents = documents[: args.limit] if args.limit else documents
    counts = RoleCounts()
    missed: Counter[tuple[str | None, str]] = Counter()
    wrong: Counter[tuple[str | None, str]] = Counter()
    sources: Counter[str] = Counter()
    for document in documents:
        gold, predicted = list(document.events), predict(resources, document)
        counts.add(gold, predicted)
        pairs = match(gold, predicted)
        matched_gold = {id(g) for g, _ in pairs}
        matched_predicted = {id(p) for _, p in pairs}
        for event in gold:
            if id(event) not in matched_gold:
                missed[(event.form, words(document, event.roles["Cue"]))] += 1
        for event in predicted:
            if id(event) not in matched_predicted:
                wrong[(event.form, words(document, event.roles["Cue"]))] += 1
        sources.update(source_difference(g, p) for g, p in pairs)
    for role in (*ROLES, None):
        precision, recall, f1 = counts.scores(role)
        print(f"{role or 'joint':8} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    print(f"\nmissed gold events: {sum(missed.values())}")
    for (form, cue), number in missed.most_common(args.show):
        print(f"  {number:4}  {form}  {cue or '(no cue)'}")
    print(f"\npredicted events without a gold match: {sum(wrong.values())}")
    for (form, cue), number in wrong.most_common(args.show):
        print(f"  {number:4}  {form}  {cue or '(no cue)'}")
    print("\nsource spans of matched events:")
    for kind, number in sources.most_common():
        print(f"  {number:4}  {kind}")


if __name__ == "__main__":
    main()
