"""What every request needs: the repository as its reader may see it, the extractor, the review log.

The repository is opened once, on first use, and shared by all requests (the
SQL store keeps one connection per thread). The reader's policy is decided in
`policy_for`, the single place that will read a login once there is one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from typing import cast

from fastapi import Request

from mosaic.api.cache import FigureCache
from mosaic.api.guards.authentication import Gate, current_user, viewing_as
from mosaic.api.response_cache import Generation, no_generation
from mosaic.api.visible import VisibleRepository
from mosaic.services.audited_review import AuditedReviewLog
from mosaic.services.ingest import Extractor
from mosaic.share.policy import AccessPolicy
from mosaic.store.ports import Bucket, EventQuery, KnowledgeBase
from mosaic.store.review import ReviewLog, review_log_for


class AppContext:
    """The app's long-lived parts, made lazily so that creating the app opens nothing."""

    def __init__(
        self,
        repository_factory: Callable[[], KnowledgeBase],
        extractor_factory: Callable[[], Extractor],
        generation: Generation = no_generation,
    ) -> None:
        self._repository_factory = repository_factory
        self.extractor_factory = extractor_factory
        self._lock = threading.Lock()
        self._repository: KnowledgeBase | None = None
        self._review_log: ReviewLog | None = None
        self._gate: Gate | None = None
        self.figures = FigureCache(generation=generation)

    def repository(self) -> KnowledgeBase:
        """The store itself, unfiltered: only for writes and for `VisibleRepository`."""
        with self._lock:
            if self._repository is None:
                self._repository = self._repository_factory()
            return self._repository

    def review_log(self) -> ReviewLog:
        repo = self.repository()
        with self._lock:
            if self._review_log is None:
                self._review_log = AuditedReviewLog(review_log_for(repo), repo)
            return self._review_log

    def gate(self) -> Gate:
        """Authentication over the store's users."""
        store = self.repository()
        with self._lock:
            if self._gate is None:
                self._gate = Gate(store)
            return self._gate

    def policy_for(self, request: Request) -> AccessPolicy:
        """Who is asking: a signed-in user sees what `Visibility.admits` lets their
        organisation see, through the sharing groups it belongs to; with no users
        defined, the lone local analyst sees everything. An admin viewing as another
        organisation sees what that organisation's reader would."""
        user = current_user(request)
        if user is None:
            return AccessPolicy.local()
        organisation = viewing_as(request) or user.organisation
        groups = self.repository().list_sharing_groups()
        return AccessPolicy.member(organisation, user.name, groups)


def context(request: Request) -> AppContext:
    return cast(AppContext, request.app.state.mosaic)


def event_counts(
    request: Request, repo: VisibleRepository, dimensions: tuple[str, ...], query: EventQuery
) -> list[Bucket]:
    """`Repository.event_counts`, cached per reader for the cache's time to live."""
    key = ("event_counts", repo.policy, dimensions, query)
    compute = partial(repo.event_counts, dimensions, query)
    return context(request).figures.get(key, compute)


def visible_repository(request: Request) -> VisibleRepository:
    """FastAPI dependency: the repository filtered by the caller's policy."""
    ctx = context(request)
    return VisibleRepository(ctx.repository(), ctx.policy_for(request))


def review_log(request: Request) -> ReviewLog:
    return context(request).review_log()


def policy(request: Request) -> AccessPolicy:
    return context(request).policy_for(request)
