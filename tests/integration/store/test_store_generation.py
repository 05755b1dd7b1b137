"""The knowledge base opened by bootstrap bumps its write generation after every write
that commits, before the write returns; reads leave it alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mosaic.api.sample import ENTITIES, build_sample
from mosaic.bootstrap import Settings, open_knowledge_base, write_stamp
from mosaic.store.generation import WriteStamp
from mosaic.store.ports import EventQuery, KnowledgeBase
from mosaic.store.sql import SqlRepository
from support.stores import POSTGRES_URL, empty

DATABASES = ["sqlite", *(["postgres"] if POSTGRES_URL else [])]


@pytest.fixture(params=DATABASES)
def opened(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[KnowledgeBase, WriteStamp]]:
    url = f"sqlite:///{tmp_path / 'kb.db'}" if request.param == "sqlite" else POSTGRES_URL
    repo = open_knowledge_base(Settings(url))
    assert isinstance(repo, SqlRepository)
    empty(repo)
    stamp = write_stamp(url)
    assert stamp is not None
    try:
        yield repo, stamp
    finally:
        repo.close()


def test_store_generation_changes_with_each_write(
    opened: tuple[KnowledgeBase, WriteStamp],
) -> None:
    repo, stamp = opened
    before = stamp.read()
    repo.save_entity(ENTITIES[0])
    after_one = stamp.read()
    with repo.transaction():
        repo.save_entity(ENTITIES[1])
        repo.save_entity(ENTITIES[2])
    assert len({before, after_one, stamp.read()}) == 3


def test_store_generation_kept_by_reads(opened: tuple[KnowledgeBase, WriteStamp]) -> None:
    repo, stamp = opened
    build_sample(repo)
    before = stamp.read()
    repo.get_entity("ttp")
    repo.find_events(EventQuery())
    repo.counts()
    assert stamp.read() == before
