"""Query parameters shared by a page and its JSON twin, read the same way for both.

Parameters arrive as strings, and an empty one means "no condition": a filter form
sends ``since=`` when the field is left blank.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import HTTPException, Query, Request

from chronik.interfaces.web.settings import WebSettings
from chronik.store.queries import EventFilter


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(
    request: Request,
    limit: Annotated[int | None, Query(ge=1, description="Rows per page (at most 500).")] = None,
    offset: Annotated[int, Query(ge=0, description="Rows to skip.")] = 0,
) -> Paging:
    settings: WebSettings = request.app.state.web_settings
    chosen = min(limit or settings.page_size, settings.max_page_size)
    return Paging(chosen, offset)


@dataclass(frozen=True)
class EventParams:
    where: EventFilter
    per_article: bool

    def query_string(self) -> dict[str, str]:
        """The filter as URL parameters (for links to the next page and the JSON twin)."""
        w = self.where
        given = {
            "actor": w.actor,
            "type": w.type,
            "since": w.since.isoformat() if w.since else None,
            "until": w.until.isoformat() if w.until else None,
            "outlet": w.outlet,
            "per_article": "true" if self.per_article else None,
        }
        return {key: value for key, value in given.items() if value}


def event_params(
    actor: Annotated[
        str | None, Query(description="ISO 3166-1 alpha-3 code, or part of a name.")
    ] = None,
    type: Annotated[str | None, Query(description="PLOVER type, e.g. CONSULT.")] = None,
    since: Annotated[str | None, Query(description="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Last date, YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, Query(description="Part of an outlet name.")] = None,
    per_article: Annotated[
        bool, Query(description="One row per article event, not per real event.")
    ] = False,
) -> EventParams:
    where = EventFilter(
        actor=blank(actor),
        type=blank(type),
        since=date_param(since, "since"),
        until=date_param(until, "until"),
        outlet=blank(outlet),
    )
    return EventParams(where, per_article)


def blank(value: str | None) -> str | None:
    """None for a missing or empty parameter, else the value without outer spaces."""
    return value.strip() or None if value is not None else None


def date_param(value: str | None, name: str) -> dt.date | None:
    value = blank(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name}: '{value}' is not a date (YYYY-MM-DD)") from None
