"""Shared fixtures: one Resources per test session, and the path to ../shared/data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chronik.resources import Resources
from chronik.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path:
    configured = os.environ.get("CHRONIK_DATA")
    return Path(configured) if configured else ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources(Settings())


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path
