"""Segmentation of pages written for these tests in the styles of several outlets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronik.pipeline import to_structure
from chronik.structure import segment

PAGES = Path(__file__).parent / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))


def _structure(name: str):  # type: ignore[no-untyped-def]
    text = (PAGES / name).read_text(encoding="utf-8")
    return text, to_structure(segment(text), text)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_segment_rubric_title_lead(name: str) -> None:
    _, structure = _structure(name)
    expected = EXPECTED[name]
    assert (structure.rubric.text if structure.rubric else None) == expected["rubric"]
    assert (structure.title.text if structure.title else None) == expected["title"]
    assert structure.lead is not None
    assert structure.lead.text.startswith(expected["lead_starts"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_segment_captions_and_credits(name: str) -> None:
    _, structure = _structure(name)
    found = [
        {"caption": c.span.text, "credit": c.credit.text if c.credit else None}
        for c in structure.captions
    ]
    assert found == EXPECTED[name]["captions"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_segment_related_lines(name: str) -> None:
    _, structure = _structure(name)
    assert [span.text for span in structure.related] == EXPECTED[name]["related"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_segment_boilerplate_kinds(name: str) -> None:
    _, structure = _structure(name)
    assert [item.kind for item in structure.boilerplate] == EXPECTED[name]["boilerplate_kinds"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_segment_body_paragraphs(name: str) -> None:
    _, structure = _structure(name)
    starts = EXPECTED[name]["body_starts"]
    assert len(structure.body) == len(starts)
    for span, start in zip(structure.body, starts, strict=True):
        assert span.text.startswith(start)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_segment_dateline(name: str) -> None:
    _, structure = _structure(name)
    expected = EXPECTED[name].get("dateline")
    assert (structure.dateline.text if structure.dateline else None) == expected


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_segment_spans_index_the_text(name: str) -> None:
    text, structure = _structure(name)
    spans = [
        structure.rubric,
        structure.title,
        structure.lead,
        structure.dateline,
        *structure.body,
        *structure.related,
        *(b.span for b in structure.boilerplate),
        *(c.span for c in structure.captions),
        *(c.credit for c in structure.captions),
    ]
    for span in spans:
        if span is not None:
            assert text[span.start : span.end] == span.text


def test_segment_glued_credit_is_split_from_its_caption() -> None:
    text = (
        "Titel der Meldung über Gespräche\n\nDer Vorspann mit einem ganzen Satz über die "
        "Lage.\nZwei Minister beim Treffen in RigaQuelle: Sputnik © Max Muster\n\nDer "
        "Text geht weiter mit einem Satz.\n\nUnd noch einem Absatz danach."
    )
    structure = to_structure(segment(text), text)
    [caption] = structure.captions
    assert caption.span.text == "Zwei Minister beim Treffen in Riga"
    assert caption.credit is not None and caption.credit.text == "Sputnik © Max Muster"


@pytest.mark.parametrize(
    "line",
    [
        "Video: Kanzler trifft Gewerkschaften in Berlin",
        "Quelle: Die Zahl der Anträge stieg im Mai deutlich an, wie das Amt meldete.",
    ],
)
def test_segment_label_before_a_headline_is_not_a_credit(line: str) -> None:
    text = f"{line}\n\nEin erster Absatz mit Text.\n\nEin zweiter Absatz mit mehr Text."
    assert to_structure(segment(text), text).captions == []


def test_segment_quote_with_first_person_plural_is_not_boilerplate() -> None:
    text = (
        'Titel\n\nDer Vorspann steht hier und erzählt etwas.\n\n"Wir werden unsere Arbeit '
        'fortsetzen und unsere Partner unterstützen", sagte der Minister.\n\nEnde.'
    )
    structure = to_structure(segment(text), text)
    assert structure.boilerplate == []


def test_segment_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Titel der Meldung\n\n"
        "Die Delegationen verhandelten bis in die Nacht über die Einzelheiten des\n"
        "Abkommens, das im kommenden Jahr in Kraft treten und den Handel zwischen\n"
        "beiden Staaten erleichtern soll.\n\nZweiter Absatz."
    )
    units = segment(text).units
    assert [u.text.split()[0] for u in units] == ["Titel", "Die", "Zweiter"]


def test_segment_single_paragraph_has_no_title() -> None:
    text = "Ein einziger Absatz ohne Überschrift, wie er aus manchen Feeds kommt."
    structure = to_structure(segment(text), text)
    assert structure.title is None and len(structure.body) == 1


def test_segment_title_hint_wins_over_guess() -> None:
    text = "Politik\n\nKurz\n\nEin Absatz mit einem Satz.\n\nNoch ein Absatz mit Text."
    structure = to_structure(segment(text, title_hint="Kurz"), text)
    assert structure.title is not None and structure.title.text == "Kurz"
    assert structure.rubric is not None and structure.rubric.text == "Politik"
