"""Sending the web app's forms from a test client as a browser does: with the page's CSRF token."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

_TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def form_token(client: TestClient, path: str = "/login") -> str:
    """The CSRF token the page at `path` puts in its forms (the client keeps the cookie)."""
    found = _TOKEN.search(client.get(path).text)
    if found is None:
        raise AssertionError(f"{path} has no form with a CSRF token")
    return found.group(1)


def submit(client: TestClient, action: str, data: dict[str, Any], page: str = "/login") -> Any:
    """POST `data` to `action` with the token of the page the form is on; no redirects followed."""
    fields = {**data, "csrf_token": form_token(client, page)}
    return client.post(action, data=fields, follow_redirects=False)
