"""End to end: the real app under uvicorn, driven by headless Debian Chromium (Playwright).

Skipped, with the reason, when /usr/bin/chromium or the playwright package is absent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chronik.interfaces.web.live import CHROMIUM, chromium, live_server
from chronik.resources import Resources

if not CHROMIUM.is_file():
    pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)", allow_module_level=True)
pytest.importorskip("playwright", reason="the playwright package is not installed")

from chronik.interfaces.web.screenshots import analyse, take

ARTICLE = Path(__file__).with_name("article.txt")


@pytest.fixture(scope="module")
def base(web_db: Path, resources: Resources) -> Iterator[str]:
    with live_server(web_db, resources) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as opened:
        yield opened


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records console errors and dialogs (an alert would be a script run)."""
    opened = browser.new_page()
    opened.problems = []
    opened.on("console", lambda m: m.type == "error" and opened.problems.append(m.text))
    opened.on("pageerror", lambda e: opened.problems.append(str(e)))

    def dialog(d: Any) -> None:
        opened.problems.append(f"dialog: {d.message}")
        d.dismiss()

    opened.on("dialog", dialog)
    yield opened
    assert opened.problems == []
    opened.close()


def test_e2e_paste_an_article_and_see_quotes_and_events(page: Any, base: str) -> None:
    analyse(page, base, ARTICLE.read_text(encoding="utf-8"), "2024-03-12")
    text = page.locator("#article-text")
    quotes = text.locator(".quote-direct")
    assert "Wir lassen uns nicht erpressen" in "".join(quotes.all_inner_texts())
    triggers = text.locator(".trigger")
    assert triggers.count() >= 3
    assert "forderte" in triggers.all_inner_texts()
    assert text.locator(".zone-grey").first.is_visible()
    # Clicking a trigger opens its record in the side panel.
    text.locator(".trigger", has_text="warf").click()
    record = page.locator("#panel section.record-event:not([hidden])")
    assert record.count() == 1
    assert "ACCUSE" in record.inner_text()
    assert "PLOVER type" in record.inner_text()
    assert "selected" in (text.locator(".trigger", has_text="warf").get_attribute("class") or "")


def test_e2e_events_filter_and_follow_the_evidence(page: Any, base: str) -> None:
    page.goto(f"{base}/events?per_article=true")
    assert page.locator("#events-table tbody tr").count() == 3
    assert page.locator("svg.chart rect").count() >= 3
    with page.expect_navigation():
        page.select_option("#filter-type", "ACCUSE")  # submits the form by itself
    assert "type=ACCUSE" in page.url
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 1
    assert "ACCUSE" in rows.inner_text()
    page.fill("#filter-actor", "Lawrow")
    page.click("#filter-submit")
    page.wait_for_url(re.compile(r"actor=Lawrow"))
    assert page.locator("#events-table tbody tr").count() == 0
    page.goto(f"{base}/events?per_article=true&type=ACCUSE")
    page.click("#events-table a.evidence")
    page.wait_for_url(re.compile(r"/articles/berlin-1#event-"))
    selected = page.locator("#article-text .selected")
    assert selected.inner_text() == "kritisierte"
    assert "ACCUSE" in page.locator("#panel section.record-event:not([hidden])").inner_text()


def test_e2e_actor_network(page: Any, base: str) -> None:
    page.goto(f"{base}/actors")
    network = page.locator("#network svg")
    assert network.is_visible()
    assert network.locator("a.node").count() == 4
    assert network.locator("path.edge").count() == 3
    network.locator("a.node", has_text="RUS").locator("circle").click()
    page.wait_for_url(re.compile(r"actor=RUS"))
    assert page.locator("h1").inner_text() == "Actors: RUS"
    assert "Events of RUS (2)" in page.content()


def test_e2e_hostile_article_runs_no_script(page: Any, base: str) -> None:
    page.goto(f"{base}/articles/web/hostile-1")
    assert "<script>alert('xss')</script>" in page.locator("h1").inner_text()
    assert page.locator("#article-text img").count() == 0
    assert page.locator("#article-text script").count() == 0
    # The page fixture fails the test if an alert opened.


def test_e2e_screenshots_of_every_page(base: str, browser: Any, tmp_path: Path) -> None:
    written = take(base, tmp_path, ARTICLE.read_text(encoding="utf-8"), "2024-03-12", browser)
    names = sorted(path.stem for path in written)
    assert names == ["actors", "analyze", "article", "events", "overview", "quotes"]
    for path in written:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
