"""The PostgreSQL database the tests may use, and how to empty a SQL store between tests."""

from __future__ import annotations

import os

from mosaic.store import schema
from mosaic.store.sql import SqlRepository

# Set by .ci/run, which starts a throwaway server; unset, the PostgreSQL tests are skipped.
POSTGRES_URL = os.environ.get("MOSAIC_TEST_POSTGRES_URL", "")


def empty(repo: SqlRepository) -> None:
    """Delete every row, children first, so each test starts from an empty database."""
    with repo.engine.begin() as connection:
        for table in reversed(schema.metadata.sorted_tables):
            connection.execute(table.delete())
