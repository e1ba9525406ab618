"""Read benchmark corpora from the shared data folder (never copied into the repository)."""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    configured = os.environ.get("CHRONIK_DATA")
    return Path(configured) if configured else ROOT.parent / "shared" / "data"


def tenkgnad_texts(limit: int | None = None) -> list[str]:
    """Texts of 10kGNAD's test split: ``label;'text'`` per line, single-quote quoted."""
    path = data_dir() / "news-10kgnad" / "articles.csv"
    if not path.is_file():
        sys.exit(f"benchmark data not found: {path} (set CHRONIK_DATA)")
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter=";", quotechar="'")
        texts = [row[1] for row in rows if len(row) >= 2 and row[1].strip()]
    return texts[:limit] if limit else texts
