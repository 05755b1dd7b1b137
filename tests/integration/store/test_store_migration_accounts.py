"""Migration 0004_accounts: records stored before it keep their meaning (SQLite; PostgreSQL too)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from mosaic.model import Distribution, Marking, Tlp
from mosaic.store.engine import create_engine, parse_url
from mosaic.store.sql import open_repository
from support.migrations import migrate_to
from support.stores import POSTGRES_URL, empty

STORES = ["sqlite", *(["postgres"] if POSTGRES_URL else [])]
OLD_LABELS = {"r-white": "TLP:WHITE", "r-lower": "amber", "r-red": "TLP:RED"}


def _report_row(report_id: str, tlp: str) -> dict[str, object]:
    return {
        "id": report_id,
        "content_hash": f"hash-{report_id}",
        "text": f"Text of {report_id}.",
        "media_type": "text/plain",
        "minhash": json.dumps([1, 2]),
        "ingested_at": dt.datetime(2024, 5, 1),
        "owner": "local",
        "tlp": tlp,
    }


@pytest.fixture(params=STORES)
def url_at_0003(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database at revision 0003 holding reports marked with old TLP spellings."""
    if request.param == "sqlite":
        url = str(tmp_path / "old.db")
        engine = create_engine(parse_url(url))
        migrate_to(engine, "0003")
    else:
        url = POSTGRES_URL
        empty(open_repository(url))
        engine = create_engine(parse_url(url))
        migrate_to(engine, "0003", downgrade=True)
    reports = sa.table("reports", *(sa.column(name) for name in _report_row("x", "")))
    with engine.begin() as connection:
        connection.execute(sa.insert(reports), [_report_row(i, t) for i, t in OLD_LABELS.items()])
    engine.dispose()
    return url


def test_store_migration_0004_reads_old_labels_as_tlp_2_shared_with_the_community(
    url_at_0003: str,
) -> None:
    repo = open_repository(url_at_0003)
    try:
        markings = {rid: getattr(repo.get_report(rid), "marking", None) for rid in OLD_LABELS}
        assert markings == {
            "r-white": Marking("local", Tlp.CLEAR, Distribution.COMMUNITY),
            "r-lower": Marking("local", Tlp.AMBER, Distribution.COMMUNITY),
            "r-red": Marking("local", Tlp.RED, Distribution.COMMUNITY),
        }
        with repo.engine.connect() as connection:
            stored = connection.execute(sa.text("SELECT tlp FROM reports ORDER BY id")).scalars()
            assert list(stored) == ["TLP:AMBER", "TLP:RED", "TLP:CLEAR"]
        assert repo.list_users() == [] and repo.last_audit_entry() is None
    finally:
        empty(repo)
        repo.close()


def test_store_migration_0004_downgrades_to_0003(tmp_path: Path) -> None:
    engine = create_engine(parse_url(str(tmp_path / "kb.db")))
    migrate_to(engine, "head")
    migrate_to(engine, "0003", downgrade=True)
    tables = set(sa.inspect(engine).get_table_names())
    columns = {column["name"] for column in sa.inspect(engine).get_columns("reports")}
    engine.dispose()
    assert "audit_log" not in tables and "users" not in tables
    assert "distribution" not in columns and "tlp" in columns
