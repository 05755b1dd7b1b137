"""How much one request may carry, refused before it is read: bodies, query strings, file names.

A body over the limit is refused with 413 as soon as its Content-Length says
so, or, for a body sent in chunks, as soon as the bytes read pass the limit:
the server never holds more than the limit of one request in memory.
"""

from __future__ import annotations

import contextlib
from pathlib import PurePath

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mosaic.api.guards.security import send_error
from mosaic.errors import InputError

MAX_UPLOAD = 20 * 1024 * 1024
MAX_BODY = MAX_UPLOAD + 1024 * 1024  # a 20 MB file and its multipart envelope
MAX_QUERY = 8 * 1024
MAX_FILE_NAME = 200


class BodyTooLarge(Exception):
    """The request's body passed the limit while it was being read."""


class LimitsMiddleware:
    """413 for a body over `max_body` bytes, 414 for a query string over `max_query`."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY, max_query: int = MAX_QUERY):
        self.app = app
        self.max_body = max_body
        self.max_query = max_query

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.max_query:
            await send_error(send, 414, f"query string longer than {self.max_query} bytes")
            return
        if declared_length(scope) > self.max_body:
            await send_error(send, 413, self.too_large())
            return
        await self.counted(scope, receive, send)

    async def counted(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app, answering 413 instead of its response once the body passed the limit."""
        read = 0
        exceeded = False
        started = False

        async def receiving() -> Message:
            nonlocal read, exceeded
            message = await receive()
            read += len(message.get("body", b""))
            if read > self.max_body:
                exceeded = True
                raise BodyTooLarge
            return message

        async def sending(message: Message) -> None:
            nonlocal started
            if exceeded:
                return
            started = True
            await send(message)

        with contextlib.suppress(BodyTooLarge):
            await self.app(scope, receiving, sending)
        if exceeded and not started:
            await send_error(send, 413, self.too_large())

    def too_large(self) -> str:
        return f"request body larger than {self.max_body // (1024 * 1024)} MB"


def declared_length(scope: Scope) -> int:
    """The Content-Length header as a number; 0 when absent or unreadable."""
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            return int(value) if value.isdigit() else 0
    return 0


def upload_name(filename: str | None) -> str:
    """A safe local name for an uploaded file: its last part, at most MAX_FILE_NAME bytes.

    The suffix is kept, since it says which reader reads the file.
    """
    name = PurePath((filename or "").replace("\\", "/")).name
    if name in ("", ".", "..") or "\x00" in name or not encodable(name):
        raise InputError("file", f"not a file name: {(filename or '')[:100]!r}")
    suffix = PurePath(name).suffix
    suffix = suffix if len(suffix.encode()) <= 16 else ""
    stem = name[: min(len(name) - len(suffix), MAX_FILE_NAME)]
    while len((stem + suffix).encode()) > MAX_FILE_NAME:
        stem = stem[:-1]
    return stem + suffix


def encodable(text: str) -> bool:
    """False for text holding a lone surrogate, which no file system or database takes."""
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True
