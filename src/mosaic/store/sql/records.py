"""One report's records written together in the SQL store, each fact's markings named once."""

from __future__ import annotations

from collections.abc import Sequence

from mosaic.model import Entity, Event, Relation, Statement, SubjectKind
from mosaic.store.sql import statement_markings
from mosaic.store.sql.base import SqlBase
from mosaic.store.sql.entities import write_entities
from mosaic.store.sql.events import write_events
from mosaic.store.sql.relations import write_relations
from mosaic.store.sql.statements import write_statements


class SqlRecords(SqlBase):
    def save_records(
        self,
        entities: Sequence[Entity],
        events: Sequence[Event],
        relations: Sequence[Relation],
        statements: Sequence[Statement],
    ) -> None:
        """`save_entities`, `save_events`, `save_relations` and `add_statements` in one, the
        statement markings of each fact refreshed once, after its statements are written
        (the four calls refresh a new fact's twice: before its statements and after)."""
        with self._connect() as connection:
            write_entities(connection, entities)
            facts = {(SubjectKind.EVENT.value, i) for i in write_events(connection, events)}
            facts |= {
                (SubjectKind.RELATION.value, i) for i in write_relations(connection, relations)
            }
            facts |= write_statements(connection, statements)
            statement_markings.refresh_subjects(connection, facts)
