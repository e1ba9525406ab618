"""Screenshots of every page, for the README and docs/web.md.

    python -m chronik.interfaces.web.screenshots --db demo.duckdb --out docs/screenshots \\
        --article examples/wire-report.txt

Starts the app over the store on a free port, opens each page in headless Chromium
(see live.py) and writes one PNG per page. The article is pasted on /analyze.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from chronik.errors import ChronikError
from chronik.interfaces.web.live import chromium, live_server

VIEWPORT = {"width": 1280, "height": 900}


def take(
    base: str, out: Path, article: str, published: str | None = None, browser: Any = None
) -> list[Path]:
    """Visit every page of the app at ``base``; returns the PNG files written.

    ``browser`` is an open Playwright Browser, else Chromium is started here.
    """
    if browser is None:
        with chromium() as started:
            return take(base, out, article, published, started)
    out.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport=VIEWPORT)
    try:
        return _visit(page, base, out, article, published)
    finally:
        page.close()


def _visit(page: Any, base: str, out: Path, article: str, published: str | None) -> list[Path]:
    written: list[Path] = []

    def shot(name: str) -> None:
        written.append(out / f"{name}.png")
        page.screenshot(path=str(written[-1]))

    page.goto(f"{base}/")
    shot("overview")
    analyse(page, base, article, published)
    triggers = page.locator("#article-text .trigger")
    if triggers.count():
        triggers.first.click()  # opens the record in the side panel
    shot("analyze")
    for name, path in (
        ("events", "/events?per_article=true"),
        ("actors", "/actors"),
        ("quotes", "/quotes"),
    ):
        page.goto(f"{base}{path}")
        shot(name)
    # A stored article, opened from the evidence link of its first event.
    page.goto(f"{base}/events?per_article=true")
    evidence = page.locator("#events-table a.evidence")
    if evidence.count():
        evidence.first.click()
        page.wait_for_selector("#article-text .selected")
        shot("article")
    return written


def analyse(page: Any, base: str, article: str, published: str | None = None) -> None:
    """Paste ``article`` on /analyze and submit; the page then shows the analysed article."""
    page.goto(f"{base}/analyze")
    page.fill("#text", article)
    if published:
        page.fill("input[name=published]", published)
    page.click("#analyse")
    page.wait_for_selector("#article-text")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--db", type=Path, required=True, help="The store to show.")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--article", type=Path, default=Path("examples/wire-report.txt"))
    parser.add_argument("--published", default="2024-03-11")
    args = parser.parse_args(argv)
    try:
        article = args.article.read_text(encoding="utf-8")
        with live_server(args.db) as base:
            written = take(base, args.out, article, args.published)
    except (ChronikError, OSError) as error:
        sys.stderr.write(f"chronik: {error}\n")
        return 2
    for path in written:
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
