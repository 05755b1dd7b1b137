"""`mosaic serve`: the web app and the JSON API on this machine."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from mosaic.cli.common import console, knowledge_base, user_errors
from mosaic.errors import InputError
from mosaic.services import accounts


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
    import uvicorn

    from mosaic.api.app import create_app, settle_heap
    from mosaic.web.app import install_web

    with user_errors():
        repo = knowledge_base()
        if not is_loopback(host) and not accounts.has_admin(repo):
            raise InputError(
                "--host",
                f"{host} is reachable from other machines: add an admin first "
                "(mosaic org add ORG; mosaic user add NAME --org ORG --role admin)",
            )
    app = install_web(create_app(lambda: repo))
    settle_heap()
    console.print(f"Mosaic on http://{host}:{port}/  (API docs: http://{host}:{port}/api/docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
