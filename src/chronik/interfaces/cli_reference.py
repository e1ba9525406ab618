"""The CLI reference in docs/cli.md, generated from the commands' own help.

``python -m chronik.interfaces.cli_reference > docs/cli.md`` regenerates it; a test
fails when the file and the commands disagree.
"""

from __future__ import annotations

from typing import Any

import typer.main

from chronik.interfaces.cli import app

HEADER = """# Command-line reference

Generated from the commands' help by `python -m chronik.interfaces.cli_reference`;
do not edit by hand.
"""


def _context(command: Any, path: list[str]) -> Any:
    # Typer may bundle its own click; the command knows its context class either way.
    return command.context_class(command, info_name=" ".join(path), terminal_width=88)


def _commands(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    found = [(path, command)]
    if hasattr(command, "list_commands"):
        context = _context(command, path)
        for name in command.list_commands(context):
            child = command.get_command(context, name)
            if child is not None and not child.hidden:
                found.extend(_commands(child, [*path, name]))
    return found


def cli_reference() -> str:
    parts = [HEADER]
    for path, command in _commands(typer.main.get_command(app), ["chronik"]):
        text = command.get_help(_context(command, path)).rstrip()
        parts.append(f"## {' '.join(path)}\n\n```\n{text}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(cli_reference(), end="")
