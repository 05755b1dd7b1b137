"""`mosaic serve`: the web app and the JSON API on this machine."""

from __future__ import annotations

from typing import Annotated

import typer

from mosaic.cli.common import console, repository, user_errors


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (keep 127.0.0.1 unless shared).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the workbench: web pages at /, the JSON API at /api, OpenAPI at /openapi.json."""
    import uvicorn

    from mosaic.api.app import create_app, settle_heap
    from mosaic.web.app import install_web

    with user_errors():
        repo = repository()
    app = install_web(create_app(lambda: repo))
    settle_heap()
    console.print(f"Mosaic on http://{host}:{port}/  (API docs: http://{host}:{port}/api/docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
