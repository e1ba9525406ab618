"""Docs that must stay true: the README's commands, the CLI reference, the JSON Schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

from chronik.interfaces.cli_reference import cli_reference
from chronik.interfaces.schema_command import schema_text

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", quick_start)


def test_docs_readme_quick_start_has_two_commands() -> None:
    install_and_run, install_and_test = _readme_commands()
    assert "chronik analyze examples/" in install_and_run
    example = install_and_run.split("chronik analyze ", 1)[1].split()[0]
    assert (ROOT / example).is_file()
    assert install_and_test.endswith("pytest")


def test_docs_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r'^TEST_COMMAND="(.+)"$', ci, re.MULTILINE)
    assert command is not None
    assert command.group(1) == _readme_commands()[1]


def test_docs_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_reference(), (
        "run: python -m chronik.interfaces.cli_reference > docs/cli.md"
    )


def test_docs_schema_is_current() -> None:
    assert (ROOT / "docs" / "schema.json").read_text(encoding="utf-8") == schema_text(), (
        "run: chronik schema -o docs/schema.json"
    )
    assert json.loads(schema_text())["title"] == "Article"


def test_docs_every_command_has_an_example() -> None:
    reference = cli_reference()
    for section in reference.split("\n## ")[1:]:
        name = section.split("\n", 1)[0]
        if "Commands:" not in section:
            assert "Example: chronik" in section, f"{name} has no example in its help"
