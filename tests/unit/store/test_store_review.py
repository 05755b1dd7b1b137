"""The memory review log: decisions kept newest first, undo stamps without deleting."""

from __future__ import annotations

import datetime as dt

from mosaic.store.review import Decision, MemoryReviewLog, review_log_for
from support.memory import MemoryRepository


def test_review_log_history_and_undo() -> None:
    log = MemoryReviewLog()
    first = Decision("d1", "confirm", "s1", "ana", dt.datetime(2024, 1, 1))
    second = Decision("d2", "reject", "s2", "ana", dt.datetime(2024, 1, 2))
    log.record(first)
    log.record(second)
    assert [d.id for d in log.history()] == ["d2", "d1"]
    assert [d.id for d in log.history(target="s1")] == ["d1"]
    log.mark_undone("d1", "bo", dt.datetime(2024, 1, 3))
    undone = log.get("d1")
    assert undone is not None and not undone.active and undone.undone_by == "bo"
    assert log.get("nope") is None


def test_review_log_for_memory_store_is_in_memory() -> None:
    assert isinstance(review_log_for(MemoryRepository()), MemoryReviewLog)
