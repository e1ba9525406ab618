"""Segment a scraped page into its parts.

Order of the passes matters: related-article lines and strong boilerplate first (they
can look like captions or titles), then captions, then the head (rubric, title, lead),
then the tail, where weaker boilerplate cues suffice. Everything left is body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chronik.structure.captions import find_credit
from chronik.structure.cues import StructureCues
from chronik.structure.fingerprints import Fingerprints
from chronik.structure.head import mark_head
from chronik.structure.paragraphs import Unit, split_units
from chronik.structure.prefilter import Probe

STRONG, WEAK = 1.0, 0.5
# Lines following a bare "Mehr zum Thema:" that are headlines, not prose.
_MAX_RELATED_FOLLOWERS = 6
_MAX_HEADLINE_CHARS = 200
ANALYSED_ROLES = frozenset({"title", "lead", "body"})


@dataclass
class Segmentation:
    """Units with their roles, plus the offsets of captions, credits, related headlines."""

    units: list[Unit]
    captions: list[tuple[tuple[int, int], tuple[int, int] | None]] = field(default_factory=list)
    related: list[tuple[int, int]] = field(default_factory=list)
    dateline: tuple[int, int] | None = None

    def role(self, name: str) -> list[Unit]:
        return [unit for unit in self.units if unit.role == name]

    def analysed(self) -> list[Unit]:
        """Title, lead and body: the text later stages read. The rest is kept out."""
        return [unit for unit in self.units if unit.role in ANALYSED_ROLES]


def segment(
    text: str,
    cues: StructureCues | None = None,
    *,
    fingerprints: Fingerprints | None = None,
    outlet: str | None = None,
    title_hint: str | None = None,
) -> Segmentation:
    cues = cues or StructureCues.load()
    result = Segmentation(split_units(text))
    scores = [boilerplate_score(unit.text, cues) for unit in result.units]
    _mark_related(result, cues)
    _mark_boilerplate(result.units, scores, STRONG)
    if fingerprints is not None:
        _mark_recurring(result.units, fingerprints, outlet)
    _mark_captions(result, cues)
    mark_head(result.units, title_hint)
    _mark_tail(result.units, scores)
    result.dateline = _split_dateline(result.units, text)
    return result


def boilerplate_score(text: str, cues: StructureCues) -> tuple[float, str | None]:
    """Sum of the weights of the distinct cues found, and the kind of the heaviest."""
    total, best, kind = 0.0, 0.0, None
    probe = Probe(text)
    for cue in cues.boilerplate:
        if probe.may_match(cue.required) and cue.pattern.search(text):
            total += cue.weight
            if cue.weight > best:
                best, kind = cue.weight, cue.kind
    return total, kind


def _mark_related(result: Segmentation, cues: StructureCues) -> None:
    units = result.units
    index = 0
    while index < len(units):
        unit = units[index]
        match = cues.related_line.match(unit.text)
        if match is not None and len(match.group("headline")) <= _MAX_HEADLINE_CHARS:
            unit.role = "related"
            result.related.append((unit.start + match.start("headline"), unit.end))
        elif cues.related_alone.match(unit.text):
            unit.role, unit.kind = "boilerplate", "navigation"
            followers = units[index + 1 : index + 1 + _MAX_RELATED_FOLLOWERS]
            for follower in followers:
                # The linked headlines form one block, right after the marker.
                if not _headline_like(follower) or follower.block != followers[0].block:
                    break
                follower.role = "related"
                result.related.append((follower.start, follower.end))
                index += 1
        index += 1


def _headline_like(unit: Unit) -> bool:
    return len(unit.text) <= _MAX_HEADLINE_CHARS and not unit.text.endswith((".", ":"))


def _mark_boilerplate(
    units: list[Unit], scores: list[tuple[float, str | None]], threshold: float
) -> None:
    for unit, (score, kind) in zip(units, scores, strict=True):
        if unit.role == "body" and score >= threshold:
            unit.role, unit.kind = "boilerplate", kind or "other"


def _mark_recurring(units: list[Unit], fingerprints: Fingerprints, outlet: str | None) -> None:
    for unit in units:
        if unit.role == "body" and fingerprints.matches(outlet, unit.text):
            unit.role, unit.kind = "boilerplate", "recurring"


def _mark_captions(result: Segmentation, cues: StructureCues) -> None:
    for unit in result.units:
        if unit.role != "body":
            continue
        credit = find_credit(unit.text, cues)
        if credit is None:
            continue
        unit.role = "caption"
        credit_span = (unit.start + credit.credit_start, unit.start + credit.credit_end)
        if credit.caption_end > 0:
            caption_span = (unit.start, unit.start + credit.caption_end)
        else:
            caption_span = (unit.start, unit.end)
        result.captions.append((caption_span, credit_span))


def _mark_tail(units: list[Unit], scores: list[tuple[float, str | None]]) -> None:
    """After a related line, and in the run of paragraphs closing the page, weak cues suffice."""
    after_related = False
    for unit, (score, kind) in zip(units, scores, strict=True):
        after_related = after_related or unit.role == "related"
        if after_related and unit.role == "body" and score >= WEAK:
            unit.role, unit.kind = "boilerplate", kind or "other"
    for unit, (score, kind) in reversed(list(zip(units, scores, strict=True))):
        if unit.role in ("boilerplate", "related", "caption"):
            continue
        if unit.role != "body" or score < WEAK:
            break
        unit.role, unit.kind = "boilerplate", kind or "other"


# "Wien – ", "MOSKAU (dpa) - ", "Berlin (Reuters) –": place, optional agency, dash.
_DATELINE = re.compile(
    r"(?:^|(?<=[.!?…\"“”] ))(?P<place>[A-ZÄÖÜ][\w.\-]*(?:[ /-][A-ZÄÖÜ][\w.\-]*){0,2})"
    r"(?:\s?\((?P<agency>[^()\n]{1,40})\))?\s?(?:[–—]|--?|(?<=\))[.:])\s(?=[\"„»A-ZÄÖÜ0-9])"
)
_DATELINE_SEARCH_CHARS = 600


def _split_dateline(units: list[Unit], text: str) -> tuple[int, int] | None:
    """The dateline place of the first lead or body paragraph. A dateline after the first
    sentence of a one-line article separates its lead from its body."""
    first = next((u for u in units if u.role in ("lead", "body")), None)
    if first is None:
        return None
    match = _DATELINE.search(first.text[:_DATELINE_SEARCH_CHARS])
    if match is None:
        return None
    place = (first.start + match.start("place"), first.start + match.end("place"))
    if match.start() > 0 and first.role == "body" and not any(u.role == "lead" for u in units):
        lead_end = first.start + len(first.text[: match.start()].rstrip())
        lead = Unit(first.start, lead_end, text[first.start : lead_end], first.block, "lead")
        first.start = first.start + match.start()
        first.text = text[first.start : first.end]
        units.insert(units.index(first), lead)
    return place
