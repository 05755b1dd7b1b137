"""`mosaic serve`: the web app and the JSON API on this machine."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from mosaic.bootstrap import Settings
from mosaic.cli.common import console, repository, state, user_errors

WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (keep 127.0.0.1 unless shared).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the workbench: web pages at /, the JSON API at /api, OpenAPI at /openapi.json."""
    from mosaic.api.app import create_app, settle_heap
    from mosaic.web.app import install_web

    with user_errors():
        repo = repository()
    settings = Settings.from_environment(state.db_url)
    app = install_web(create_app(lambda: repo, allowed_hosts=(host, *settings.allowed_hosts)))
    settle_heap()
    console.print(f"Mosaic on http://{host}:{port}/  (API docs: http://{host}:{port}/api/docs)")
    if host in WILDCARD_ADDRESSES and not settings.allowed_hosts:
        console.print("Listening on every address: set MOSAIC_ALLOWED_HOSTS to the names served.")
    uvicorn.run(app, host=host, port=port, log_level="warning")
