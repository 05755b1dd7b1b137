"""An API client over the sample knowledge base, once in memory and once in a SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mosaic.api.app import create_app
from mosaic.api.sample import build_sample
from mosaic.store.ports import Repository
from mosaic.store.sql import open_repository
from mosaic.web.app import install_web
from support.extractors import EmptyExtractor
from support.memory import MemoryRepository

LOCAL = "http://localhost"  # the app answers loopback names only, not TestClient's "testserver"


@pytest.fixture(params=["memory", "sqlite"])
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    store: Repository = (
        MemoryRepository()
        if request.param == "memory"
        else open_repository(str(tmp_path / "kb.db"))
    )
    build_sample(store)
    yield store
    close = getattr(store, "close", None)
    if close is not None:
        close()


@pytest.fixture
def client(repo: Repository) -> TestClient:
    return TestClient(install_web(create_app(lambda: repo, EmptyExtractor)), base_url=LOCAL)
