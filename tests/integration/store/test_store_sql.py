"""What only the SQL store does: migrate, reopen, refuse bad files, survive a crash."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from mosaic.errors import StoreError
from mosaic.model import Entity, EntityKind, Report
from mosaic.store import schema
from mosaic.store.engine import MIGRATIONS
from mosaic.store.sql import open_repository

TABLES = {
    "reports",
    "near_duplicates",
    "mentions",
    "entities",
    "entity_names",
    "events",
    "event_participants",
    "relations",
    "statements",
}


def test_store_sql_migrations_create_the_schema(tmp_path: Path) -> None:
    repo = open_repository(str(tmp_path / "new.db"))
    with repo.engine.connect() as connection:
        inspector = sa.inspect(connection)
        assert TABLES | {"alembic_version"} <= set(inspector.get_table_names())
        version = connection.execute(sa.text("SELECT version_num FROM alembic_version"))
        assert version.scalar_one() == ScriptDirectory(str(MIGRATIONS)).get_current_head()
        indexes = {i["name"] for i in inspector.get_indexes("event_participants")}
        assert "ix_event_participants_entity_id_event_id" in indexes
    repo.close()


def _in_schema(name: str | None, type_: str, _parents: object) -> bool:
    """Compare only the tables `mosaic.store.schema` declares (other modules add theirs)."""
    return type_ != "table" or name in schema.metadata.tables


def test_store_sql_migrations_match_the_schema_module(tmp_path: Path) -> None:
    repo = open_repository(f"sqlite:///{tmp_path / 'new.db'}")
    with repo.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": _in_schema})
        differences = compare_metadata(context, schema.metadata)
    repo.close()
    assert differences == []


def test_store_sql_reopening_keeps_data(tmp_path: Path) -> None:
    path = str(tmp_path / "kept.db")
    first = open_repository(path)
    first.save_entity(Entity("org:ttp", EntityKind.ORGANIZATION, "TTP"))
    first.close()
    again = open_repository(path)
    assert again.get_entity("org:ttp") == Entity("org:ttp", EntityKind.ORGANIZATION, "TTP")
    assert again.counts()["organizations"] == 1
    again.close()


def test_store_sql_file_that_is_not_a_database_fails(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("These are my notes, not a database.\n" * 200)
    with pytest.raises(StoreError, match=r"notes\.db.*not a database"):
        open_repository(str(path))


def test_store_sql_missing_directory_fails(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="absent"):
        open_repository(str(tmp_path / "absent" / "x.db"))


def test_store_sql_database_from_a_newer_version_fails(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_repository(str(path)).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer"):
        open_repository(str(path))


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://mosaic:s3cret@127.0.0.1:1/mosaic",
        "mysql://mosaic:s3cret@localhost/mosaic",
        "postgresql+psycopg://mosaic:s3cret@127.0.0.1:bad/mosaic",
    ],
)
def test_store_sql_unusable_url_fails_without_showing_password(url: str) -> None:
    with pytest.raises(StoreError, match="mosaic:\\*\\*\\*@") as raised:
        open_repository(url)
    assert "s3cret" not in str(raised.value)


def test_store_sql_in_memory_url_works() -> None:
    repo = open_repository("sqlite://")
    repo.save_entity(Entity("org:x", EntityKind.ORGANIZATION, "X"))
    assert repo.counts()["entities"] == 1


_CRASH = textwrap.dedent(
    """
    import os, signal, sys
    from mosaic.model import Entity, EntityKind, Report
    from mosaic.store.sql import open_repository

    repo = open_repository(sys.argv[1])
    repo.save_entity(Entity("org:committed", EntityKind.ORGANIZATION, "Committed"))
    with repo.transaction():
        repo.add_report(Report(text="Half-written report."), [1, 2, 3])
        repo.save_entity(Entity("org:lost", EntityKind.ORGANIZATION, "Lost"))
        print("written", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_store_sql_process_killed_mid_transaction_leaves_no_partial_data(tmp_path: Path) -> None:
    path = str(tmp_path / "crash.db")
    run = subprocess.run(
        [sys.executable, "-c", _CRASH, path], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert run.stdout.strip() == "written"
    repo = open_repository(path)
    assert repo.get_entity("org:committed") is not None
    assert repo.get_entity("org:lost") is None
    assert not repo.has_report(Report(text="Half-written report.").content_hash)
    assert repo.counts()["reports"] == 0
    repo.close()
