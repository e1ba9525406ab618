"""``chronik serve``: the web app and REST API over a store (read-only) and the analyser."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chronik.errors import ChronikError
from chronik.interfaces.errors import fail
from chronik.store.database import DEFAULT_DB


def serve(
    db: Annotated[
        Path, typer.Option("--db", help="The DuckDB store to browse (read-only).")
    ] = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web app and the REST API: analyse pasted articles, browse a store.

    Pages at /, /analyze, /articles, /events, /actors, /quotes; JSON under /api/ (see /api).
    The store is opened read-only for each request (an ingest run finishing meanwhile is
    seen at once); without a store, only /analyze works. The size limit of a pasted
    article is CHRONIK_WEB_MAX_REQUEST_BYTES (default 2,000,000 bytes).

    Example: chronik serve --db corpus.duckdb --port 8000
    """
    try:
        import uvicorn

        from chronik.interfaces.web.app import create_app
    except ImportError as error:
        fail(f"the web server needs extra packages ({error.name}): pip install 'chronik[web]'")
    try:
        app = create_app(db)
    except ChronikError as error:
        fail(error)
    if not db.is_file():
        typer.echo(f"chronik: {db}: no store yet; only /analyze will work", err=True)
    typer.echo(f"chronik: serving {db} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
