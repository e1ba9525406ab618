"""``chronik serve``: options reach uvicorn, and a missing store is said, not fatal."""

from __future__ import annotations

from pathlib import Path

import pytest
import uvicorn
from typer.testing import CliRunner

from chronik.interfaces.cli import app


def test_serve_command_passes_host_port_and_store(
    web_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    def run(application: object, host: str, port: int, **options: object) -> None:
        seen.update(app=application, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", run)
    result = CliRunner().invoke(
        app, ["serve", "--db", str(web_db), "--host", "0.0.0.0", "--port", "8123"]
    )
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("0.0.0.0", 8123)
    assert seen["app"].state.corpus.db == web_db  # type: ignore[attr-defined]


def test_serve_command_without_a_store_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 0
    assert "no store yet; only /analyze will work" in result.output
    assert not (tmp_path / "none.duckdb").exists()
