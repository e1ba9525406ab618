"""Chronik: German news articles to structured, evidence-linked records."""

from __future__ import annotations

__version__ = "0.1.0"

from chronik.errors import ChronikError, InputError, UsageError
from chronik.model import Article
from chronik.pipeline import analyze
from chronik.resources import Resources
from chronik.settings import Settings

__all__ = [
    "Article",
    "ChronikError",
    "InputError",
    "Resources",
    "Settings",
    "UsageError",
    "__version__",
    "analyze",
]
