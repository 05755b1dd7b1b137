"""Turn a database URL into a migrated SQLAlchemy engine, or a StoreError that says why not.

Only SQLite and PostgreSQL are supported; the queries are written once for both.
SQLite connections get foreign keys, WAL and real transactions (the sqlite3
module otherwise starts transactions late and commits DDL on its own).
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
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from mosaic.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"
SUPPORTED_DIALECTS = ("sqlite", "postgresql")


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
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration, inside one transaction."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
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
    """Foreign keys, WAL, and transactions that begin at BEGIN, set on every new connection."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA busy_timeout = 10000")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql("BEGIN")


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
