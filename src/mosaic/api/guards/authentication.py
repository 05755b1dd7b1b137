"""Who is asking, for every page and API request: a bearer token, a session cookie, or nobody.

While no user exists, Mosaic serves a lone analyst on this machine as before
(`mosaic serve` refuses other addresses until an admin exists). Once one
exists, a request without a valid token or session gets 401 (a page: the login
page), and a reader's request that would write gets 403. An admin may view
the knowledge base as another organisation's reader would (the view-as
cookie, set by the web app's switcher): while they do, they may change nothing
but the view itself. This is a separate middleware from the request-origin and
header checks of the security module.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import cast

from fastapi import FastAPI, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from mosaic.api.errors import STORE_UNAVAILABLE, error_response
from mosaic.errors import StoreError
from mosaic.model.accounts import User
from mosaic.services.audit import Actor, record
from mosaic.services.authentication import Authenticator
from mosaic.services.throttle import LoginThrottle, keys_of
from mosaic.store.ports import KnowledgeBase

SESSION_COOKIE = "mosaic_session"
VIEW_AS_COOKIE = "mosaic_view_as"
VIEW_AS_EXITS = frozenset({"/view-as", "/logout"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
OPEN_PATHS = ("/login", "/logout", "/static/")
_PROXY_HEADERS = ("forwarded", "x-forwarded-for", "x-real-ip")
ANONYMOUS = Actor("anonymous")


class Gate:
    """Finds the caller's user; remembers once users exist (they are never deleted)."""

    def __init__(
        self,
        store: KnowledgeBase,
        authenticator: Authenticator | None = None,
        throttle: LoginThrottle | None = None,
    ) -> None:
        self.store = store
        self.authenticator = authenticator or Authenticator(store)
        self.throttle = throttle or LoginThrottle()
        self._users_exist = False
        self._lock = threading.Lock()

    def users_exist(self) -> bool:
        with self._lock:
            if not self._users_exist:
                self._users_exist = bool(self.store.list_users())
            return self._users_exist

    def user_for(self, request: Request) -> User | None:
        token = bearer_token(request)
        if token is not None:
            return self.authenticator.user_for_token(token)
        session = request.cookies.get(SESSION_COOKIE)
        return self.authenticator.user_for_session(session) if session else None


def bearer_token(request: Request) -> str | None:
    """The API token of an `Authorization: Bearer` header, if the request has one."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def gate_of(request: Request) -> Gate | None:
    """The app's gate (made on first use by its context); None for an app without one."""
    context = getattr(request.app.state, "mosaic", None)
    return cast(Gate | None, context.gate()) if context is not None else None


def current_user(request: Request) -> User | None:
    """The authenticated user of this request; None for the lone analyst."""
    return cast(User | None, getattr(request.state, "user", None))


def viewing_as(request: Request) -> str | None:
    """The organisation an admin is viewing the knowledge base as; None when as themselves."""
    return cast(str | None, getattr(request.state, "viewing_as", None))


def install_authentication(app: FastAPI, gate: Callable[[], Gate | None]) -> None:
    """Check every request but the login page and static assets; `gate` is made on first use."""
    app.add_middleware(AuthenticationMiddleware, gate=gate)


class AuthenticationMiddleware:
    """Plain ASGI (no per-request task as `BaseHTTPMiddleware` makes); one thread hop a request."""

    def __init__(self, app: ASGIApp, gate: Callable[[], Gate | None]) -> None:
        self.app = app
        self.gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        request.state.user = None
        request.state.viewing_as = None
        if not request.url.path.startswith(OPEN_PATHS):
            refusal = await run_in_threadpool(self._check, request)
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def _check(self, request: Request) -> Response | None:
        """None to let the request through (with `request.state.user` set), else the refusal."""
        try:
            found = self.gate()
        except StoreError as error:  # outside the app's handlers: answer as they would
            logging.getLogger(__name__).error("store unavailable: %s", error)
            return error_response(503, STORE_UNAVAILABLE)
        if found is None or not found.users_exist():
            if any(header in request.headers for header in _PROXY_HEADERS):
                return _refused(request, 401, "Mosaic is reached through a proxy: add an admin")
            return None
        token = bearer_token(request)
        if token is not None and (throttled := _token_throttled(request, found, token)):
            return throttled
        user = found.user_for(request)
        if user is None:
            if token is not None:
                _count_failed_token(request, found, token)
            return _refused(request, 401, "sign in: a valid API token or session is required")
        if request.method not in SAFE_METHODS and not user.role.can_write:
            return error_response(403, f"{user.name} is a reader and may not change anything")
        request.state.user = user
        return self._impersonation(request, found, user)

    def _impersonation(self, request: Request, gate: Gate, user: User) -> Response | None:
        """Note whom an admin views as; refuse their writes meanwhile (all but leaving the view)."""
        organisation = request.cookies.get(VIEW_AS_COOKIE)
        if not organisation or not user.role.can_administer or organisation == user.organisation:
            return None
        if gate.store.get_organisation(organisation) is None:
            return None
        request.state.viewing_as = organisation
        if request.method in SAFE_METHODS or request.url.path in VIEW_AS_EXITS:
            return None
        message = f"read-only while viewing as {organisation}: stop viewing as it to change things"
        return error_response(403, message)


def _token_keys(request: Request, gate: Gate, token: str) -> list[str]:
    client = request.client.host if request.client else "unknown"
    return keys_of(client, gate.authenticator.owner_of(token))


def _token_throttled(request: Request, gate: Gate, token: str) -> Response | None:
    """429 while this client, or the user the token claims, failed too often lately.

    The same counts as the sign-in page's, so guessing through the API cannot go
    on where the page would stop it. Refusals are not audited one by one (a
    flood would fill the log); the failures and the lock that caused them are.
    """
    if not gate.throttle.any_failures():  # spares every good request a lookup of the owner
        return None
    lock = gate.throttle.locked(_token_keys(request, gate, token))
    if lock is None:
        return None
    seconds = lock.seconds_left(gate.throttle.now())
    whom = "for this user" if lock.key.startswith("user:") else "from this address"
    response = error_response(429, f"too many failed tokens {whom}: retry in {seconds} s")
    response.headers["Retry-After"] = str(seconds)
    return response


def _count_failed_token(request: Request, gate: Gate, token: str) -> None:
    """Count a wrong secret against the client and the token's user, an unknown token
    against the client; not a revoked token, which grants nothing however often it is sent."""
    claimed = gate.authenticator.claimed(token)
    if claimed is not None and not claimed.active:
        return
    client = request.client.host if request.client else "unknown"
    user = claimed.user if claimed else None
    keys = keys_of(client, user)
    record(gate.store, ANONYMOUS, "token.failed", client, {"user": user})
    for lock in gate.throttle.failed(keys):
        record(gate.store, ANONYMOUS, "token.locked", lock.key, {"until": lock.until.isoformat()})


def _refused(request: Request, status: int, message: str) -> Response:
    """JSON for the API and for writes; a page gets the login page, with the same status."""
    path = request.url.path
    is_api = path.startswith("/api") or path == "/openapi.json"
    wants_page = not is_api and request.method in SAFE_METHODS
    render_login = getattr(request.app.state, "render_login", None)
    if wants_page and status == 401 and render_login is not None:
        page: Response = render_login(request, status)
        return page
    response = error_response(status, message)
    if status == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    return response
