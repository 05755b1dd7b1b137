"""What keeps a hostile web page from using the analyst's browser against the workbench.

Three checks run before any route, as one ASGI middleware around the app:

- the Host header must name this server (loopback names, the address it was
  started on, or MOSAIC_ALLOWED_HOSTS): a page on `evil.example` whose name is
  rebound to 127.0.0.1 sends `Host: evil.example` and is refused, so it cannot
  read the knowledge base through its own origin (DNS rebinding);
- a request that changes something (POST, PUT, PATCH, DELETE) must come from
  the workbench's own pages or from no page at all (curl, scripts): a browser
  says where a request comes from in `Sec-Fetch-Site` and `Origin`, and a
  cross-site one is refused with 403 before its body is read;
- every response carries headers that forbid framing, inline script, MIME
  sniffing and leaking the page's address to the sites a report links to.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
ANY_HOST = "*"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SAME_SITE_FETCHES = frozenset({"same-origin", "none"})

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def served_names(hosts: Collection[str]) -> frozenset[str]:
    """The loopback names and `hosts`, lower-cased, without brackets or ports."""
    return frozenset(host_name(h) for h in (*LOOPBACK_NAMES, *hosts) if h.strip())


def host_name(host: str) -> str:
    """`Example.org:8000` -> `example.org`, `[::1]:8000` -> `::1`."""
    text = host.strip().lower()
    if text.startswith("["):
        return text[1:].partition("]")[0]
    if text.count(":") == 1:
        return text.partition(":")[0]
    return text


def host_problem(headers: Headers, names: frozenset[str]) -> str | None:
    """Why the Host header is refused, or None when it names this server."""
    if ANY_HOST in names:
        return None
    host = headers.get("host", "")
    if host_name(host) in names:
        return None
    return f"host {host[:100]!r} is not served here (set MOSAIC_ALLOWED_HOSTS to serve it)"


def cross_site_problem(method: str, headers: Headers) -> str | None:
    """Why a state-changing request from another site's page is refused, or None.

    Browsers since 2023 say where a request comes from in Sec-Fetch-Site; older
    ones send Origin with every cross-origin POST. A request with neither comes
    from no browser page (curl, a script) and passes.
    """
    if method not in UNSAFE_METHODS:
        return None
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:
        # The browser's own word: it wins over Origin and Host, which a proxy may rewrite.
        if fetch_site in SAME_SITE_FETCHES:
            return None
        return f"cross-site {method} refused (Sec-Fetch-Site: {fetch_site[:40]})"
    origin = headers.get("origin")
    if origin is not None and not same_origin(origin, headers.get("host", "")):
        return f"cross-site {method} refused (Origin: {origin[:100]})"
    return None


def same_origin(origin: str, host: str) -> bool:
    """True when `origin` (scheme://host[:port]) names the host the request was sent to."""
    try:
        netloc = urlsplit(origin).netloc
    except ValueError:
        return False
    return bool(netloc) and netloc.lower() == host.strip().lower()


async def send_error(send: Send, status: int, message: str) -> None:
    """The API's JSON error, `{"error": message}`, with the security headers."""
    body = json.dumps({"error": message}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class SecurityMiddleware:
    """Refuse foreign Host headers and cross-site writes; add the security headers."""

    def __init__(self, app: ASGIApp, hosts: Collection[str] = ()) -> None:
        self.app = app
        self.names = served_names(hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if problem := host_problem(headers, self.names):
            await send_error(send, 400, problem)
            return
        if problem := cross_site_problem(scope["method"], headers):
            await send_error(send, 403, problem)
            return
        await self.app(scope, receive, with_security_headers(send))


def with_security_headers(send: Send) -> Send:
    """`send`, adding the security headers to the response's start."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {name.lower() for name, _ in message.get("headers", [])}
            extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sending
