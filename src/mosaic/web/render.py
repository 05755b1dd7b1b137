"""Templates and the filters they use; every page is rendered through `page()`.

Jinja2 escapes everything by default, so text from reports can never inject
markup into a page; an address from a report becomes a link only through
`web_link`, so a `javascript:` or `data:` URL in front matter stays inert text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from mosaic import __version__
from mosaic.api.guards.csrf import csrf_token

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))


def count_text(value: Any) -> str:
    """A count in FORMAT.md form as people read it: 55, 10-12, 20+."""
    if value is None:
        return ""
    if isinstance(value, list):
        low, high = value
        return f"{low}+" if high is None else f"{low}-{high}"
    return str(value)


def shown(value: Any) -> str:
    """Any statement value as text: a count range, a list of names, or the value itself."""
    if value is None:
        return ""
    is_range = isinstance(value, list) and len(value) == 2
    if is_range and all(v is None or isinstance(v, int) for v in value):
        return count_text(value)
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value)
    return label(value)


def label(value: Any) -> str:
    """An enum value as words: "suicide_bombing" -> "suicide bombing"."""
    return "" if value is None else str(value).replace("_", " ")


def web_link(value: Any) -> str:
    """`value` when it is an http(s) address, else "" (never a link that runs or embeds)."""
    text = str(value or "").strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return ""
    return text if scheme in ("http", "https") else ""


templates.env.filters["count"] = count_text
templates.env.filters["web_link"] = web_link
templates.env.filters["label"] = label
templates.env.filters["shown"] = shown
templates.env.globals["version"] = __version__
templates.env.globals["csrf_token"] = csrf_token

NAV = [
    ("/", "Dashboard"),
    ("/search", "Search"),
    ("/events", "Events"),
    ("/map", "Map"),
    ("/network", "Network"),
    ("/timeline", "Timeline"),
    ("/reports", "Reports"),
    ("/review", "Review"),
    ("/groups", "Groups"),
]
ADMIN_NAV = [("/audit", "Audit")]
"""Shown to admins (and the lone analyst) only."""
templates.env.globals["nav"] = NAV
templates.env.globals["admin_nav"] = ADMIN_NAV


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render template `name` with `context`; `title` names the page in the browser tab."""
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return page(request, "error.html", status=status, title=f"Error {status}", message=message)
