"""Entities and their name index in the SQL store.

Every name of an entity has a row in `entity_names` with its case-folded form
(for substring search) and its `match_key` (for linking), so that both lookups
are queries on one narrow table.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from mosaic.model import Entity, EntityKind
from mosaic.resolve.names import match_key
from mosaic.store.rows import entity_name_rows, entity_of, entity_row
from mosaic.store.schema import entities, entity_names
from mosaic.store.sql.base import SqlBase, chunked, upsert


class SqlEntities(SqlBase):
    def save_entity(self, entity: Entity) -> None:
        """Store or replace the entity, and rewrite its names."""
        self.save_entities([entity])

    def save_entities(self, batch: Sequence[Entity]) -> None:
        """`save_entity` of each, in three statements (per IDS_PER_QUERY entities); of two
        with one id, the last is stored."""
        with self._connect() as connection:
            write_entities(connection, batch)

    def get_entity(self, entity_id: str) -> Entity | None:
        with self._connect() as connection:
            row = connection.execute(_WITH_ID, {"id": entity_id}).first()
        return entity_of(row._mapping) if row else None

    def get_entities(self, entity_ids: Sequence[str]) -> dict[str, Entity]:
        """The entities with these ids, by id in the order asked; one query per IDS_PER_QUERY."""
        found: dict[str, Entity] = {}
        with self._connect() as connection:
            for chunk in chunked(entity_ids):
                rows = connection.execute(_WITH_IDS, {"ids": chunk}).mappings()
                found.update((row["id"], entity_of(row)) for row in rows)
        return {i: found[i] for i in dict.fromkeys(entity_ids) if i in found}

    def find_entities_by_name(self, name: str) -> list[Entity]:
        """Entities one of whose names has the same `resolve.names.match_key` as `name`."""
        key = match_key(name)
        if not key:
            return []
        with self._connect() as connection:
            rows = connection.execute(_NAMED_BY_KEY, {"key": key}).mappings().all()
        return [entity_of(row) for row in rows]

    def find_entities_by_names(self, names: Sequence[str]) -> dict[str, list[Entity]]:
        """`find_entities_by_name` of each of `names`, in one query per `_KEYS_PER_QUERY` keys.

        An entity found under several names is one object, parsed once: an entity
        with many aliases comes back for each of them.
        """
        keys = {name: match_key(name) for name in names}
        wanted = sorted({key for key in keys.values() if key})
        by_key: dict[str, dict[str, Entity]] = {key: {} for key in wanted}
        parsed: dict[str, Entity] = {}
        with self._connect() as connection:
            for start in range(0, len(wanted), _KEYS_PER_QUERY):
                chunk = wanted[start : start + _KEYS_PER_QUERY]
                for row in connection.execute(_NAMED_BY_KEYS, {"keys": chunk}).mappings():
                    entity_id = row["id"]
                    if entity_id not in parsed:
                        parsed[entity_id] = entity_of(row)
                    by_key[row["key"]].setdefault(entity_id, parsed[entity_id])
        return {name: list(by_key.get(key, {}).values()) for name, key in keys.items()}

    def search_entities(
        self, text: str, kind: EntityKind | None = None, limit: int = 20
    ) -> list[Entity]:
        """Entities any of whose names contains `text`, case-insensitively; by name."""
        matches = entity_names.c.folded.contains(text.casefold(), autoescape=True)
        return self._entities_named(matches, kind=kind, limit=limit)

    def list_entities(
        self, kind: EntityKind | None = None, limit: int = 100, offset: int = 0
    ) -> list[Entity]:
        """Entities by name (then id)."""
        query = _by_name(sa.select(entities), kind).limit(limit).offset(offset)
        with self._connect() as connection:
            return [entity_of(row) for row in connection.execute(query).mappings().all()]

    def _entities_named(
        self, condition: sa.ColumnElement[bool], kind: EntityKind | None, limit: int | None
    ) -> list[Entity]:
        named = sa.select(entity_names.c.entity_id).where(condition)
        query = _by_name(sa.select(entities).where(entities.c.id.in_(named)), kind).limit(limit)
        with self._connect() as connection:
            return [entity_of(row) for row in connection.execute(query).mappings().all()]


def write_entities(connection: sa.Connection, batch: Sequence[Entity]) -> None:
    """Upsert the entities and rewrite their names; of two with one id, the last."""
    latest = list({entity.id: entity for entity in batch}.values())
    names = [row for entity in latest for row in entity_name_rows(entity)]
    upsert(connection, entities, [entity_row(entity) for entity in latest])
    for chunk in chunked(entity.id for entity in latest):
        connection.execute(_UNNAME, {"ids": chunk})
    if names:
        connection.execute(sa.insert(entity_names), names)


def _by_name(
    query: sa.Select[tuple[object, ...]], kind: EntityKind | None
) -> sa.Select[tuple[object, ...]]:
    if kind is not None:
        query = query.where(entities.c.kind == kind.value)
    return query.order_by(entities.c.name, entities.c.id)


_NAMED_BY_KEY = _by_name(
    sa.select(entities).where(
        entities.c.id.in_(
            sa.select(entity_names.c.entity_id).where(entity_names.c.key == sa.bindparam("key"))
        )
    ),
    kind=None,
)
"""`find_entities_by_name`'s query, built once: linking runs it for every name it meets."""

_WITH_IDS = sa.select(entities).where(entities.c.id.in_(sa.bindparam("ids", expanding=True)))
_WITH_ID = sa.select(entities).where(entities.c.id == sa.bindparam("id"))
"""`get_entity`'s query, built once: storing a report reads the place of each event it merges."""
_UNNAME = sa.delete(entity_names).where(
    entity_names.c.entity_id.in_(sa.bindparam("ids", expanding=True))
)

_KEYS_PER_QUERY = 500
_NAMED_BY_KEYS = (
    sa.select(entity_names.c.key, *entities.c)
    .join(entities, entities.c.id == entity_names.c.entity_id)
    .where(entity_names.c.key.in_(sa.bindparam("keys", expanding=True)))
    .order_by(entities.c.name, entities.c.id)
)
"""The entities of many name keys with the key each came by; an entity named twice under one
key comes twice, in `find_entities_by_name`'s order (name, then id)."""
