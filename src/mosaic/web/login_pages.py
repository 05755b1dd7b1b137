"""Signing in and out of the web app: a user's API token buys a session cookie.

The cookie is HttpOnly (no script reads it), SameSite=Strict (no other site's
page sends it) and Secure over HTTPS; the session is kept as its hash only.
A failed sign-in is recorded in the audit log with the client's address;
after too many failures for one user or from one client, sign-ins are refused
for a while (429), and each refusal is recorded too.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mosaic.api.guards.authentication import ANONYMOUS, SESSION_COOKIE, Gate, gate_of
from mosaic.services.audit import record
from mosaic.services.authentication import SESSION_LIFETIME
from mosaic.services.throttle import keys_of
from mosaic.web.render import page

router = APIRouter(include_in_schema=False)


def login_page(request: Request, status: int = 200, message: str | None = None) -> HTMLResponse:
    return page(request, "login.html", status=status, title="Sign in", message=message)


@router.get("/login", response_class=HTMLResponse)
def show_login(request: Request) -> HTMLResponse:
    return login_page(request)


@router.post("/login")
def sign_in(request: Request, token: Annotated[str, Form(max_length=1000)]) -> Response:
    gate = gate_of(request)
    if gate is None:
        return login_page(request, 401, "That token is unknown or revoked.")
    client = request.client.host if request.client else "unknown"
    claimed = gate.authenticator.owner_of(token)
    keys = keys_of(client, claimed)
    if refused := _throttled(request, gate, keys, client, claimed):
        return refused
    found = gate.authenticator.login(token)
    if found is None:
        record(gate.store, ANONYMOUS, "login.failed", client, {"user": claimed})
        for lock in gate.throttle.failed(keys):
            until = {"until": lock.until.isoformat()}
            record(gate.store, ANONYMOUS, "login.locked", lock.key, until)
        return login_page(request, 401, "That token is unknown or revoked.")
    gate.throttle.succeeded(keys[1:])
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        found[1],
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


def _throttled(
    request: Request, gate: Gate, keys: list[str], client: str, claimed: str | None
) -> Response | None:
    """The 429 page when this user or client failed too often lately (recorded), else None."""
    lock = gate.throttle.locked(keys)
    if lock is None:
        return None
    now = gate.throttle.now()
    minutes = -(-lock.seconds_left(now) // 60)
    details = {"user": claimed, "locked": lock.key, "until": lock.until.isoformat()}
    record(gate.store, ANONYMOUS, "login.throttled", client, details)
    whom = "for this user" if lock.key.startswith("user:") else "from this address"
    message = f"Too many failed sign-ins {whom}: sign-in is refused for {minutes} more minute(s)."
    response = login_page(request, 429, message)
    response.headers["Retry-After"] = str(lock.seconds_left(now))
    return response


@router.post("/logout")
def sign_out(request: Request) -> Response:
    gate, session_id = gate_of(request), request.cookies.get(SESSION_COOKIE)
    if gate is not None and session_id:
        gate.authenticator.logout(session_id)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response
