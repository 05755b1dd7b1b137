import datetime as dt

import pytest

from mosaic.services import audit
from mosaic.services.audit import COMMAND_LINE, Actor, entries, record, verify
from support.memory import MemoryRepository

NOON = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)


def test_audit_record_chains_after_the_newest_entry() -> None:
    store = MemoryRepository()
    first = record(store, COMMAND_LINE, "organisation.add", "org-a", clock=lambda: NOON)
    second = record(store, Actor("ana", "org-a"), "export", "stix", {"records": 3})
    assert (first.sequence, second.sequence) == (1, 2)
    assert second.previous == first.hash
    assert first.event.at == "2026-12-05T12:00:00+00:00"
    assert (second.event.actor, second.event.organisation) == ("ana", "org-a")
    assert verify(store).intact


def test_audit_entries_are_read_across_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit, "_PAGE", 2)
    store = MemoryRepository()
    for n in range(5):
        record(store, COMMAND_LINE, "login", f"u{n}")
    assert [e.sequence for e in entries(store)] == [1, 2, 3, 4, 5]
    report = verify(store)
    assert report.intact and report.entries == 5
