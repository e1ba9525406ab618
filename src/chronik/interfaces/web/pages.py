"""The HTML pages; each shows what its JSON twin under /api/ returns."""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from chronik.errors import InputError
from chronik.interfaces.web import charts, highlight
from chronik.interfaces.web.analysis import Analyser, Submission
from chronik.interfaces.web.api import CorpusDep, PagingDep, actor_edges
from chronik.interfaces.web.corpus import Corpus, Page, article_list, event_reports, timeline_counts
from chronik.interfaces.web.palette import type_css
from chronik.interfaces.web.params import EventParams, blank, event_params
from chronik.model import Article
from chronik.store.queries import EventFilter, event_query, quote_query

router = APIRouter(include_in_schema=False)
_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
_NETWORK_ROWS = 5000  # rows of the actor table read for the network picture


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(request, name, context, status_code=status)
    return response


def page_links(request: Request, page: Page) -> dict[str, str | None]:
    """Links to the previous and next page, keeping the other parameters."""

    def at(offset: int) -> str:
        params = {**request.query_params, "offset": str(offset), "limit": str(page.limit)}
        return f"{request.url.path}?{urlencode(params)}"

    previous = at(max(page.offset - page.limit, 0)) if page.offset > 0 else None
    following = at(page.offset + page.limit) if page.offset + page.limit < page.total else None
    return {"previous": previous, "next": following}


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, corpus: CorpusDep) -> HTMLResponse:
    recent = corpus.page(article_list(), 10, 0)
    return render(request, "index.html", stats=corpus.stats(), recent=recent, twin="/api/stats")


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    return render(request, "analyze.html", form={}, error=None, twin="/openapi.json")


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_submit(request: Request) -> HTMLResponse:
    body = (await request.body()).decode("utf-8", errors="replace")
    fields = {key: values[0] for key, values in parse_qs(body, keep_blank_values=True).items()}
    content = fields.get("text", "")
    as_html = fields.get("kind") == "html"
    submission = Submission(
        text=None if as_html else content,
        html=content if as_html else None,
        published=blank(fields.get("published")),
        outlet=blank(fields.get("outlet")),
        title=blank(fields.get("title")),
    )
    analyser: Analyser = request.app.state.analyser
    try:
        article = await run_in_threadpool(analyser.analyse, submission)
    except InputError as error:
        return render(request, "analyze.html", 422, form=fields, error=str(error), twin=None)
    return _article_page(request, article, stored=False)


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request, corpus: CorpusDep, page: PagingDep, outlet: str | None = None
) -> HTMLResponse:
    found = corpus.page(article_list(blank(outlet)), page.limit, page.offset)
    twin = _twin("/api/articles", request)
    return render(
        request,
        "articles.html",
        page=found,
        links=page_links(request, found),
        outlet=outlet,
        twin=twin,
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str, corpus: CorpusDep) -> HTMLResponse:
    found = corpus.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return _article_page(request, found, stored=True)


def _article_page(request: Request, article: Article, *, stored: bool) -> HTMLResponse:
    return render(
        request,
        "article.html",
        article=article,
        segments=highlight.segments(article),
        records=highlight.records(article),
        dom_id=highlight.dom_id,
        names={entity.id: entity.name for entity in article.entities},
        stored=stored,
        twin=f"/api/articles/{article.id}" if stored else None,
    )


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    corpus: CorpusDep,
    page: PagingDep,
    params: Annotated[EventParams, Depends(event_params)],
) -> HTMLResponse:
    query = event_query(params.where, per_article=params.per_article)
    found = corpus.page(query, page.limit, page.offset)
    counts = corpus.rows(timeline_counts(query, per_article=params.per_article))
    reports: dict[str, list[dict[str, Any]]] = {}
    if not params.per_article and found.items:
        ids = [str(row["corpus_event_id"]) for row in found.items]
        for row in corpus.rows(event_reports(ids)):
            reports.setdefault(str(row["corpus_event_id"]), []).append(row)
    return render(
        request,
        "events.html",
        page=found,
        links=page_links(request, found),
        params=params,
        reports=reports,
        timeline=charts.timeline_svg(counts),
        types=_event_types(corpus),
        dom_id=highlight.dom_id,
        twin=_twin("/api/events", request),
    )


def _event_types(corpus: Corpus) -> list[str]:
    return [str(row["type"]) for row in corpus.stats()["event_types"] if row["type"]]


@router.get("/actors", response_class=HTMLResponse)
def actors(
    request: Request,
    corpus: CorpusDep,
    actor: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    actor = blank(actor)
    edges = corpus.page(actor_edges(None), _NETWORK_ROWS, 0).items
    settings = request.app.state.web_settings
    context: dict[str, Any] = {
        "actor": actor,
        "network": charts.network_svg(edges, max_nodes=settings.network_nodes),
        "edges": edges[:100],
        "dom_id": highlight.dom_id,
        "twin": _twin("/api/actors", request),
    }
    if actor:
        context["edges"] = corpus.page(actor_edges(actor), 100, 0).items
        context["events"] = corpus.page(event_query(EventFilter(actor=actor)), 50, 0)
        # Quotes are found by the speaker's name; a country code names no speaker.
        if not _COUNTRY_CODE.match(actor):
            context["quotes"] = corpus.page(quote_query(speaker=actor), 50, 0)
    return render(request, "actors.html", **context)


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request,
    corpus: CorpusDep,
    page: PagingDep,
    speaker: str | None = None,
    text: str | None = None,
) -> HTMLResponse:
    found = corpus.page(quote_query(blank(speaker), blank(text)), page.limit, page.offset)
    return render(
        request,
        "quotes.html",
        page=found,
        links=page_links(request, found),
        speaker=speaker or "",
        text=text or "",
        dom_id=highlight.dom_id,
        twin=_twin("/api/quotes", request),
    )


@router.get("/api", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, rendered here from the OpenAPI schema (no CDN-hosted viewer)."""
    schema = request.app.openapi()
    return render(request, "api.html", paths=schema["paths"], twin="/openapi.json")


@router.get("/assets/types.css")
def types_css() -> Response:
    return PlainTextResponse(type_css(), media_type="text/css")


def _twin(path: str, request: Request) -> str:
    query = request.url.query
    return f"{path}?{query}" if query else path
