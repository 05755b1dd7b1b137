"""Every error the API returns is JSON `{"error": message}` with a status that says whose fault.

Bad parameters are 400 (our own checks) or 422 (FastAPI's schema checks), a
missing record is 404, a store that cannot be read is 503 (its message, which
names the database, goes to the log, not to the client), and anything
unforeseen is a JSON 500. Web pages get the same handlers; they render the
message instead when the client asks for HTML.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mosaic.api.guards.security import send_error
from mosaic.errors import InputError, MosaicError, NotFoundError, StoreError

log = logging.getLogger(__name__)


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: str


def documented(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: documented("A parameter, body or Host header that cannot be used"),
    403: documented("A state-changing request sent from another site's page"),
    404: documented("No record with that id"),
    413: documented("A request body over the size limit"),
    414: documented("A query string over the size limit"),
    422: documented("A parameter or body that does not fit the schema"),
    500: documented("An unexpected error (logged by the server)"),
    503: documented("The knowledge base cannot answer now"),
}
STORE_UNAVAILABLE = "the knowledge base cannot answer now; the server's log says why"
UNEXPECTED = "internal error; the server's log says more"


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def respond(request: Request, status: int, message: str) -> Response:
    """JSON for the API; the web app's error page for a page, when the web app is installed."""
    render = getattr(request.app.state, "render_error", None)
    if render is not None and not request.url.path.startswith("/api"):
        page: Response = render(request, status, message)
        return page
    return error_response(status, message)


def validation_message(error: RequestValidationError) -> str:
    """FastAPI's list of problems as one line: `limit: Input should be ...; offset: ...`."""
    parts = []
    for problem in error.errors():
        where = ".".join(str(p) for p in problem.get("loc", ()) if p not in ("query", "body"))
        parts.append(f"{where or 'request'}: {problem.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def status_of(error: MosaicError) -> int:
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, InputError):
        return 400
    if isinstance(error, StoreError):
        return 503
    return 400


def install_error_handlers(app: FastAPI) -> None:
    """JSON errors for validation failures, Mosaic's own errors and HTTP exceptions."""

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, error: RequestValidationError) -> Response:
        return respond(request, 422, validation_message(error))

    @app.exception_handler(MosaicError)
    async def on_mosaic(request: Request, error: MosaicError) -> Response:
        if isinstance(error, StoreError):
            log.warning("store error: %s", error)
            return respond(request, 503, STORE_UNAVAILABLE)
        return respond(request, status_of(error), str(error))

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, error: HTTPException) -> Response:
        return respond(request, error.status_code, str(error.detail))


class UnexpectedErrorMiddleware:
    """A JSON 500 for any exception no handler took, logged with its traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception:
            if started or scope["type"] != "http":
                raise
            log.exception("unexpected error on %s %s", scope["method"], scope["path"])
            await send_error(send, 500, UNEXPECTED)
