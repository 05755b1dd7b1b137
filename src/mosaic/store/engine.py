"""Turn a database URL into a migrated SQLAlchemy engine, or a StoreError that says why not.

Only SQLite and PostgreSQL are supported; the queries are written once for both.
SQLite connections get foreign keys, WAL and real transactions (the sqlite3
module otherwise starts transactions late and commits DDL on its own).

Write transactions (`writer(engine).begin()`) take the database's write lock
when they begin, so that concurrent writers queue instead of failing: on SQLite
`BEGIN IMMEDIATE`, which waits up to the busy timeout (a plain `BEGIN` that reads
before writing cannot wait in WAL mode: its lock upgrade fails at once); on
PostgreSQL a transaction-level advisory lock, so that writers never deadlock.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from mosaic.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"
SUPPORTED_DIALECTS = ("sqlite", "postgresql")
BUSY_TIMEOUT_MS = 30_000
# The execution option that marks a connection's transactions as writes.
WRITES_OPTION = "mosaic_writes"
# Any fixed 64-bit number: the advisory lock every PostgreSQL writer takes.
_POSTGRES_WRITE_LOCK = 0x6D6F73616963
# Deadlock, serialisation failure, lock wait timed out.
_POSTGRES_BUSY_STATES = frozenset({"40P01", "40001", "55P03"})


def parse_url(url: str) -> URL:
    """A SQLAlchemy URL; text without a scheme is a SQLite file path."""
    if "://" not in url:
        return URL.create("sqlite", database=url)
    try:
        return make_url(url)
    except (ArgumentError, ValueError) as e:
        raise StoreError(f"{_redact(url)}: not a database URL ({e})") from e


def shown(url: URL) -> str:
    """The URL as messages may print it: without its password."""
    return url.render_as_string(hide_password=True)


def create_engine(url: URL) -> Engine:
    """An engine for a supported dialect, with SQLite's connection setup attached."""
    if url.get_backend_name() not in SUPPORTED_DIALECTS:
        raise StoreError(f"{shown(url)}: Mosaic stores data in SQLite or PostgreSQL only")
    try:
        engine = sa.create_engine(url, **_engine_options(url))
    except (ImportError, NoSuchModuleError) as e:
        hint = " (install mosaic-osint[postgres])" if url.get_backend_name() == "postgresql" else ""
        raise StoreError(f"{shown(url)}: no database driver{hint}: {e}") from e
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    else:
        _configure_postgres(engine)
    return engine


def writer(engine: Engine) -> Engine:
    """The engine whose transactions are writes: each takes the write lock as it begins."""
    return engine.execution_options(**{WRITES_OPTION: True})


def _writes(connection: sa.Connection) -> bool:
    return bool(connection.get_execution_options().get(WRITES_OPTION))


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration, inside one transaction."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with writer(engine).begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except CommandError as e:
        raise StoreError(
            f"{shown(engine.url)}: cannot migrate the knowledge base "
            f"(written by a newer Mosaic?): {e}"
        ) from e
    except SQLAlchemyError as e:
        raise StoreError(f"{shown(engine.url)}: cannot open the knowledge base: {reason(e)}") from e


def _engine_options(url: URL) -> dict[str, Any]:
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    return {}


def _configure_sqlite(engine: Engine) -> None:
    """Busy timeout, foreign keys, WAL, and transactions that begin at BEGIN (IMMEDIATE)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _writes(connection) else "BEGIN")


def _configure_postgres(engine: Engine) -> None:
    """Write transactions wait for one advisory lock, held until they commit or roll back."""

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        if _writes(connection):
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}")
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_POSTGRES_WRITE_LOCK})")


def is_busy(error: SQLAlchemyError) -> bool:
    """Whether the error is a lock that another writer held: a wait timed out, or a deadlock."""
    original = getattr(error, "orig", None)
    if getattr(original, "sqlstate", None) in _POSTGRES_BUSY_STATES:
        return True
    return isinstance(error, OperationalError) and any(
        words in str(original) for words in ("database is locked", "database is busy")
    )


def reason(error: SQLAlchemyError) -> str:
    """The driver's own one-line message, without SQLAlchemy's statement dump."""
    original = getattr(error, "orig", None)
    lines = str(original if original is not None else error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _redact(url: str) -> str:
    """Hide a password in text that did not even parse as a URL."""
    scheme, _, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at or ":" not in credentials:
        return url
    return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}"
