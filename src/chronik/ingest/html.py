"""HTML pages to text: trafilatura finds the main text, title and date (htmldate inside)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from chronik.errors import InputError

# trafilatura logs every page it finds nothing in; the caller reports that once.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# lxml refuses trees deeper than this anyway; checking first gives a clear message.
MAX_NESTING = 5_000
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(/?)>")
_NOT_NESTING = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "td",
        "th",
        "tr",
        "dt",
        "dd",
        "option",
    ]
)


@dataclass(frozen=True)
class ExtractedPage:
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def extract_page(html: str, *, name: str, url: str | None = None) -> ExtractedPage:
    """Main text of an HTML page; the title becomes the first paragraph when it is not already.

    Raises InputError when the page holds no main text.
    """
    import trafilatura  # imported here: a second of import time only HTML input pays

    if _nesting_depth(html) > MAX_NESTING:
        raise InputError(f"HTML nested deeper than {MAX_NESTING} levels", document=name)
    try:
        page = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError, RecursionError, MemoryError) as error:
        reason = f"HTML could not be parsed ({type(error).__name__})"
        raise InputError(reason, document=name) from error
    text = (getattr(page, "text", None) or "").strip() if page is not None else ""
    if not text:
        raise InputError("no main text found in the HTML page", document=name)
    title = (page.title or "").strip() or None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return ExtractedPage(
        text=text,
        title=title,
        published=page.date or None,
        outlet=page.sitename or None,
        url=page.url or url,
    )


def looks_like_html(text: str) -> bool:
    """True for text that starts like an HTML page (used for stdin and unknown suffixes)."""
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and ("<body" in head or "<p>" in head or "<div" in head)
    )


def _nesting_depth(html: str) -> int:
    """Upper bound of element nesting, not counting void or implicitly closed elements."""
    depth = peak = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if name.lower() in _NOT_NESTING or self_closing:
            continue
        depth = depth - 1 if closing else depth + 1
        peak = max(peak, depth)
    return peak
