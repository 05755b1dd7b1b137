"""Migration 0003 fills the band index for reports stored before it (SQLite; PostgreSQL too)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from mosaic.store import schema
from mosaic.store.bands import band_buckets
from mosaic.store.engine import create_engine, parse_url
from mosaic.store.sql import open_repository
from support.migrations import migrate_to
from support.stores import POSTGRES_URL, empty

STORES = ["sqlite", *(["postgres"] if POSTGRES_URL else [])]
SIGNATURES = {
    "r-a": list(range(64)),
    "r-b": [i if i in (6, 7) else 500 + i for i in range(64)],
    "r-c": [900 + i for i in range(64)],
    "r-short": [1, 2, 3],
}


def _report_row(report_id: str, signature: list[int]) -> dict[str, object]:
    return {
        "id": report_id,
        "content_hash": f"hash-{report_id}",
        "text": f"Text of {report_id}.",
        "media_type": "text/plain",
        "minhash": json.dumps(signature),
        "ingested_at": dt.datetime(2024, 5, 1),
        "owner": "local",
        "tlp": "clear",
    }


@pytest.fixture(params=STORES)
def url_at_0002(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database at revision 0002 holding the reports of SIGNATURES."""
    if request.param == "sqlite":
        url = str(tmp_path / "old.db")
        engine = create_engine(parse_url(url))
        migrate_to(engine, "0002")
    else:
        url = POSTGRES_URL
        empty(open_repository(url))
        engine = create_engine(parse_url(url))
        migrate_to(engine, "0002", downgrade=True)
    reports = sa.table("reports", *(sa.column(name) for name in _report_row("x", [])))
    with engine.begin() as connection:
        connection.execute(sa.insert(reports), [_report_row(i, s) for i, s in SIGNATURES.items()])
    engine.dispose()
    return url


def test_store_migration_0003_backfills_bands_of_stored_reports(url_at_0002: str) -> None:
    repo = open_repository(url_at_0002)
    try:
        with repo.engine.connect() as connection:
            rows = connection.execute(sa.select(schema.report_bands)).all()
        stored = {(row.report_id, row.band, row.bucket) for row in rows}
        expected = {
            (report_id, band, bucket)
            for report_id, signature in SIGNATURES.items()
            for band, bucket in band_buckets(signature)
        }
        assert len(stored) == 32 * 3 + 2
        assert stored == expected
        found = repo.near_duplicate_candidates(SIGNATURES["r-a"])
        assert [report_id for report_id, _ in found] == ["r-a", "r-b"]
    finally:
        empty(repo)
        repo.close()
