"""The sample knowledge base in the memory store, and its snapshot."""

from __future__ import annotations

import pytest

from mosaic.api.sample import build_sample
from mosaic.exchange.snapshot import ExportFilter, Snapshot, take_snapshot
from support.memory import MemoryRepository


@pytest.fixture
def sample_repo() -> MemoryRepository:
    repo = MemoryRepository()
    build_sample(repo)
    return repo


@pytest.fixture
def snapshot(sample_repo: MemoryRepository) -> Snapshot:
    return take_snapshot(sample_repo, ExportFilter())
