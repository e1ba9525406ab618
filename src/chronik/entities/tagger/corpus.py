"""Name-annotated sentences written by Chronik's developers, to train the name tagger.

GermEval 2014 dev is the only labelled German text with a licence that lets a model
trained on it ship, and 2,200 sentences teach a CRF few contexts. The files under
``training/ner/`` add sentences written for Chronik (same licence as the code), one
sentence per line, names in square brackets with their GermEval type after a bar::

    # comment lines start with a hash
    [Olaf Scholz|PER] reiste am Montag nach [Kiew|LOC].
    Der [SPD-Chef|ORGpart] lobte die [deutschen|LOCderiv] Hilfen.

Types are PER, ORG, LOC and OTH, optionally with ``deriv`` or ``part``; as in
``read_germeval_outer`` the deriv and part spans train as O, but marking them keeps the
files complete. The text is tokenised with SoMaJo, as the pipeline tokenises articles,
and every name must cover whole tokens.

    python -m chronik.entities.tagger.corpus training/ner/*.txt   # check and count
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from chronik.errors import UsageError
from chronik.language.de.tokens import GermanTokenizer

NAME = re.compile(r"\[([^\[\]|]+)\|(PER|ORG|LOC|OTH)(deriv|part)?\]")
STRAY = re.compile(r"[\[\]|]")
SOURCE = "chronik-written"  # source label of these sentences (counts as news)


@dataclass(frozen=True)
class AnnotatedSentence:
    tokens: tuple[str, ...]
    labels: tuple[str, ...]  # BIO over PER/ORG/LOC/OTH (deriv and part as O)
    names: tuple[tuple[str, str], ...]  # (text, type with suffix), every marked span


def parse_line(line: str, tokenizer: GermanTokenizer) -> AnnotatedSentence:
    """One annotated line; raises ``ValueError`` saying what is wrong with it."""
    text_parts: list[str] = []
    spans: list[tuple[int, int, str, str]] = []
    length, position = 0, 0
    for match in NAME.finditer(line):
        before = line[position : match.start()]
        text_parts.append(before)
        length += len(before)
        name, kind, suffix = match.group(1), match.group(2), match.group(3) or ""
        if name != name.strip():
            raise ValueError(f"name {name!r} has leading or trailing space")
        spans.append((length, length + len(name), kind, suffix))
        text_parts.append(name)
        length += len(name)
        position = match.end()
    text_parts.append(line[position:])
    text = "".join(text_parts)
    if STRAY.search(text):
        raise ValueError("a bracket or bar outside a well-formed [name|TYPE]")
    # As the pipeline tokenises (with its fix of false abbreviations such as ``Italien.``).
    offsets = [
        pair for sentence in tokenizer.sentences(text, 0, len(text)) for pair in sentence.offsets
    ]
    starts = {start: index for index, (start, _) in enumerate(offsets)}
    ends = {end: index for index, (_, end) in enumerate(offsets)}
    labels = ["O"] * len(offsets)
    names = []
    for start, end, kind, suffix in spans:
        first, last = starts.get(start), ends.get(end)
        if first is None or last is None:
            raise ValueError(f"name {text[start:end]!r} does not cover whole tokens")
        names.append((text[start:end], kind + suffix))
        if not suffix:
            labels[first : last + 1] = [f"B-{kind}"] + [f"I-{kind}"] * (last - first)
    tokens = tuple(text[start:end] for start, end in offsets)
    return AnnotatedSentence(tokens, tuple(labels), tuple(names))


def read_annotated(path: Path, tokenizer: GermanTokenizer | None = None) -> list[AnnotatedSentence]:
    """Every sentence of one file; ``UsageError`` names the file and line of a bad one."""
    sentences, problems = check(path, tokenizer)
    if problems:
        raise UsageError(problems[0])
    return sentences


def check(
    path: Path, tokenizer: GermanTokenizer | None = None
) -> tuple[list[AnnotatedSentence], list[str]]:
    """The good sentences of one file and a ``file:line: reason`` for each bad one."""
    tokenizer = tokenizer or GermanTokenizer()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        return [], [f"{path}: cannot read ({error})"]
    sentences, problems = [], []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            sentences.append(parse_line(line.strip(), tokenizer))
        except ValueError as error:
            problems.append(f"{path}:{number}: {error}")
    return sentences, problems


def summary(sentences: Sequence[AnnotatedSentence]) -> str:
    kinds = Counter(kind for sentence in sentences for _, kind in sentence.names)
    distinct = len({name for sentence in sentences for name in sentence.names})
    empty = sum(not sentence.names for sentence in sentences)
    tokens = sum(len(sentence.tokens) for sentence in sentences)
    counts = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
    return (
        f"{len(sentences)} sentences, {tokens} tokens, {empty} without names; "
        f"{sum(kinds.values())} names ({distinct} distinct): {counts}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    paths = [Path(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    if not paths:
        print("usage: python -m chronik.entities.tagger.corpus FILE...", file=sys.stderr)
        return 2
    tokenizer = GermanTokenizer()
    failed = False
    for path in paths:
        sentences, problems = check(path, tokenizer)
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        failed = failed or bool(problems)
        print(f"{path}: {summary(sentences)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
