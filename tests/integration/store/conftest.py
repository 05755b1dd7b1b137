"""The `repo` fixture: every contract test runs on each store implementation.

The in-memory fake and SQLite (a real file in tmp_path) always; PostgreSQL too
when MOSAIC_TEST_POSTGRES_URL names a database the tests may empty, e.g.
`postgresql+psycopg://mosaic@localhost/mosaic_test`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from mosaic.store import schema
from mosaic.store.memory import MemoryRepository
from mosaic.store.ports import Repository
from mosaic.store.sql import SqlRepository, open_repository

POSTGRES_URL = os.environ.get("MOSAIC_TEST_POSTGRES_URL", "")
STORES = ["memory", "sqlite", *(["postgres"] if POSTGRES_URL else [])]


def empty(repo: SqlRepository) -> None:
    """Delete every row, children first, so each test starts from an empty database."""
    with repo.engine.begin() as connection:
        for table in reversed(schema.metadata.sorted_tables):
            connection.execute(table.delete())


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
