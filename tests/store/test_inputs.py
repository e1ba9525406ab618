from __future__ import annotations

from pathlib import Path

import pytest

from chronik.errors import InputError, RecordError, UsageError
from chronik.ingest.document import RawDocument
from chronik.settings import Settings
from chronik.store.inputs import count_documents, expand_inputs, read_csv, read_items

SETTINGS = Settings()


def _touch(path: Path, text: str = "Ein Satz.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_inputs_folders_are_searched_recursively_for_known_suffixes(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.html", "sub/deeper/d.jsonl", "sub/e.csv", "f.htm"):
        _touch(tmp_path / "in" / name)
    for name in ("notes.pdf", "image.png", ".hidden.txt", ".git/x.txt", "sub/.cache/y.md"):
        _touch(tmp_path / "in" / name)
    found = expand_inputs([str(tmp_path / "in")])
    relative = [str(Path(path).relative_to(tmp_path / "in")) for path in found]
    assert relative == ["a.md", "b.txt", "f.htm", "sub/c.html", "sub/deeper/d.jsonl", "sub/e.csv"]


def test_inputs_files_and_stdin_are_kept_in_order_once(tmp_path: Path) -> None:
    one = _touch(tmp_path / "one.weird")
    two = _touch(tmp_path / "two.txt")
    assert expand_inputs([str(two), "-", str(one), str(two)]) == [str(two), "-", str(one)]


def test_inputs_missing_path_or_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file or folder"):
        expand_inputs([str(tmp_path / "missing")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="no input files found"):
        expand_inputs([str(tmp_path / "empty")])


def test_inputs_10kgnad_layout_is_sniffed(tmp_path: Path) -> None:
    csv = tmp_path / "gnad.csv"
    csv.write_text(
        "Inland;'Der Landtag beschloss am Montag ein Gesetz; die Opposition war dagegen.'\n"
        "Sport;'Der Trainer sprach von einem ''verdienten'' Sieg.'\n"
        "\n"
        "Kultur;'Ein Museum in Linz\nzeigt neue Bilder.'\n",
        encoding="utf-8",
    )
    items = list(read_csv(str(csv), SETTINGS, {"outlet": "Standard"}))
    documents = [item.document for item in items]
    assert all(isinstance(document, RawDocument) for document in documents)
    texts = [document.text for document in documents]  # type: ignore[union-attr]
    assert texts == [
        "Der Landtag beschloss am Montag ein Gesetz; die Opposition war dagegen.",
        "Der Trainer sprach von einem 'verdienten' Sieg.",
        "Ein Museum in Linz\nzeigt neue Bilder.",
    ]
    assert [item.extra for item in items] == [
        {"label": "Inland"},
        {"label": "Sport"},
        {"label": "Kultur"},
    ]
    assert documents[2].name == f"{csv}:3"  # type: ignore[union-attr]
    assert documents[0].outlet == "Standard"  # type: ignore[union-attr]
    assert count_documents(str(csv)) == 3


def test_inputs_csv_with_a_text_column(tmp_path: Path) -> None:
    csv = tmp_path / "feed.csv"
    csv.write_text(
        "id;Text;published;rubric\n"
        "a1;Erster Bericht aus Wien.;2024-03-01;Politik\n"
        'a2;"Zweiter Bericht; mit Semikolon.";;\n',
        encoding="utf-8",
    )
    items = list(read_items(str(csv), SETTINGS))
    first, second = (item.document for item in items)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.id, first.text, first.published) == (
        "a1",
        "Erster Bericht aus Wien.",
        "2024-03-01",
    )
    assert second.text == "Zweiter Bericht; mit Semikolon." and second.published is None
    assert items[0].extra == {"rubric": "Politik"} and items[1].extra is None
    assert first.name == f"{csv}:1 (id a1)"


def test_inputs_csv_without_text_column_is_one_failure(tmp_path: Path) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text("title,body\nA,B\n", encoding="utf-8")
    [item] = list(read_items(str(csv), SETTINGS))
    assert isinstance(item.document, InputError)
    assert "'text' column" in str(item.document)


def test_inputs_csv_row_with_wrong_field_count_is_a_record_error(tmp_path: Path) -> None:
    csv = tmp_path / "gnad.csv"
    csv.write_text("Inland;'Gut.'\nInland;'A';'B'\nWeb;'Auch gut.'\n", encoding="utf-8")
    documents = [item.document for item in read_csv(str(csv), SETTINGS)]
    assert isinstance(documents[1], RecordError) and "3 fields" in str(documents[1])
    assert isinstance(documents[2], RawDocument) and documents[2].text == "Auch gut."


def test_inputs_jsonl_and_text_go_through_the_readers(tmp_path: Path) -> None:
    jsonl = _touch(tmp_path / "a.jsonl", '{"id": "x", "text": "Ein Text."}\nkaputt\n')
    documents = [item.document for item in read_items(str(jsonl), SETTINGS)]
    assert isinstance(documents[0], RawDocument) and documents[0].id == "x"
    assert isinstance(documents[1], RecordError)
    assert count_documents(str(jsonl)) == 2
