"""The document as it enters analysis: decoded text plus what is known about it."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RawDocument:
    """Decoded text and metadata; ``name`` says where it came from, for error messages."""

    text: str
    id: str | None = None
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    name: str = "<text>"

    def metadata(self) -> dict[str, str | None]:
        """The keyword arguments ``analyze`` takes besides the text."""
        return {
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
            "id": self.id,
            "title": self.title,
        }


def content_id(text: str) -> str:
    """A stable id for a text: equal for texts that differ only in whitespace or Unicode form.

    Used as the Article id and by the store to recognise re-ingested articles.
    """
    normal = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:20]


def domain_of(url: str | None) -> str | None:
    """The host of a URL without a leading ``www.``; None when there is none."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    return host.removeprefix("www.")
