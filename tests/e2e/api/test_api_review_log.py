"""The SQL review log: migration 0002 creates what `mosaic.store.review` queries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from mosaic.store import schema
from mosaic.store.review import Decision, SqlReviewLog, review_log_for
from mosaic.store.sql import open_repository

pytestmark = pytest.mark.e2e


def _only_review(name: str | None, type_: str, _parents: object) -> bool:
    return type_ != "table" or name in schema.metadata.tables


def test_review_log_migration_matches_the_table(tmp_path: Path) -> None:
    repo = open_repository(str(tmp_path / "kb.db"))
    with repo.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": _only_review})
        differences = compare_metadata(context, schema.metadata)
    repo.close()
    assert differences == []


def test_review_log_sql_keeps_decisions_and_undo(tmp_path: Path) -> None:
    repo = open_repository(str(tmp_path / "kb.db"))
    log = review_log_for(repo)
    assert isinstance(log, SqlReviewLog)
    at = dt.datetime(2024, 5, 1, 12, 0)
    log.record(Decision("d1", "correct", "s1", "ana", at, {"field": [1, 2]}, {"value": 3}, "why"))
    log.record(Decision("d2", "confirm", "s2", "ana", at + dt.timedelta(minutes=1)))
    assert [d.id for d in log.history()] == ["d2", "d1"]
    log.mark_undone("d1", "bo", at + dt.timedelta(hours=1))
    found = log.get("d1")
    assert found is not None and found.before == {"field": [1, 2]} and found.note == "why"
    assert found.undone_by == "bo" and not found.active
    assert [d.id for d in log.history(target="s2")] == ["d2"]
    repo.close()
