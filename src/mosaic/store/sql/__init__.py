"""The SQL store (SQLite or PostgreSQL through the same queries) and the way to open one.

`open_repository("mosaic.db")` or `open_repository("postgresql+psycopg://user@host/db")`
returns a repository whose schema has been migrated to the newest version.
"""

from __future__ import annotations

import sqlalchemy as sa

from mosaic.model import EntityKind, Visibility
from mosaic.store import schema
from mosaic.store.engine import create_engine, migrate, parse_url
from mosaic.store.sql.accounts import SqlAccounts
from mosaic.store.sql.audit import SqlAudit
from mosaic.store.sql.entities import SqlEntities
from mosaic.store.sql.events import SqlEvents
from mosaic.store.sql.reads import SqlReads
from mosaic.store.sql.records import SqlRecords
from mosaic.store.sql.relations import SqlRelations
from mosaic.store.sql.reports import SqlReports
from mosaic.store.sql.statements import SqlStatements
from mosaic.store.visibility import seen_at_all, visible_in

__all__ = ["SqlRepository", "open_repository"]


class SqlRepository(
    SqlReports,
    SqlEntities,
    SqlEvents,
    SqlRelations,
    SqlStatements,
    SqlRecords,
    SqlReads,
    SqlAccounts,
    SqlAudit,
):
    """The `Repository` and `AccessStore` over a SQLAlchemy engine whose schema is migrated."""

    def counts(self, visibility: Visibility | None = None) -> dict[str, int]:
        """Numbers of reports, mentions, entities (by kind), events, relations, statements
        that the reader may see (events and relations seen whole or in part)."""
        seen = _Counter(visibility)
        figures = {
            "reports": seen.count(schema.reports),
            "mentions": seen.mentions(),
            "entities": seen.count(schema.entities),
            "organizations": seen.count(schema.entities, EntityKind.ORGANIZATION),
            "people": seen.count(schema.entities, EntityKind.PERSON),
            "places": seen.count(schema.entities, EntityKind.PLACE),
            "events": seen.count(schema.events),
            "relations": seen.count(schema.relations),
            "statements": seen.count(schema.statements),
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


class _Counter:
    """Counting subqueries of what one reader may see (None: everything)."""

    def __init__(self, visibility: Visibility | None) -> None:
        self.visibility = visibility

    def count(self, table: sa.Table, kind: EntityKind | None = None) -> sa.ScalarSelect[int]:
        query = sa.select(sa.func.count()).select_from(table)
        if kind is not None:
            query = query.where(table.c.kind == kind.value)
        if self.visibility is not None:
            facts = table.name in (schema.events.name, schema.relations.name)
            seen = seen_at_all if facts else visible_in
            query = query.where(seen(table, self.visibility))
        return query.scalar_subquery()

    def mentions(self) -> sa.ScalarSelect[int]:
        """Mentions in the reports the reader may see."""
        query = sa.select(sa.func.count()).select_from(schema.mentions)
        if self.visibility is not None:
            shown = sa.select(schema.reports.c.id).where(
                visible_in(schema.reports, self.visibility)
            )
            query = query.where(schema.mentions.c.report_id.in_(shown))
        return query.scalar_subquery()
