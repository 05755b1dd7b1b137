"""Migration 0007_named_tolls: events stored before it keep their tolls, read as stated."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from mosaic.model import Count
from mosaic.store.engine import create_engine, parse_url
from mosaic.store.sql import open_repository
from support.migrations import migrate_to


def test_store_migration_0007_old_tolls_are_stated_numbers(tmp_path: Path) -> None:
    url = str(tmp_path / "old.db")
    engine = create_engine(parse_url(url))
    migrate_to(engine, "0006_statement_markings")
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO events (id, type, perpetrators, targets, killed_low, killed_high,"
                " owner, tlp) VALUES ('ev-1', 'attack', '[]', '[]', 12, 12, 'local', 'clear')"
            )
        )
    engine.dispose()
    repo = open_repository(url)
    try:
        stored = repo.get_event("ev-1")
        assert stored is not None and stored.killed == Count.exactly(12)
        assert not stored.killed.named
    finally:
        repo.close()


def test_store_migration_0007_downgrades_to_0006(tmp_path: Path) -> None:
    engine = create_engine(parse_url(str(tmp_path / "kb.db")))
    migrate_to(engine, "head")
    migrate_to(engine, "0006_statement_markings", downgrade=True)
    columns = {column["name"] for column in sa.inspect(engine).get_columns("events")}
    engine.dispose()
    assert not {"killed_named", "wounded_named"} & columns and "killed_low" in columns
