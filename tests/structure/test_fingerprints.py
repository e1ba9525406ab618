from __future__ import annotations

from pathlib import Path

import pytest

from chronik.errors import UsageError
from chronik.pipeline import to_structure
from chronik.settings import Settings
from chronik.structure import Fingerprints, learn_fingerprints, segment

FOOTER = "Unsere Redaktion prüft alle Beiträge sorgfältig vor der Veröffentlichung am {n}."


TOPICS = ["Hafen", "Haushalt", "Schulen", "Brücke", "Wahl", "Klinik"]


def _articles(count: int) -> list[tuple[str | None, str]]:
    return [
        (
            "Kurier Nord",
            f"Titel {topic}\n\nEine Meldung über {topic} mit eigenem Inhalt.\n\n"
            f"{FOOTER.format(n=n)}",
        )
        for n, topic in enumerate(TOPICS[:count])
    ]


def test_fingerprints_learn_recurring_paragraphs_per_outlet() -> None:
    fingerprints = learn_fingerprints(_articles(5))
    assert fingerprints.matches("Kurier Nord", FOOTER.format(n=99))
    assert not fingerprints.matches("Kurier Nord", "Eine Meldung über Wahl mit eigenem Inhalt.")
    assert not fingerprints.matches("Anderes Blatt", FOOTER.format(n=1))


def test_fingerprints_need_enough_documents() -> None:
    assert len(learn_fingerprints(_articles(2), Settings(fingerprint_min_documents=3))) == 0


def test_fingerprints_flag_boilerplate_in_segmentation() -> None:
    fingerprints = learn_fingerprints(_articles(4))
    text = (
        "Neue Meldung\n\nEin Vorspann mit einem Satz darüber.\n\nDer Text des Artikels "
        f"folgt hier.\n\n{FOOTER.format(n=2024)}"
    )
    structure = to_structure(segment(text, fingerprints=fingerprints, outlet="Kurier Nord"), text)
    assert [item.kind for item in structure.boilerplate] == ["recurring"]


def test_fingerprints_save_and_load(tmp_path: Path) -> None:
    fingerprints = learn_fingerprints(_articles(4))
    fingerprints.save(tmp_path / "fp.json")
    assert Fingerprints.load(tmp_path / "fp.json").by_outlet == fingerprints.by_outlet


def test_fingerprints_load_rejects_other_files(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(UsageError, match="not a fingerprint file"):
        Fingerprints.load(tmp_path / "x.json")
