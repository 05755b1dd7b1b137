"""`mosaic serve`: the web app and the JSON API on this machine."""

from __future__ import annotations

import os
import threading
from types import FrameType
from typing import Annotated

import typer
import uvicorn

from mosaic.bootstrap import Settings
from mosaic.cli.common import console, repository, state, user_errors

STOP_WITHIN = 4.0  # seconds from SIGTERM or Ctrl-C to the process's end, whatever runs
GRACE = 2  # of which requests in flight may take this many to finish
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")


class StoppingServer(uvicorn.Server):
    """uvicorn's server, sure to end the process soon after it is told to stop.

    uvicorn waits for requests in flight, and Python for the threads that run
    them: an extraction or a PDF conversion could hold the process for minutes.
    A signal arms a timer that ends the process after STOP_WITHIN seconds.
    """

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        timer = threading.Timer(STOP_WITHIN, os._exit, args=(0,))
        timer.daemon = True
        timer.start()
        super().handle_exit(sig, frame)


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
    api = create_app(
        lambda: repo,
        allowed_hosts=(host, *settings.allowed_hosts),
        cache_seconds=settings.cache_seconds,
        threads=settings.threads,
    )
    app = install_web(api)
    settle_heap()
    console.print(f"Mosaic on http://{host}:{port}/  (API docs: http://{host}:{port}/api/docs)")
    if host in WILDCARD_ADDRESSES and not settings.allowed_hosts:
        console.print("Listening on every address: set MOSAIC_ALLOWED_HOSTS to the names served.")
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=GRACE
    )
    StoppingServer(config).run()
    close = getattr(repo, "close", None)
    if close is not None:
        close()
