"""Fixtures for the store tests: a folder of generated articles and a query helper."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chronik.store.database import Store

from .corpus import write_folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Six generated articles in ``articles/``."""
    path = tmp_path / "articles"
    write_folder(path, 6)
    return path


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with Store.open(db, read_only=True) as store:
        return store.query(sql).rows


def counts(db: Path) -> dict[str, int]:
    with Store.open(db, read_only=True) as store:
        return store.counts()
