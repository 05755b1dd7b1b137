"""Signing in and out of the web app: a user's API token buys a session cookie.

The cookie is HttpOnly (no script reads it), SameSite=Strict (no other site's
page sends it) and Secure over HTTPS; the session is kept as its hash only.
A failed sign-in is recorded in the audit log with the client's address.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mosaic.api.guards.authentication import SESSION_COOKIE, gate_of
from mosaic.services.audit import Actor, record
from mosaic.services.authentication import SESSION_LIFETIME
from mosaic.web.render import page

router = APIRouter(include_in_schema=False)


def login_page(request: Request, status: int = 200, message: str | None = None) -> HTMLResponse:
    return page(request, "login.html", status=status, title="Sign in", message=message)


@router.get("/login", response_class=HTMLResponse)
def show_login(request: Request) -> HTMLResponse:
    return login_page(request)


@router.post("/login")
def sign_in(request: Request, token: Annotated[str, Form()]) -> Response:
    gate = gate_of(request)
    found = gate.authenticator.login(token) if gate else None
    if gate is None or found is None:
        if gate is not None:
            client = request.client.host if request.client else "unknown"
            record(gate.store, Actor("anonymous"), "login.failed", client)
        return login_page(request, 401, "That token is unknown or revoked.")
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


@router.post("/logout")
def sign_out(request: Request) -> Response:
    gate, session_id = gate_of(request), request.cookies.get(SESSION_COOKIE)
    if gate is not None and session_id:
        gate.authenticator.logout(session_id)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response
