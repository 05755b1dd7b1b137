"""A live server over a SQLite file, and Debian's Chromium driven by Playwright.

The server is uvicorn in a thread on 127.0.0.1 and a free port; the browser is
/usr/bin/chromium (install with `apt-get install -y chromium`), never a
downloaded build. Screenshots land in test-output/screenshots/.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("playwright.sync_api")

import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from mosaic.api.app import create_app
from mosaic.api.sample import build_sample
from mosaic.store.sql import open_repository
from mosaic.web.app import install_web
from support.browser import CHROMIUM, launch

SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-output" / "screenshots"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The workbench over a fresh sample knowledge base, for the tests of one module."""
    path = tmp_path_factory.mktemp("web") / "kb.db"
    repo = open_repository(str(path))
    build_sample(repo)
    with serving(install_web(create_app(lambda: repo))) as url:
        yield url
    repo.close()


@contextlib.contextmanager
def serving(app: Any) -> Iterator[str]:
    """`app` served by uvicorn in a thread on 127.0.0.1 and a free port: its base URL."""
    config = uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    with sync_playwright() as p:
        launched = launch(p.chromium)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh page (own storage) whose failed requests and script errors fail the test."""
    context = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=server)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    opened.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    opened.on("request", lambda r: _local_only(r.url, server, problems))
    opened.on("console", lambda m: _no_policy_violation(m.text, problems))
    yield opened
    context.close()
    assert not problems, problems


def _local_only(url: str, server: str, problems: list[str]) -> None:
    """The app is offline: any request that leaves the test server is a failure."""
    if not url.startswith((server, "data:", "blob:")):
        problems.append(f"request outside the app: {url}")


def _no_policy_violation(text: str, problems: list[str]) -> None:
    """The Content-Security-Policy must not block anything the app itself does."""
    if "Content Security Policy" in text:
        problems.append(f"blocked by the policy: {text}")


def save_screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as test-output/screenshots/NAME.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def shoot() -> Callable[[Page, str], Path]:
    return save_screenshot
