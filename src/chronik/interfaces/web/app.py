"""The FastAPI application: routes, templates, static files, guards and error pages.

app = create_app(Path("corpus.duckdb"))
uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import jinja2
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from chronik import __version__
from chronik.errors import ChronikError, InputError
from chronik.interfaces.web import api, pages
from chronik.interfaces.web.analysis import Analyser
from chronik.interfaces.web.corpus import Corpus, CorpusUnavailable
from chronik.interfaces.web.guards import BodyLimit, SecurityHeaders
from chronik.interfaces.web.settings import WebSettings
from chronik.resources import Resources
from chronik.settings import Settings
from chronik.store.database import DEFAULT_DB

_HERE = files("chronik.interfaces.web")
ANALYSE_PATHS = frozenset({"/api/analyze", "/analyze"})


def create_app(
    db: Path | str = DEFAULT_DB,
    *,
    web_settings: WebSettings | None = None,
    settings: Settings | None = None,
    resources: Resources | None = None,
) -> FastAPI:
    """The app over the store ``db`` (opened read-only per request; it may not exist yet)."""
    web_settings = web_settings or WebSettings.from_env()
    app = FastAPI(
        title="Chronik",
        version=__version__,
        summary="German news articles to evidence-linked records, and a store to explore.",
        # Swagger UI and ReDoc load their scripts from a CDN; /api renders the schema here.
        docs_url=None,
        redoc_url=None,
    )
    app.state.corpus = Corpus(Path(db))
    app.state.analyser = Analyser(settings, resources)
    app.state.web_settings = web_settings
    app.state.templates = Jinja2Templates(env=_environment())
    app.mount("/static", StaticFiles(directory=str(_HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=web_settings.max_request_bytes, paths=ANALYSE_PATHS)
    app.add_middleware(SecurityHeaders)
    return app


def _environment() -> jinja2.Environment:
    # Autoescape everything, whatever the template's name: article text is hostile input.
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_HERE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.globals["version"] = __version__
    return environment


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ChronikError)
    async def chronik_error(request: Request, error: ChronikError) -> Response:
        status = 422 if isinstance(error, InputError) else 400
        if isinstance(error, CorpusUnavailable):
            status = 503
        return _error(request, status, str(error))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        return _error(request, error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": jsonable_encoder(error.errors())}, status_code=422)
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        return _error(request, 422, problems)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message, "twin": None},
        status_code=status,
    )
