from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronik.interfaces.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "wire-report.txt"
runner = CliRunner()


def _run(*args: str, stdin: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


def test_cli_analyze_json_of_the_example() -> None:
    result = _run("analyze", str(EXAMPLE), "--published", "2024-03-11", "--format", "json")
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert article["published"] == "2024-03-11"
    assert article["structure"]["title"]["text"].startswith("Finnland und Estland")
    assert article["text"] == EXAMPLE.read_text(encoding="utf-8")


def test_cli_analyze_defaults_to_json_when_piped() -> None:
    result = _run("analyze", str(EXAMPLE))
    assert json.loads(result.stdout)["language"] == "de"


def test_cli_analyze_text_format_is_a_summary() -> None:
    result = _run("analyze", str(EXAMPLE), "--format", "text")
    assert result.exit_code == 0
    assert "Structure" in result.stdout and "boilerplate (copyright)" in result.stdout


def test_cli_analyze_stdin_with_metadata() -> None:
    result = _run(
        "analyze",
        "-",
        "--outlet",
        "Testblatt",
        "--url",
        "https://t.example/x",
        "--format",
        "json",
        stdin="Ein kurzer Titel\n\nEin Satz über die Lage.",
    )
    article = json.loads(result.stdout)
    assert article["source"] == {
        "outlet": "Testblatt",
        "url": "https://t.example/x",
        "domain": "t.example",
        "title": None,
    }


def test_cli_analyze_jsonl_in_order_with_errors_in_place(tmp_path: Path) -> None:
    records = [
        json.dumps({"id": "one", "text": "Erster Bericht über die Lage in Wien."}),
        "this is not json",
        json.dumps({"id": "three", "text": ""}),
        json.dumps({"id": "four", "text": "Vierter Bericht.", "published": "2024-02-30"}),
        json.dumps({"id": "five", "text": "Fünfter Bericht aus Graz."}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(records), encoding="utf-8")
    result = _run("analyze", str(source), "--format", "jsonl")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("id") for line in lines] == ["one", None, "three", "four", "five"]
    assert "text" in lines[0] and "text" in lines[4]
    assert "not valid JSON" in lines[1]["error"]
    assert "empty" in lines[2]["error"]
    assert "not an ISO date" in lines[3]["error"]
    assert all("\n" not in line.get("error", "") for line in lines)
    assert "3 of 5 documents could not be analysed" in result.stderr


def test_cli_analyze_jsonl_as_json_array(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "text": "Text eins."}\n{"id": "b", "text": "Text zwei."}\n', encoding="utf-8"
    )
    result = _run("analyze", str(source), "--format", "json")
    assert [item["id"] for item in json.loads(result.stdout)] == ["a", "b"]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["analyze", "/no/such/file.txt"], None, "cannot read"),
        (["analyze", "-"], "   \n", "the document is empty"),
        (["analyze", "-"], b"%PDF-1.4 binary", "PDF"),
        (["analyze", "-", "--published", "gestern"], "Ein Text.", "not an ISO date"),
    ],
)
def test_cli_analyze_unreadable_input_exits_2_with_one_line(
    args: list[str], stdin: str | bytes | None, message: str
) -> None:
    result = _run(*args, stdin=stdin)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_cli_analyze_usage_error_exits_2() -> None:
    assert _run("analyze", str(EXAMPLE), "--format", "yaml").exit_code == 2
    assert _run("analyze").exit_code == 2


def test_cli_runs_as_python_dash_m_chronik() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "chronik", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.strip()


def test_cli_schema_writes_json_schema(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    assert _run("schema", "-o", str(target)).exit_code == 0
    schema = json.loads(target.read_text(encoding="utf-8"))
    assert schema["title"] == "Article"


def test_cli_fingerprints_learn_and_use(tmp_path: Path) -> None:
    footer = "Dieser Bericht erscheint in Zusammenarbeit mit unseren Partnern im Norden."
    source = tmp_path / "crawl.jsonl"
    source.write_text(
        "\n".join(
            json.dumps(
                {
                    "id": str(n),
                    "text": f"Titel {w}\n\nBericht über {w} hier.\n\n{footer}",
                    "outlet": "Nordblatt",
                }
            )
            for n, w in enumerate(["Häfen", "Schulen", "Straßen", "Wahlen"])
        ),
        encoding="utf-8",
    )
    fingerprints = tmp_path / "fp.json"
    result = _run("fingerprints", "learn", str(source), "-o", str(fingerprints))
    assert result.exit_code == 0 and "1 recurring paragraphs" in result.stdout
    article = tmp_path / "new.txt"
    article.write_text(f"Neuer Titel\n\nEin neuer Bericht aus Kiel.\n\n{footer}", encoding="utf-8")
    result = _run(
        "analyze",
        str(article),
        "--outlet",
        "Nordblatt",
        "--fingerprints",
        str(fingerprints),
        "--format",
        "json",
    )
    kinds = [b["kind"] for b in json.loads(result.stdout)["structure"]["boilerplate"]]
    assert kinds == ["recurring"]


def test_cli_entry_point_reports_without_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from chronik.interfaces.cli import main; main()",
            "analyze",
            str(empty),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == f"chronik: [E101] {empty}: the document is empty"


def test_cli_analyze_20_mb_document_is_refused_quickly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Der Rat tagte am Montag in Brüssel. " * 600_000, encoding="utf-8")
    result = _run("analyze", str(big), "--format", "json")
    assert result.exit_code == 2
    assert "exceed the limit of 1,000,000" in result.stderr
    assert "CHRONIK_MAX_CHARS" in result.stderr
