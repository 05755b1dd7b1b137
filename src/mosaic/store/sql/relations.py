"""Relations in the SQL store, including the network as it stood on a given day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa

from mosaic.model import Relation, RelationType, SubjectKind
from mosaic.store.rows import relation_of, relation_row
from mosaic.store.rules import relation_pairs
from mosaic.store.schema import relations
from mosaic.store.sql import statement_markings
from mosaic.store.sql.base import SqlBase, chunked, upsert

# The first/last day columns serve queries; a relation is read from its ISO dates.
_HIDDEN = ("start_first", "end_last", "statement_markings")
_READ = [column for column in relations.c if column.name not in _HIDDEN]
_AMONG = (
    sa.select(*_READ)
    .where(
        relations.c.subject_id.in_(sa.bindparam("subjects", expanding=True)),
        relations.c.object_id.in_(sa.bindparam("objects", expanding=True)),
    )
    .order_by(relations.c.id)
)
"""`relations_among`'s query, built once: storing a report with relations runs it."""


class SqlRelations(SqlBase):
    def save_relation(self, relation: Relation) -> None:
        self.save_relations([relation])

    def save_relations(self, batch: Sequence[Relation]) -> None:
        """`save_relation` of each, in a few statements; of two with one id, the last is
        stored."""
        with self._connect() as connection:
            ids = write_relations(connection, batch)
            statement_markings.refresh(connection, SubjectKind.RELATION, ids)

    def get_relation(self, relation_id: str) -> Relation | None:
        return next(iter(self._relations(relations.c.id == relation_id)), None)

    def find_relation(self, type: RelationType, subject_id: str, object_id: str) -> Relation | None:
        """The relation of this type between the two; either way round when symmetric."""
        pairs = relation_pairs(type, subject_id, object_id)
        found = self._relations(
            relations.c.type == type.value,
            sa.or_(
                *(
                    sa.and_(relations.c.subject_id == subject, relations.c.object_id == object_)
                    for subject, object_ in pairs
                )
            ),
        )
        found.sort(key=lambda relation: pairs.index((relation.subject_id, relation.object_id)))
        return found[0] if found else None

    def relations_of(self, entity_id: str) -> list[Relation]:
        """Relations with the entity on either side, by id."""
        return self._relations(
            sa.or_(relations.c.subject_id == entity_id, relations.c.object_id == entity_id)
        )

    def relations_among(self, entity_ids: Sequence[str]) -> list[Relation]:
        """Relations both of whose sides are among `entity_ids`, by id; one query per
        IDS_PER_QUERY ids of each side."""
        chunks = list(chunked(entity_ids))
        with self._connect() as connection:
            found = [
                [
                    relation_of(row)
                    for row in connection.execute(
                        _AMONG, {"subjects": subjects, "objects": objects}
                    ).mappings()
                ]
                for subjects in chunks
                for objects in chunks
            ]
        if len(found) == 1:
            return found[0]
        return sorted((r for part in found for r in part), key=lambda relation: relation.id)

    def relations_as_of(self, day: dt.date) -> list[Relation]:
        """Relations standing on `day` (start unknown or before, end unknown or after)."""
        started = sa.or_(relations.c.start_first.is_(None), relations.c.start_first <= day)
        not_ended = sa.or_(relations.c.end_last.is_(None), relations.c.end_last >= day)
        return self._relations(started, not_ended)

    def list_relations(self, limit: int = 1000, offset: int = 0) -> list[Relation]:
        query = sa.select(*_READ).order_by(relations.c.id).limit(limit).offset(offset)
        with self._connect() as connection:
            return [relation_of(row) for row in connection.execute(query).mappings().all()]

    def _relations(self, *conditions: sa.ColumnElement[bool]) -> list[Relation]:
        query = sa.select(*_READ).where(*conditions).order_by(relations.c.id)
        with self._connect() as connection:
            return [relation_of(row) for row in connection.execute(query).mappings().all()]


def write_relations(connection: sa.Connection, batch: Sequence[Relation]) -> list[str]:
    """Upsert the relations, leaving their statement markings to the caller; the ids written."""
    latest = list({relation.id: relation for relation in batch}.values())
    upsert(connection, relations, [relation_row(relation) for relation in latest])
    return [relation.id for relation in latest]
