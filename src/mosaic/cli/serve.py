"""`mosaic serve`: the web app and the JSON API on this machine."""

from __future__ import annotations

import ipaddress
import os
import threading
from types import FrameType
from typing import Annotated

import typer
import uvicorn

from mosaic.bootstrap import Settings
from mosaic.cli.common import console, knowledge_base, state, user_errors
from mosaic.errors import InputError
from mosaic.services import accounts

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


def is_loopback(host: str) -> bool:
    """True for an address only this machine reaches (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


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
        repo = knowledge_base()
        settings = Settings.from_environment(state.db_url)
        if not is_loopback(host) and not accounts.has_admin(repo):
            raise InputError(
                "--host",
                f"{host} is reachable from other machines: add an admin first "
                "(mosaic org add ORG; mosaic user add NAME --org ORG --role admin)",
            )
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
