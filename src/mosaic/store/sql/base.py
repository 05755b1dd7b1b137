"""Connections, transactions and upserts shared by every part of the SQL store.

A write outside `transaction()` runs in a transaction of its own and commits at
once; inside one, it joins that block's connection. The block's connection is
kept per thread, so one repository may serve several threads.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from mosaic.errors import StoreBusyError, StoreError
from mosaic.store.engine import is_busy, reason, shown, writer
from mosaic.store.rows import Row

IDS_PER_QUERY = 500
"""How many ids one `IN (...)` list of a bulk read holds: far under every database's limit."""


class SqlBase:
    """The engine, and the connection of the transaction open in this thread, if any."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._local = threading.local()

    @property
    def engine(self) -> sa.Engine:
        return self._engine

    def close(self) -> None:
        """Close every pooled connection (the repository reconnects if used again)."""
        self._engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Commit everything written in the block together, or nothing if it raises.

        A nested block joins the outer one: nothing is committed until the
        outermost block ends. The outermost block takes the write lock as it
        begins (`engine.writer`), so concurrent writers wait for each other.
        """
        if self._current() is not None:
            yield
            return
        with self._translated(), writer(self._engine).begin() as connection:
            self._local.connection = connection
            try:
                yield
            finally:
                self._local.connection = None

    @contextmanager
    def _connect(self) -> Iterator[sa.Connection]:
        """The open transaction's connection, or a transaction for this call alone."""
        current = self._current()
        if current is not None:
            with self._translated():
                yield current
            return
        with self._translated(), self._engine.begin() as connection:
            yield connection

    def _current(self) -> sa.Connection | None:
        connection: sa.Connection | None = getattr(self._local, "connection", None)
        return connection

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as e:
            kind = StoreBusyError if is_busy(e) else StoreError
            raise kind(f"{shown(self._engine.url)}: {reason(e)}") from e


def upsert(
    connection: sa.Connection,
    table: sa.Table,
    rows: Sequence[Row],
    keep: Collection[str] = (),
) -> None:
    """Insert `rows`, updating stored rows with the same primary key instead.

    Columns named in `keep` keep their stored value on update. Within `rows`,
    the last row for a key wins.
    """
    if not rows:
        return
    key = [column.name for column in table.primary_key.columns]
    unique = list({tuple(row[name] for name in key): row for row in rows}.values())
    statement = _upsert_statement(connection.dialect.name, table, tuple(unique[0]), frozenset(keep))
    connection.execute(statement, unique)


@functools.lru_cache(maxsize=256)
def _upsert_statement(
    dialect: str, table: sa.Table, columns: tuple[str, ...], keep: frozenset[str]
) -> sa.Executable:
    """The upsert of rows with these columns, built once: building `excluded` is costly."""
    key = [column.name for column in table.primary_key.columns]
    insert = _insert(dialect, table)
    changed = {
        name: insert.excluded[name] for name in columns if name not in key and name not in keep
    }
    return (
        insert.on_conflict_do_update(index_elements=key, set_=changed)
        if changed
        else insert.on_conflict_do_nothing(index_elements=key)
    )


def _insert(dialect: str, table: sa.Table) -> postgresql.Insert | sqlite.Insert:
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise StoreError(f"no upsert for the {dialect} dialect; use SQLite or PostgreSQL")


def chunked(ids: Iterable[str]) -> Iterator[list[str]]:
    """The distinct ids in lists of at most IDS_PER_QUERY, in the order first given."""
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), IDS_PER_QUERY):
        yield unique[start : start + IDS_PER_QUERY]
