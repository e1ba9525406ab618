"""Limits of the web server; each can be set by an environment variable.

``CHRONIK_WEB_MAX_REQUEST_BYTES=5000000 chronik serve`` accepts larger pasted articles.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronik.settings import from_env


@dataclass(frozen=True)
class WebSettings:
    # A pasted article or HTML page; far above any news page, far below what would
    # tie up the analyser for minutes.
    max_request_bytes: int = 2_000_000
    # Rows per page of a listing: default and the most a client may ask for.
    page_size: int = 50
    max_page_size: int = 500
    # Nodes drawn in the actor network (the most active first).
    network_nodes: int = 30

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> WebSettings:
        return from_env(cls, "CHRONIK_WEB_", environ)
