"""Shared fixtures of the language tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def hanta_model() -> Any:
    """HanTa's German model as HanTa loads it, none of Chronik's wrappers installed."""
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
