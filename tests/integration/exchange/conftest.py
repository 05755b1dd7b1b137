"""The sample knowledge base in the memory store and in a SQLite file, and empty stores."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mosaic.api.sample import build_sample
from mosaic.store.ports import Repository
from mosaic.store.sql import SqlRepository, open_repository
from support.memory import MemoryRepository

StoreFactory = Callable[[], Repository]


@pytest.fixture(params=["memory", "sqlite"])
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    """`new_store()` opens another empty store of the kind under test."""
    opened: list[SqlRepository] = []

    def make() -> Repository:
        if request.param == "memory":
            return MemoryRepository()
        store = open_repository(str(tmp_path / f"kb{len(opened)}.db"))
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def sample_repo(new_store: StoreFactory) -> Repository:
    repo = new_store()
    build_sample(repo)
    return repo
