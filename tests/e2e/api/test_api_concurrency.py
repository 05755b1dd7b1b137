"""Forty concurrent `POST /api/reports` to a real server over one SQLite file all succeed."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import uvicorn

from mosaic.api.app import create_app
from mosaic.store.sql import SqlRepository, open_repository
from support.stores import POSTGRES_URL, empty
from support.writers import SharedEntityExtractor, report_text

pytestmark = pytest.mark.e2e
CLIENTS = 40
STORES = ["sqlite", *(["postgres"] if POSTGRES_URL else [])]


@pytest.fixture(params=STORES)
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlRepository]:
    store = open_repository(str(tmp_path / "kb.db") if request.param == "sqlite" else POSTGRES_URL)
    empty(store)
    yield store
    store.close()


@pytest.fixture
def base_url(repo: SqlRepository) -> Iterator[str]:
    """A uvicorn server on a free loopback port, in a thread of this process."""
    app = create_app(lambda: repo, SharedEntityExtractor)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _post(base_url: str, number: int) -> httpx.Response:
    body = {"text": report_text("api", number), "title": f"Report {number}"}
    return httpx.post(f"{base_url}/api/reports", json=body, timeout=120)


def test_api_concurrency_forty_posts_are_all_stored(base_url: str, repo: SqlRepository) -> None:
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        responses = list(pool.map(lambda n: _post(base_url, n), range(CLIENTS)))
    assert [r.status_code for r in responses] == [201] * CLIENTS, [
        r.text for r in responses if r.status_code != 201
    ]
    assert repo.counts()["reports"] == CLIENTS
