"""The JSON API: ``/api/...``, the twin of every page. OpenAPI schema at /openapi.json."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from chronik.interfaces.web.analysis import Analyser, Submission
from chronik.interfaces.web.corpus import Corpus, article_list
from chronik.interfaces.web.params import EventParams, Paging, blank, event_params, paging
from chronik.model import Article
from chronik.store.queries import Query as StoreQuery
from chronik.store.queries import actor_query, event_query, quote_query

router = APIRouter(prefix="/api", tags=["api"])


class AnalyzeRequest(BaseModel):
    """An article to analyse: its text, or an HTML page (main text extracted as in the CLI)."""

    text: str | None = Field(None, description="The article as plain text.")
    html: str | None = Field(None, description="An HTML page; its main text is analysed.")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    outlet: str | None = None
    url: str | None = Field(None, description="Recorded only; never fetched.")
    title: str | None = None
    id: str | None = Field(None, description="Article id; default a content hash.")


class PageOfRows(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


def corpus_of(request: Request) -> Corpus:
    return request.app.state.corpus  # type: ignore[no-any-return]


CorpusDep = Annotated[Corpus, Depends(corpus_of)]
PagingDep = Annotated[Paging, Depends(paging)]


@router.post("/analyze", response_model=Article, summary="Analyse one article")
def analyze(body: AnalyzeRequest, request: Request) -> Article:
    """Analyse a text or HTML page; nothing is stored. Bodies above the size limit get 413."""
    analyser: Analyser = request.app.state.analyser
    return analyser.analyse(Submission(**body.model_dump()))


@router.get("/stats", summary="Corpus overview")
def stats(corpus: CorpusDep) -> dict[str, Any]:
    return corpus.stats()


@router.get("/articles", response_model=PageOfRows, summary="Articles, newest first")
def articles(
    corpus: CorpusDep,
    page: PagingDep,
    outlet: Annotated[str | None, Query(description="Part of an outlet name.")] = None,
) -> dict[str, Any]:
    return corpus.page(article_list(blank(outlet)), page.limit, page.offset).as_json()


@router.get("/articles/{article_id:path}", response_model=Article, summary="One stored article")
def article(article_id: str, corpus: CorpusDep) -> Article:
    found = corpus.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return found


@router.get("/events", response_model=PageOfRows, summary="Events (as chronik events)")
def events(
    corpus: CorpusDep, page: PagingDep, params: Annotated[EventParams, Depends(event_params)]
) -> dict[str, Any]:
    query = event_query(params.where, per_article=params.per_article)
    return corpus.page(query, page.limit, page.offset).as_json()


@router.get("/quotes", response_model=PageOfRows, summary="Quotes (as chronik quotes)")
def quotes(
    corpus: CorpusDep,
    page: PagingDep,
    speaker: Annotated[str | None, Query(description="Part of the speaker's name.")] = None,
    text: Annotated[str | None, Query(description="Part of what was said.")] = None,
) -> dict[str, Any]:
    query = quote_query(blank(speaker), blank(text))
    return corpus.page(query, page.limit, page.offset).as_json()


@router.get("/actors", response_model=PageOfRows, summary="Who acts on whom (as chronik actors)")
def actors(
    corpus: CorpusDep,
    page: PagingDep,
    actor: Annotated[
        str | None, Query(description="Only rows with this country code as source or target.")
    ] = None,
) -> dict[str, Any]:
    return corpus.page(actor_edges(blank(actor)), page.limit, page.offset).as_json()


def actor_edges(actor: str | None) -> StoreQuery:
    """``actor_query``, narrowed to one country when asked."""
    query = actor_query()
    if actor is None:
        return query
    sql = (
        f"SELECT * FROM ({query.sql}) WHERE source = ? OR target = ? "
        "ORDER BY events DESC, source NULLS LAST, target NULLS LAST, type"
    )
    return StoreQuery(sql, [*query.params, actor.upper(), actor.upper()])
