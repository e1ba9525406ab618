"""Analyse a text or an HTML page sent to the server, as ``chronik analyze`` would.

Resources load once, on the first request (a server that is only browsed never pays
for them); a lock keeps one analysis at a time, as the language models are not
guaranteed to be thread-safe. HTML goes through the same extraction as the CLI's HTML
input. Nothing here fetches a URL: ``url`` is metadata only.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from chronik.errors import InputError
from chronik.ingest.html import extract_page
from chronik.model import Article
from chronik.pipeline import analyze
from chronik.resources import Resources
from chronik.settings import Settings


@dataclass(frozen=True)
class Submission:
    """What a client sends: a text or an HTML page, and what it knows about it."""

    text: str | None = None
    html: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    id: str | None = None


class Analyser:
    def __init__(
        self, settings: Settings | None = None, resources: Resources | None = None
    ) -> None:
        self.settings = settings or Settings.from_env()
        self._resources = resources
        self._lock = threading.Lock()

    def analyse(self, submission: Submission) -> Article:
        """The Article; raises InputError (one line) for input that cannot be analysed."""
        name = submission.id or "<request>"
        text, found = _text_of(submission, name)
        with self._lock:
            if self._resources is None:
                self._resources = Resources(self.settings)
            return analyze(
                text,
                published=submission.published or found.get("published"),
                outlet=submission.outlet or found.get("outlet"),
                url=submission.url or found.get("url"),
                id=submission.id,
                title=submission.title or found.get("title"),
                resources=self._resources,
            )


def _text_of(submission: Submission, name: str) -> tuple[str, dict[str, str | None]]:
    if submission.text is not None and submission.html is not None:
        raise InputError('give either "text" or "html", not both', document=name)
    if submission.html is not None:
        page = extract_page(submission.html, name=name, url=submission.url)
        found = {
            "published": page.published,
            "outlet": page.outlet,
            "url": page.url,
            "title": page.title,
        }
        return page.text, found
    if submission.text is None:
        raise InputError('give the article as "text" or "html"', document=name)
    return submission.text, {}
