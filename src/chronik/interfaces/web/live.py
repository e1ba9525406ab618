"""The real app on a free localhost port, and a headless Chromium to look at it.

Used by the screenshots command and the end-to-end test. The browser is Debian's
``chromium`` driven by Playwright (``pip install playwright``; no ``playwright install``,
so nothing is downloaded); every flag that would make it reach the network is off.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from chronik.errors import UsageError
from chronik.interfaces.web.app import create_app
from chronik.resources import Resources

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
_START_SECONDS = 30.0


@contextmanager
def live_server(db: Path, resources: Resources | None = None) -> Iterator[str]:
    """Serve the app over ``db`` in a thread; yields its base URL, stops on exit."""
    config = uvicorn.Config(
        create_app(db, resources=resources), host="127.0.0.1", port=0, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    waited = 0.0
    while not server.started:
        if not thread.is_alive() or waited > _START_SECONDS:
            raise UsageError("the web server did not start")
        time.sleep(0.05)
        waited += 0.05
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium under Playwright; yields the Browser."""
    if not CHROMIUM.is_file():
        raise UsageError(
            f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise UsageError("screenshots need Playwright: pip install playwright") from None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
