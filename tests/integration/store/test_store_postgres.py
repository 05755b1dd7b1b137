"""What only PostgreSQL can show: the migrations build there the schema the code declares."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from mosaic.store import schema
from mosaic.store.engine import MIGRATIONS
from mosaic.store.sql import open_repository
from support.stores import POSTGRES_URL

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="MOSAIC_TEST_POSTGRES_URL is not set")


def _in_schema(name: str | None, type_: str, _parents: object) -> bool:
    return type_ != "table" or name in schema.metadata.tables


def test_store_postgres_migrations_reach_head_and_match_the_schema_module() -> None:
    repo = open_repository(POSTGRES_URL)
    try:
        with repo.engine.connect() as connection:
            version = connection.execute(sa.text("SELECT version_num FROM alembic_version"))
            assert version.scalar_one() == ScriptDirectory(str(MIGRATIONS)).get_current_head()
            context = MigrationContext.configure(connection, opts={"include_name": _in_schema})
            assert compare_metadata(context, schema.metadata) == []
    finally:
        repo.close()
