"""Limits of the web server; each can be set by an environment variable.

``CHRONIK_WEB_MAX_REQUEST_BYTES=5000000 chronik serve`` accepts larger pasted articles.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

from chronik.errors import UsageError


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
        environ = dict(os.environ if environ is None else environ)
        changes: dict[str, int] = {}
        for item in fields(cls):
            name = f"CHRONIK_WEB_{item.name.upper()}"
            if name in environ:
                try:
                    changes[item.name] = int(environ[name])
                except ValueError:
                    raise UsageError(f"setting {name}={environ[name]!r} is not a number") from None
        return replace(cls(), **changes)
