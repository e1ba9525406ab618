"""Cutting an article's text into segments: overlapping and nested marks, anchors, records."""

from __future__ import annotations

import pytest

from chronik.interfaces.web.highlight import Mark, dom_id, records, segments, split
from chronik.model import Actor, Article, Entity, Event, Mention, Quote, Span, Structure

TEXT = "Lawrow traf Szijjártó in Wien."


def _covering(found: list, classes: str) -> str:  # type: ignore[type-arg]
    return "".join(s.text for s in found if classes in s.classes)


def test_highlight_segments_rebuild_the_text() -> None:
    found = split(TEXT, [Mark(0, 6, ("a",), "A"), Mark(12, 21, ("b",), "B")])
    assert "".join(s.text for s in found) == TEXT
    assert [s.text for s in found if s.classes] == ["Lawrow", "Szijjártó"]


def test_highlight_crossing_marks_are_split_where_they_cross() -> None:
    found = split(TEXT, [Mark(0, 11, ("x",), "X"), Mark(7, 21, ("y",), "Y")])
    assert [(s.text, s.classes) for s in found[:3]] == [
        ("Lawrow ", ["x"]),
        ("traf", ["x", "y"]),
        (" Szijjártó", ["y"]),
    ]
    assert found[1].title == "X\nY"


def test_highlight_nested_marks_keep_the_outer_one() -> None:
    outer = Mark(0, 30, ("quote",), "quote", record="quote-q1", anchor="quote-q1")
    inner = Mark(25, 29, ("ent",), "GPE Wien", record="entity-e1", anchor="entity-e1")
    found = split(TEXT, [inner, outer])
    assert _covering(found, "quote") == TEXT
    wien = next(s for s in found if "ent" in s.classes)
    assert (wien.text, wien.records, wien.anchors) == (
        "Wien",
        ["quote-q1", "entity-e1"],
        ["entity-e1"],
    )
    # The anchor of a mark is on the segment where it starts, and only there.
    assert [s.anchors for s in found] == [["quote-q1"], ["entity-e1"], []]


@pytest.mark.parametrize(
    "bad",
    [
        Mark(5, 5, ("e",), "empty"),
        Mark(20, 10, ("r",), "reversed"),
        Mark(25, 99, ("o",), "outside"),
    ],
)
def test_highlight_invalid_spans_are_ignored(bad: Mark) -> None:
    found = split(TEXT, [bad])
    assert [(s.text, s.classes) for s in found] == [(TEXT, [])]


def _article() -> Article:
    return Article(
        id="a1",
        text=TEXT,
        language="de",
        structure=Structure(related=[Span.of(TEXT, 25, 30)]),
        entities=[
            Entity(
                id="e1",
                name="Sergej Lawrow",
                type="PER",
                country="RUS",
                mentions=[Mention(start=0, end=6, text="Lawrow", kind="name")],
            ),
        ],
        quotes=[
            Quote(
                id="q1",
                form="indirect",
                content=Span.of(TEXT, 12, 29),
                cue=Span.of(TEXT, 7, 11),
                speaker="e1",
                speaker_span=Span.of(TEXT, 0, 6),
            ),
        ],
        events=[
            Event(
                id="ev/1",
                type="CONSULT",
                source=[Actor(entity="e1", text="Lawrow", country="RUS")],
                target=[Actor(text="Szijjártó", country="HUN")],
                evidence=Span.of(TEXT, 0, 30),
                trigger=Span.of(TEXT, 7, 11),
                confidence=0.8,
                modality="asserted",
            )
        ],
    )


def test_highlight_article_marks_every_layer() -> None:
    found = segments(_article())
    traf = next(s for s in found if s.text == "traf")
    assert {"cue", "trigger", "t-CONSULT"} <= set(traf.classes)
    assert traf.anchors == ["event-ev_1"]
    assert "CONSULT (asserted): Lawrow (RUS) → Szijjártó (HUN)" in traf.labels
    lawrow = next(s for s in found if s.text == "Lawrow")
    assert {"ent", "e-PER", "speaker"} <= set(lawrow.classes)
    assert "speaker: Sergej Lawrow" in lawrow.labels
    assert _covering(found, "zone-grey") == "Wien."


def test_highlight_records_name_speakers_and_event_fields() -> None:
    views = {view.id: view for view in records(_article())}
    event = dict(views[dom_id("event", "ev/1")].fields)
    assert event["PLOVER type"] == "CONSULT"
    assert event["source"] == "Lawrow (RUS)"
    assert event["confidence"] == "0.80"
    assert dict(views["quote-q1"].fields)["speaker"] == "Sergej Lawrow"
    assert dom_id("event", 'x"><script>') == "event-x___script_"
