r"""Fuzz structure segmentation: any text → units, roles, captions, related lines, dateline.

Properties: no exception; every unit and span lies inside the text with start ≤ end and
its text is the text it covers; units are in order and do not overlap; every role is a
known one. Bounded run (CI): tests/robustness/test_fuzz.py. Long run (manual):

    python fuzz/fuzz_structure.py -dict=fuzz/structure.dict \
        -max_total_time=3600 fuzz-corpus/structure fuzz/seeds/structure
"""

from __future__ import annotations

import sys

ROLES = frozenset({"rubric", "title", "lead", "body", "caption", "related", "boilerplate"})


def check_structure(data: bytes) -> None:
    """Segment the text of one input; raise when a property does not hold."""
    from chronik.pipeline import to_structure
    from chronik.structure.segment import segment

    text = data.decode("utf-8", errors="replace")
    segmentation = segment(text)
    previous_end = 0
    for unit in segmentation.units:
        _check_span(text, unit.start, unit.end, "unit")
        if unit.text != text[unit.start : unit.end]:
            raise RuntimeError(f"unit text {unit.text!r} is not its span")
        if unit.start < previous_end:
            raise RuntimeError(f"unit at {unit.start} overlaps the one before")
        if unit.role not in ROLES:
            raise RuntimeError(f"unknown role {unit.role!r}")
        previous_end = unit.end
    for caption, credit in segmentation.captions:
        _check_span(text, *caption, "caption")
        if credit is not None:
            _check_span(text, *credit, "credit")
    for related in segmentation.related:
        _check_span(text, *related, "related line")
    if segmentation.dateline is not None:
        _check_span(text, *segmentation.dateline, "dateline")
    to_structure(segmentation, text)  # the records validate (pydantic: ge=0)


def _check_span(text: str, start: int, end: int, what: str) -> None:
    if not 0 <= start <= end <= len(text):
        raise RuntimeError(f"{what} ({start}, {end}) not inside a text of {len(text)}")


def main() -> None:
    import atheris

    with atheris.instrument_imports(include=["chronik"]):
        import chronik.pipeline
        import chronik.structure.segment  # noqa: F401
    atheris.Setup(sys.argv, check_structure)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
