"""What the memory fake must do beyond the shared contract: behave like a database."""

from __future__ import annotations

import pytest

from mosaic.model import Entity, EntityKind, Event, EventType, Report
from mosaic.store.ports import Repository
from support.memory import MemoryRepository


def test_memory_is_a_repository() -> None:
    repo: Repository = MemoryRepository()
    assert repo.counts()["entities"] == 0


def test_memory_returned_records_are_copies() -> None:
    repo = MemoryRepository()
    saved = Entity("org:a", EntityKind.ORGANIZATION, "A", external_ids={"un": "1"})
    repo.save_entity(saved)
    saved.external_ids["un"] = "changed after saving"
    read = repo.get_entity("org:a")
    assert read is not None and read.external_ids == {"un": "1"}
    read.aliases = ("B",)
    assert repo.find_entities_by_name("B") == []


def test_memory_transaction_restores_every_table() -> None:
    repo = MemoryRepository()
    repo.save_event(Event("ev", EventType.ATTACK, country="PK"))
    with pytest.raises(KeyError), repo.transaction():
        repo.save_event(Event("ev", EventType.ARREST))
        repo.add_report(Report(text="A report."), [1])
        raise KeyError("abort")
    event = repo.get_event("ev")
    assert event is not None and event.type is EventType.ATTACK
    assert repo.list_reports() == []
