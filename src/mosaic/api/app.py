"""The application factory: the JSON API under /api, OpenAPI at /openapi.json.

The web pages are put on top by the entrypoint, with the web package's `install_web`.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Callable, Collection
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI

from mosaic import __version__
from mosaic.api import explore, exporting, geo, markings, records, writes
from mosaic.api.context import AppContext
from mosaic.api.errors import ERROR_RESPONSES, UnexpectedErrorMiddleware, install_error_handlers
from mosaic.api.guards.authentication import install_authentication
from mosaic.api.guards.csrf import CsrfMiddleware
from mosaic.api.guards.limits import LimitsMiddleware
from mosaic.api.guards.security import SecurityMiddleware
from mosaic.api.response_cache import Generation, ResponseCacheMiddleware, no_generation
from mosaic.services.ingest import Extractor
from mosaic.store.ports import KnowledgeBase


def default_extractor() -> Extractor:
    """The spaCy pipeline, loaded on the first ingest request only."""
    from mosaic.bootstrap import load_extractor

    return load_extractor()


def create_app(
    repository_factory: Callable[[], KnowledgeBase],
    extractor_factory: Callable[[], Extractor] = default_extractor,
    *,
    allowed_hosts: Collection[str] = (),
    cache_seconds: float = 0,
    threads: int | None = None,
    write_generation: Generation = no_generation,
) -> FastAPI:
    """A FastAPI app over the repository `repository_factory` opens (once, on first use).

    It answers requests for the loopback names and `allowed_hosts` only ("*": any),
    keeps answers to reads `cache_seconds` (none by default) while `write_generation`
    is unchanged (the knowledge base's, when other processes write to it), and runs at
    most `threads` requests at once (AnyIO's default, 40, when None).
    """
    app = FastAPI(
        title="Mosaic",
        version=__version__,
        description="Sourced facts about militant networks: reports, entities, events, "
        "relations, the statements behind them, and the analyst's review of them.",
        docs_url=None,  # the web app serves /api/docs from its vendored Swagger UI
        redoc_url=None,
        responses=ERROR_RESPONSES,
        lifespan=thread_limit(threads),
    )
    app.state.mosaic = context = AppContext(repository_factory, extractor_factory, write_generation)
    install_error_handlers(app)
    app.add_middleware(ResponseCacheMiddleware, ttl=cache_seconds, generation=write_generation)
    # Inside the security checks and outside the cache: a revoked token is refused at once.
    install_authentication(app, context.gate)
    app.add_middleware(CsrfMiddleware)
    app.add_middleware(LimitsMiddleware)
    app.add_middleware(UnexpectedErrorMiddleware)
    app.add_middleware(SecurityMiddleware, hosts=allowed_hosts)
    for module in (records, explore, geo, writes, exporting, markings):
        app.include_router(module.router)
    return app


def thread_limit(
    threads: int | None,
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A lifespan that sets how many threads run the endpoints (which are all synchronous).

    More threads than the store has connections only queue for them, each
    holding its request's memory; fewer keep a burst from starving the event loop.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if threads is not None:
            to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    return lifespan


def settle_heap() -> None:
    """Take the objects built at start-up out of the garbage collector's walks.

    A full collection visits every tracked object; the app starts with about
    130,000 of them (SQLAlchemy, FastAPI, templates), and walking them made one
    request in twenty to the network endpoint twice as slow as the median
    (p95 143 ms against a median of 68 ms, 100,000 events). Frozen, p95 is 79 ms.
    Call it once the app is built, before serving.
    """
    gc.collect()
    gc.freeze()
