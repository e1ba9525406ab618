"""A small store for the web tests, built by the real ingest from tests/web/corpus.jsonl.

The corpus (German texts written for these tests) has a meeting and a criticism in
Berlin, a meeting in Vienna, and a hostile article whose title, outlet and quote hold
HTML and script.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

from fastapi.testclient import TestClient

from chronik.interfaces.web.app import create_app
from chronik.interfaces.web.settings import WebSettings
from chronik.resources import Resources
from chronik.store import ingest

CORPUS = Path(__file__).with_name("corpus.jsonl")


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    summary = ingest([str(CORPUS)], path, resources=resources)
    assert summary.new == 3, summary.failures
    return path


@pytest.fixture(scope="session")
def client(web_db: Path, resources: Resources) -> Iterator[TestClient]:
    settings = WebSettings(max_request_bytes=20_000, max_page_size=4)
    with TestClient(create_app(web_db, web_settings=settings, resources=resources)) as test:
        yield test
