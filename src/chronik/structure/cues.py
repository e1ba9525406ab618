"""The cue lists of segmentation, compiled once from the data files next to this module."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chronik.errors import ResourceError
from chronik.structure.prefilter import Required, required_words
from chronik.tables import load_table

# Separators between a related-article marker and the linked headline.
_RELATED_SEPARATOR = r"\s*(?:[-–—:»>|•]+|\s-)\s*"


@dataclass(frozen=True)
class BoilerplateCue:
    kind: str
    weight: float
    pattern: re.Pattern[str]
    required: Required | None = None  # words the pattern cannot match without


@dataclass(frozen=True)
class StructureCues:
    """Compiled cues: related-article markers, credit labels and agencies, boilerplate cues."""

    related_line: re.Pattern[str]
    related_alone: re.Pattern[str]
    credit_label: re.Pattern[str]
    credit_agency: re.Pattern[str]
    boilerplate: tuple[BoilerplateCue, ...]

    @classmethod
    @cache
    def load(cls) -> StructureCues:
        markers = sorted(
            load_table(__package__, "related.tsv").column("marker"), key=len, reverse=True
        )
        marker = "|".join(re.escape(m) for m in markers)
        credits = load_table(__package__, "credits.tsv")
        labels = sorted((r["text"] for r in credits if r["kind"] == "label"), key=len, reverse=True)
        agencies = sorted(
            (r["text"] for r in credits if r["kind"] == "agency"), key=len, reverse=True
        )
        return cls(
            related_line=re.compile(
                rf"^(?:{marker}){_RELATED_SEPARATOR}(?P<headline>\S.*)$", re.IGNORECASE
            ),
            related_alone=re.compile(rf"^(?:{marker})\s*[:.…»>]?$", re.IGNORECASE),
            credit_label=_credit_label_pattern(labels),
            credit_agency=_agency_pattern(agencies),
            boilerplate=_boilerplate_cues(),
        )


def _credit_label_pattern(labels: list[str]) -> re.Pattern[str]:
    label = "|".join(re.escape(item) for item in labels)
    # The label starts the line, follows a space or bracket, or is glued to the end of the
    # caption ("auszubauenQuelle:"); a copyright sign alone also opens a credit.
    return re.compile(
        rf"(?:(?<=[\s(\[])|(?<=[a-zäöüß.!?\"“”»)])|^)(?P<label>(?:{label})\s*:|©)\s*(?P<credit>[^:]+)$"
    )


def _agency_pattern(agencies: list[str]) -> re.Pattern[str]:
    agency = "|".join(re.escape(item) for item in agencies)
    name = r"[A-ZÄÖÜ][\w.\-]+(?:\s[A-ZÄÖÜ][\w.\-]+){0,2}"
    # "REUTERS/Maxim Name", "picture alliance / dpa | Name", "Foto-Name/AFP" at the line end.
    return re.compile(
        rf"(?:^|(?<=[.!?)\s]))(?P<credit>(?:{name}\s?/\s?)?(?:{agency})(?:\s?[/|]\s?{name}){{0,3}}"
        rf"(?:\s(?:via|for)\s(?:{agency}))?)\s*$"
    )


def _boilerplate_cues() -> tuple[BoilerplateCue, ...]:
    cues = []
    for number, row in enumerate(load_table(__package__, "boilerplate.tsv"), start=1):
        try:
            pattern = re.compile(row["pattern"])
            cues.append(
                BoilerplateCue(
                    row["kind"], float(row["weight"]), pattern, required_words(row["pattern"])
                )
            )
        except (re.error, ValueError) as error:
            raise ResourceError(f"boilerplate.tsv row {number}: {error}") from error
    return tuple(cues)
