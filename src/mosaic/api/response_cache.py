"""Answers to reads kept for a few seconds, so that many analysts asking the same pay for one.

A search costs tens of milliseconds of Python and SQL; fifty clients asking
for the same few searches, networks and events queued behind each other (p95
1.5 s). A GET answered 200 is kept `ttl` seconds under its path, its query and
the caller's credentials (Cookie, Authorization: two readers never share an
answer once there are logins). Any request that may write (POST, PUT, PATCH,
DELETE) empties the cache, before and after it runs, so the API never serves
what it has changed. Writes by other processes (the server's other workers,
`mosaic ingest`) change the knowledge base's write generation
(`store/generation.py`): an answer is kept with the generation read before it
was computed and served only while that generation holds. Without one, such
writes show after `ttl` at most. While one request computes an answer, the
others that want it wait for it rather than compute it again.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mosaic.api.guards.security import UNSAFE_METHODS

DEFAULT_TTL = 10.0
MAX_ENTRIES = 1024
MAX_BODY = 1024 * 1024
Key = tuple[str, bytes, bytes, bytes]
Generation = Callable[[], bytes]


def no_generation() -> bytes:
    """The generation where no other process writes: writes here empty the cache instead."""
    return b""


@dataclass(frozen=True)
class Answer:
    """A response as it was sent: status, headers and the whole body; when it was computed,
    and at which write generation."""

    at: float
    generation: bytes
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes

    async def replay(self, send: Send) -> None:
        await send(
            {"type": "http.response.start", "status": self.status, "headers": list(self.headers)}
        )
        await send({"type": "http.response.body", "body": self.body})


class Recorder:
    """Pass a response on while keeping a copy, unless it is not a whole 200 of modest size."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.status = 0
        self.headers: tuple[tuple[bytes, bytes], ...] = ()
        self.parts: list[bytes] = []
        self.size = 0
        self.done = False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            self.headers = tuple(message.get("headers", ()))
        elif message["type"] == "http.response.body":
            body = message.get("body", b"")
            self.size += len(body)
            if self.size <= MAX_BODY:
                self.parts.append(body)
            self.done = not message.get("more_body", False)
        await self.send(message)

    def answer(self, generation: bytes) -> Answer | None:
        if self.status != 200 or not self.done or self.size > MAX_BODY:
            return None
        body = b"".join(self.parts)
        return Answer(time.monotonic(), generation, self.status, self.headers, body)


def key_of(scope: Scope) -> Key:
    headers = dict(scope.get("headers", ()))
    credentials = headers.get(b"cookie", b""), headers.get(b"authorization", b"")
    return scope["path"], scope.get("query_string", b""), *credentials


class ResponseCacheMiddleware:
    """Keep 200 answers to GET requests `ttl` seconds, while `generation` gives what it gave
    before they were computed; writes through this app empty the cache."""

    def __init__(
        self, app: ASGIApp, ttl: float = DEFAULT_TTL, generation: Generation = no_generation
    ) -> None:
        self.app = app
        self.ttl = ttl
        self.generation = generation
        self.answers: OrderedDict[Key, Answer] = OrderedDict()
        self.computing: dict[Key, asyncio.Event] = {}
        self.writes = 0  # an answer computed while a write ran is not kept

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.ttl <= 0 or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
        elif scope["method"] in UNSAFE_METHODS:
            self.forget()
            try:
                await self.app(scope, receive, send)
            finally:
                self.forget()
        elif scope["method"] == "GET":
            await self.cached(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def cached(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = key_of(scope)
        if key in self.computing:
            await self.computing[key].wait()
        generation = self.generation()
        if (answer := self.fresh(key, generation)) is not None:
            await answer.replay(send)
            return
        ready = self.computing[key] = asyncio.Event()
        writes = self.writes
        try:
            recorder = Recorder(send)
            await self.app(scope, receive, recorder)
            answer = recorder.answer(generation)
            if answer is not None and writes == self.writes:
                self.keep(key, answer)
        finally:
            if self.computing.get(key) is ready:
                del self.computing[key]
            ready.set()

    def forget(self) -> None:
        self.writes += 1
        self.answers.clear()

    def fresh(self, key: Key, generation: bytes) -> Answer | None:
        answer = self.answers.get(key)
        if answer is None or time.monotonic() - answer.at >= self.ttl:
            return None
        if answer.generation != generation:
            del self.answers[key]
            return None
        self.answers.move_to_end(key)
        return answer

    def keep(self, key: Key, answer: Answer) -> None:
        self.answers[key] = answer
        while len(self.answers) > MAX_ENTRIES:
            self.answers.popitem(last=False)
