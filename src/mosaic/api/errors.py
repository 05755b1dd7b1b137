"""Every error the API returns is JSON `{"error": message}` with a status that says whose fault.

Bad parameters are 400 (our own checks) or 422 (FastAPI's schema checks), a
missing record is 404, a store that cannot be read is 503. Web pages get the
same handlers; they render the message instead when the client asks for HTML.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from mosaic.errors import InputError, MosaicError, NotFoundError, StoreError

log = logging.getLogger(__name__)


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
        return respond(request, status_of(error), str(error))

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, error: HTTPException) -> Response:
        return respond(request, error.status_code, str(error.detail))
