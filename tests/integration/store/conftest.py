"""The `repo` fixture: every contract test runs on each store implementation.

The in-memory fake and SQLite (a real file in tmp_path) always; PostgreSQL too
when MOSAIC_TEST_POSTGRES_URL names a database the tests may empty, e.g.
`postgresql+psycopg://mosaic@localhost/mosaic_test`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mosaic.store.ports import Repository
from mosaic.store.sql import open_repository
from support.memory import MemoryRepository
from support.stores import POSTGRES_URL, empty

STORES = ["memory", "sqlite", *(["postgres"] if POSTGRES_URL else [])]


@pytest.fixture(params=STORES)
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    if request.param == "memory":
        yield MemoryRepository()
        return
    url = str(tmp_path / "mosaic.db") if request.param == "sqlite" else POSTGRES_URL
    store = open_repository(url)
    empty(store)
    try:
        yield store
    finally:
        store.close()
