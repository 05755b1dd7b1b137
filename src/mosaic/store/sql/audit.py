"""The audit log in SQL, and the one write that changes a record's marking."""

from __future__ import annotations

import sqlalchemy as sa

from mosaic.model import Marking
from mosaic.model.audit import AuditEntry
from mosaic.store.access_rows import audit_of, audit_row
from mosaic.store.ports import MARKED_KINDS
from mosaic.store.rows import marking_row
from mosaic.store.schema import audit_log, entities, events, relations, reports, statements
from mosaic.store.sql import statement_markings
from mosaic.store.sql.base import SqlBase

_MARKED_TABLES = dict(
    zip(MARKED_KINDS, (reports, statements, entities, events, relations), strict=True)
)


class SqlAudit(SqlBase):
    def lock_audit_log(self) -> None:
        """PostgreSQL: a table lock only writers of the log wait for. SQLite: a write that
        changes nothing, which takes the database's write lock (waiting its busy timeout)
        before the transaction reads, so its view of the newest entry cannot go stale."""
        with self._connect() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(sa.text("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE"))
            else:
                connection.execute(
                    sa.update(audit_log).where(sa.false()).values(sequence=audit_log.c.sequence)
                )

    def last_audit_entry(self) -> AuditEntry | None:
        query = audit_log.select().order_by(audit_log.c.sequence.desc()).limit(1)
        with self._connect() as connection:
            row = connection.execute(query).mappings().first()
        return audit_of(row) if row else None

    def append_audit_entry(self, entry: AuditEntry) -> None:
        """A plain insert: a second entry with the same number fails on the primary key."""
        with self._connect() as connection:
            connection.execute(audit_log.insert().values(**audit_row(entry)))

    def audit_entries(self, after: int = 0, limit: int = 1000) -> list[AuditEntry]:
        query = (
            audit_log.select()
            .where(audit_log.c.sequence > after)
            .order_by(audit_log.c.sequence)
            .limit(limit)
        )
        with self._connect() as connection:
            return [audit_of(row) for row in connection.execute(query).mappings()]

    def set_marking(self, kind: str, record_id: str, marking: Marking) -> bool:
        table = _MARKED_TABLES.get(kind)
        if table is None:
            raise ValueError(f"not a kind of marked record: {kind}")
        update = sa.update(table).where(table.c.id == record_id).values(**marking_row(marking))
        with self._connect() as connection:
            changed = connection.execute(update).rowcount == 1
            if changed and table is statements:
                subjects = statement_markings.subjects_of(connection, [record_id])
                statement_markings.refresh_subjects(connection, subjects)
            return changed
