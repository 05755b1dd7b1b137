"""Sending the web app's forms from a test client as a browser does: with the page's CSRF token."""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

LOCAL = "http://localhost"  # the app answers loopback names only
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


def client_for(app: FastAPI) -> TestClient:
    return TestClient(app, base_url=LOCAL)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def signed_in(app: FastAPI, token: str) -> TestClient:
    """A browser-like client with a session: it keeps cookies; forms take the pages' tokens."""
    client = client_for(app)
    answer = submit(client, "/login", {"token": token})
    if answer.status_code != 303:
        raise AssertionError(f"sign-in refused: {answer.status_code}")
    return client
