"""A token that every state-changing form and page script must send back (CSRF).

Each browser gets a random nonce in an HttpOnly, SameSite=Strict cookie; a
form's token is the HMAC of the session cookie under that nonce, so it changes
at every sign-in and another site, which can read neither cookie, cannot make
one. A POST, PUT, PATCH or DELETE to a page route must carry the token (form
field `csrf_token` or header `X-CSRF-Token`); so must one to the API that a
browser sends with a session cookie. API calls with a bearer token, and the
lone analyst's scripts (no cookie at all), need none: a browser never adds
either by itself. This runs beside, not instead of, the cross-site checks of
the security module.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import parse_qs

from starlette.datastructures import Headers
from starlette.requests import Request, cookie_parser
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mosaic.api.guards.authentication import SESSION_COOKIE
from mosaic.api.guards.security import UNSAFE_METHODS, send_error

NONCE_COOKIE = "mosaic_csrf"
FORM_FIELD = "csrf_token"
HEADER = "x-csrf-token"
MAX_FORM = 1024 * 1024
REFUSED = "missing or wrong CSRF token: reload the page and send the form again"


def token_for(nonce: str, session: str) -> str:
    """The token forms carry for this browser's nonce and session (empty: none)."""
    return hmac.new(nonce.encode(), session.encode(), hashlib.sha256).hexdigest()


def csrf_token(request: Request) -> str:
    """The token for this request's browser, for templates to put in every form."""
    nonce = request.cookies.get(NONCE_COOKIE, "")
    return token_for(nonce, request.cookies.get(SESSION_COOKIE, "")) if nonce else ""


def needs_token(method: str, path: str, headers: Headers, cookies: dict[str, str]) -> bool:
    """True for a state-changing page request, or an API one riding on a session cookie."""
    if method not in UNSAFE_METHODS:
        return False
    if headers.get("authorization", "").lower().startswith("bearer "):
        return False
    return not path.startswith("/api") or SESSION_COOKIE in cookies


class CsrfMiddleware:
    """Give each browser a nonce cookie; refuse unsafe requests without the matching token."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        cookies = cookie_parser(headers.get("cookie", ""))
        nonce = cookies.get(NONCE_COOKIE)
        if needs_token(scope["method"], scope["path"], headers, cookies):
            sent, receive = await sent_token(headers, receive)
            if sent is None:
                await send_error(send, 413, "form larger than 1 MB")
                return
            expected = token_for(nonce, cookies.get(SESSION_COOKIE, "")) if nonce else ""
            if not (expected and hmac.compare_digest(sent.encode(), expected.encode())):
                await refuse(scope, receive, send)
                return
        if nonce is None and may_render_forms(scope["path"]):
            nonce = secrets.token_urlsafe(24)
            scope = with_cookie(scope, nonce)
            send = with_nonce_cookie(send, nonce, scope.get("scheme") == "https")
        await self.app(scope, receive, send)


def may_render_forms(path: str) -> bool:
    """Pages (and the API's docs page): not the API's JSON, whose clients need no nonce."""
    return not path.startswith(("/api", "/static/")) or path == "/api/docs"


def with_cookie(scope: Scope, nonce: str) -> Scope:
    """`scope` as if the browser had sent the new nonce already.

    The page's forms then carry its token, and the response cache, which keys
    answers by the Cookie header, never hands one browser's first page to another.
    """
    headers = [(k, v) for k, v in scope["headers"] if k != b"cookie"]
    sent = Headers(scope=scope).getlist("cookie")
    cookie = "; ".join([*sent, f"{NONCE_COOKIE}={nonce}"])
    return {**scope, "headers": [*headers, (b"cookie", cookie.encode("latin-1"))]}


async def refuse(scope: Scope, receive: Receive, send: Send) -> None:
    """403: the web app's error page for a page's form, JSON for the API."""
    request = Request(scope)
    render = getattr(request.app.state, "render_error", None) if "app" in scope else None
    if render is None or scope["path"].startswith("/api"):
        await send_error(send, 403, REFUSED)
        return
    request.state.user = request.state.viewing_as = None  # refused before anyone signs in
    response: Response = render(request, 403, REFUSED)
    await response(scope, receive, send)


async def sent_token(headers: Headers, receive: Receive) -> tuple[str | None, Receive]:
    """The token in the header, else in an url-encoded form's field ("" when neither;
    None for a form over MAX_FORM), and the `receive` the app is to read the body from."""
    if token := headers.get(HEADER):
        return token, receive
    if not headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return "", receive
    body, disconnected = await read_body(receive)
    if len(body) > MAX_FORM:
        return None, receive
    fields = parse_qs(body.decode("latin-1"), max_num_fields=1000)
    return (fields.get(FORM_FIELD) or [""])[0], replay(body, disconnected)


async def read_body(receive: Receive) -> tuple[bytes, bool]:
    """The whole body (up to a little past MAX_FORM), and whether the client disconnected."""
    parts: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(parts), True
        chunk = message.get("body", b"")
        parts.append(chunk)
        size += len(chunk)
        if not message.get("more_body", False) or size > MAX_FORM:
            return b"".join(parts), False


def replay(body: bytes, disconnected: bool) -> Receive:
    """A `receive` that hands the app the body already read, then what the client sends."""
    done = False

    async def receiving() -> Message:
        nonlocal done
        if not done:
            done = True
            if disconnected:
                return {"type": "http.disconnect"}
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receiving


def with_nonce_cookie(send: Send, nonce: str, secure: bool) -> Send:
    """`send`, setting the nonce cookie on the response."""
    cookie = f"{NONCE_COOKIE}={nonce}; Path=/; HttpOnly; SameSite=Strict"
    cookie += "; Secure" if secure else ""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [*message.get("headers", []), (b"set-cookie", cookie.encode())]
            message = {**message, "headers": headers}
        await send(message)

    return sending
