"""The SQL store (SQLite or PostgreSQL through the same queries) and the way to open one.

`open_repository("mosaic.db")` or `open_repository("postgresql+psycopg://user@host/db")`
returns a repository whose schema has been migrated to the newest version.
"""

from __future__ import annotations

import sqlalchemy as sa

from mosaic.model import EntityKind
from mosaic.store import schema
from mosaic.store.engine import create_engine, migrate, parse_url
from mosaic.store.sql.accounts import SqlAccounts
from mosaic.store.sql.audit import SqlAudit
from mosaic.store.sql.entities import SqlEntities
from mosaic.store.sql.events import SqlEvents
from mosaic.store.sql.reads import SqlReads
from mosaic.store.sql.relations import SqlRelations
from mosaic.store.sql.reports import SqlReports
from mosaic.store.sql.statements import SqlStatements

__all__ = ["SqlRepository", "open_repository"]


class SqlRepository(
    SqlReports,
    SqlEntities,
    SqlEvents,
    SqlRelations,
    SqlStatements,
    SqlReads,
    SqlAccounts,
    SqlAudit,
):
    """The `Repository` and `AccessStore` over a SQLAlchemy engine whose schema is migrated."""

    def counts(self) -> dict[str, int]:
        """Numbers of reports, mentions, entities (by kind), events, relations, statements."""
        figures = {
            "reports": _count(schema.reports),
            "mentions": _count(schema.mentions),
            "entities": _count(schema.entities),
            "organizations": _count(schema.entities, EntityKind.ORGANIZATION),
            "people": _count(schema.entities, EntityKind.PERSON),
            "places": _count(schema.entities, EntityKind.PLACE),
            "events": _count(schema.events),
            "relations": _count(schema.relations),
            "statements": _count(schema.statements),
        }
        query = sa.select(*(value.label(name) for name, value in figures.items()))
        with self._connect() as connection:
            row = connection.execute(query).one()
        return {name: int(row._mapping[name]) for name in figures}


def open_repository(url: str) -> SqlRepository:
    """Open (creating and migrating as needed) the knowledge base at `url`.

    A URL without a scheme is a SQLite file path. Raises StoreError naming the
    URL (never its password) when it cannot be opened or migrated.
    """
    engine = create_engine(parse_url(url))
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return SqlRepository(engine)


def _count(table: sa.Table, kind: EntityKind | None = None) -> sa.ScalarSelect[int]:
    query = sa.select(sa.func.count()).select_from(table)
    if kind is not None:
        query = query.where(table.c.kind == kind.value)
    return query.scalar_subquery()
