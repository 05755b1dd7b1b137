"""Migration 0006_statement_markings: facts stored before it are seen as their statements allow."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from mosaic.model import Visibility
from mosaic.store.engine import create_engine, parse_url
from mosaic.store.schema import events
from mosaic.store.sql import open_repository
from mosaic.store.visibility import seen_in_part, seen_whole
from support.migrations import migrate_to

Marked = tuple[str, str, str, None]
GREEN = ("local", "TLP:GREEN", "community", None)
RED = ("local", "TLP:RED", "organisation", None)


def _event(event_id: str) -> dict[str, object]:
    return {
        "id": event_id,
        "type": "attack",
        "perpetrators": "[]",
        "targets": "[]",
        "owner": "local",
        "tlp": "TLP:CLEAR",
        "distribution": "community",
    }


def _statement(
    number: int, event_id: str, marking: tuple[str, str, str, None]
) -> dict[str, object]:
    owner, tlp, distribution, group = marking
    return {
        "id": f"st-{number}",
        "subject_kind": "event",
        "subject_id": event_id,
        "prop": "killed",
        "value": "1",
        "report_id": "r1",
        "span_start": number,
        "span_end": number,
        "sentence": "",
        "extractor": "t",
        "confidence": 1.0,
        "status": "unreviewed",
        "owner": owner,
        "tlp": tlp,
        "distribution": distribution,
        "sharing_group": group,
    }


def test_store_migration_0006_fills_each_facts_markings(tmp_path: Path) -> None:
    url = str(tmp_path / "old.db")
    engine = create_engine(parse_url(url))
    migrate_to(engine, "0005_session_tokens")
    table = sa.table("events", *(sa.column(name) for name in _event("x")))
    said = sa.table("statements", *(sa.column(name) for name in _statement(0, "x", GREEN)))
    behind = {"ev-green": [GREEN, GREEN], "ev-mixed": [GREEN, RED], "ev-bare": []}
    with engine.begin() as connection:
        connection.execute(sa.insert(table), [_event(event_id) for event_id in behind])
        rows = [(event_id, marking) for event_id, found in behind.items() for marking in found]
        connection.execute(sa.insert(said), [_statement(n, e, m) for n, (e, m) in enumerate(rows)])
    engine.dispose()
    repo = open_repository(url)
    partner = Visibility("org-b")
    with repo.engine.connect() as connection:
        whole, part = (
            set(connection.execute(sa.select(events.c.id).where(seen(events, partner))).scalars())
            for seen in (seen_whole, seen_in_part)
        )
    repo.close()
    assert whole == {"ev-green", "ev-bare"} and part == {"ev-mixed"}


def test_store_migration_0006_downgrades_to_0005(tmp_path: Path) -> None:
    engine = create_engine(parse_url(str(tmp_path / "kb.db")))
    migrate_to(engine, "head")
    migrate_to(engine, "0005_session_tokens", downgrade=True)
    columns = {column["name"] for column in sa.inspect(engine).get_columns("events")}
    tables = set(sa.inspect(engine).get_table_names())
    engine.dispose()
    assert "statement_markings" not in columns and "marking_sets" not in tables
