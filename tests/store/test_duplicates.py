"""Near-duplicate articles: rewritten copies of one report group, other reports do not."""

from __future__ import annotations

import json
from pathlib import Path

from chronik.resources import Resources
from chronik.store import ingest
from chronik.store.duplicates import content_text, shingles

from .conftest import rows

TITLE = "Stadtrat beschließt neuen Plan für den Nahverkehr in Graz"
PARAGRAPHS = (
    "Der Grazer Stadtrat hat am Montagabend nach einer langen Sitzung einen neuen Plan "
    "für den öffentlichen Nahverkehr beschlossen. Bis zum Jahr 2030 sollen drei neue "
    "Straßenbahnlinien gebaut und die Takte der Busse in den Außenbezirken verdichtet "
    "werden. Die Kosten werden auf rund 400 Millionen Euro geschätzt.",
    "Bürgermeisterin Elke Kahr sprach von einem wichtigen Tag für die Stadt. Die "
    "Opposition kritisierte dagegen, dass die Finanzierung noch nicht gesichert sei und "
    "das Land bisher keine Zusage für seinen Anteil gegeben habe. Der Verkehrsclub "
    "begrüßte die Entscheidung und forderte einen raschen Baubeginn.",
    "Die erste neue Linie soll den Hauptbahnhof mit dem Stadtteil Reininghaus verbinden, "
    "wo in den nächsten Jahren Wohnungen für mehr als zehntausend Menschen entstehen. "
    "Anrainer befürchten Lärm während der Bauzeit, die Stadt verspricht eine frühe "
    "Information aller Betroffenen.",
    "Über die weiteren Linien soll im Herbst im Detail beraten werden. Dann will der "
    "Stadtrat auch über neue Park-and-Ride-Anlagen am Stadtrand entscheiden, die "
    "Pendlerinnen und Pendler aus dem Umland zum Umsteigen bewegen sollen.",
)
BOILERPLATE_A = "Abonnieren Sie jetzt unseren Newsletter!"
BOILERPLATE_B = "Folgen Sie uns auch auf Telegram und Facebook."
OTHER = (
    "Grazer Verkehrsbetriebe melden mehr Fahrgäste",
    "Die Grazer Verkehrsbetriebe haben im vergangenen Jahr so viele Fahrgäste befördert "
    "wie noch nie. Mehr als 110 Millionen Fahrten wurden gezählt, ein Plus von acht "
    "Prozent. Vor allem die Straßenbahnlinien in den Süden der Stadt seien stark "
    "ausgelastet, sagte ein Sprecher. Die Betriebe wollen deshalb neue Fahrzeuge kaufen "
    "und mehr Fahrerinnen und Fahrer einstellen. Der Nahverkehr in Graz sei attraktiv "
    "wie nie, die Stadt müsse aber beim Ausbau der Linien schneller werden.",
)


def _text(title: str, paragraphs: tuple[str, ...] | list[str], boilerplate: str = "") -> str:
    return "\n\n".join([title, *paragraphs, *([boilerplate] if boilerplate else [])]) + "\n"


def _record(article_id: str, text: str, published: str, outlet: str) -> str:
    fields = {"id": article_id, "text": text, "published": published, "outlet": outlet}
    return json.dumps(fields, ensure_ascii=False)


def _copies() -> list[str]:
    reordered = [PARAGRAPHS[0], PARAGRAPHS[2], PARAGRAPHS[1], PARAGRAPHS[3]]
    shortened = [*PARAGRAPHS[:3], PARAGRAPHS[3].split(". ")[0] + "."]
    return [
        _record("copy-reordered", _text(TITLE, reordered, BOILERPLATE_A), "2024-03-12", "B"),
        _record("original", _text(TITLE, PARAGRAPHS, BOILERPLATE_A), "2024-03-11", "A"),
        _record("copy-boilerplate", _text(TITLE, PARAGRAPHS, BOILERPLATE_B), "2024-03-12", "C"),
        _record("copy-shortened", _text(TITLE, shortened), "2024-03-13", "D"),
        _record("same-topic", _text(OTHER[0], [OTHER[1]]), "2024-03-11", "E"),
    ]


def _groups(db: Path) -> dict[str, tuple[str, str, float]]:
    found = rows(db, "SELECT article_id, group_id, original_id, similarity FROM duplicate_groups")
    return {
        article: (group, original, similarity) for article, group, original, similarity in found
    }


def _signatures(db: Path) -> set[tuple[str, tuple[int, ...]]]:
    found = rows(db, "SELECT article_id, signature FROM minhash_signatures")
    return {(article, tuple(signature)) for article, signature in found}


def test_duplicates_shingles_are_lower_cased_word_five_grams() -> None:
    assert shingles("Der Rat hat HEUTE den Plan beschlossen") == {
        b"der rat hat heute den",
        b"rat hat heute den plan",
        b"hat heute den plan beschlossen",
    }
    assert shingles("Zu kurz") == {b"zu kurz"}
    assert shingles("  ") == set()


def test_duplicates_content_text_blanks_boilerplate_related_and_captions() -> None:
    text = "Titel\n\nKörper des Textes.\n\nMehr zum Thema\n\nNewsletter abonnieren"
    related, newsletter = text.index("Mehr"), text.index("Newsletter")
    structure = {
        "boilerplate": [{"span": {"start": newsletter, "end": len(text)}, "kind": "newsletter"}],
        "related": [{"start": related, "end": related + len("Mehr zum Thema")}],
        "captions": [{"span": {"start": 0, "end": 5}, "credit": None}],
    }
    cleaned = content_text(text, structure)
    assert len(cleaned) == len(text)
    assert cleaned.split() == ["Körper", "des", "Textes."]


def test_duplicates_rewritten_copies_group_with_the_original(
    tmp_path: Path, resources: Resources
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(_copies()) + "\n", encoding="utf-8")
    db = tmp_path / "d.duckdb"
    ingest([str(source)], db, resources=resources)
    groups = _groups(db)
    assert set(groups) == {"original", "copy-reordered", "copy-boilerplate", "copy-shortened"}
    assert {original for _, original, _ in groups.values()} == {"original"}
    assert len({group for group, _, _ in groups.values()}) == 1
    assert groups["original"][2] == 1.0
    assert groups["copy-boilerplate"][2] == 1.0  # only the boilerplate differed
    assert all(similarity >= 0.8 for _, _, similarity in groups.values())
    assert "same-topic" not in groups


def test_duplicates_a_rerun_signs_nothing_again_and_an_earlier_copy_becomes_original(
    tmp_path: Path, resources: Resources
) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    copies = _copies()
    first.write_text(copies[0] + "\n", encoding="utf-8")  # the reordered copy, 12 March
    second.write_text(copies[1] + "\n", encoding="utf-8")  # the original, 11 March
    db = tmp_path / "d.duckdb"
    ingest([str(first)], db, resources=resources)
    assert _groups(db) == {}
    signed = _signatures(db)
    ingest([str(second)], db, resources=resources)
    groups = _groups(db)
    assert {article: original for article, (_, original, _) in groups.items()} == {
        "original": "original",
        "copy-reordered": "original",
    }
    # The group keeps the id of its first stored member.
    assert {group for group, _, _ in groups.values()} == {"copy-reordered"}
    again = _signatures(db)
    assert signed < again
    ingest([str(first), str(second)], db, resources=resources)
    assert _groups(db) == groups
