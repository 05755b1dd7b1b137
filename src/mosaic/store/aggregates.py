"""Event figures computed inside the SQL database: counts by country, year, month, group, type.

The API's statistics would otherwise read every event into Python. Each query
takes a `Visibility` so that the reader's rule (`mosaic.model.Visibility`) is
applied in SQL; an event counts only where the reader sees it whole (the
events they see in part are counted by the caller from what they may see).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from mosaic.model import EntityKind
from mosaic.store.ports import DIMENSIONS, Bucket, EventQuery, Visibility
from mosaic.store.rules import allowed_tlps
from mosaic.store.schema import (
    entities,
    event_participants,
    events,
)
from mosaic.store.visibility import seen_whole, visible_in

# SQLite allows 32,766 bound parameters; chunks stay far below on every dialect.
CHUNK = 900


def event_counts(
    engine: sa.Engine,
    dimensions: Sequence[str],
    query: EventQuery,
    visibility: Visibility | None = None,
) -> list[Bucket]:
    """Events counted by each combination of `dimensions`, most frequent first.

    Grouping by group counts (event, perpetrator) pairs from
    `event_participants`, then keeps the perpetrators that are organizations,
    whose names are read for the rows found: joining or filtering on the
    entities table inside the aggregation makes SQLite probe every group for
    every event.
    """
    keys = [_key(dimension) for dimension in dimensions]
    source: sa.FromClause = events
    conditions = event_conditions(query, visibility)
    if "group" in dimensions:
        source = events.join(event_participants, event_participants.c.event_id == events.c.id)
    count = sa.func.count().label("n")
    select = (
        sa.select(*keys, count)
        .select_from(source)
        .where(*conditions)
        .group_by(*keys)
        .order_by(count.desc(), *keys)
    )
    with engine.connect() as connection:
        found: list[tuple[Any, ...]] = [tuple(row) for row in connection.execute(select)]
        names = _group_names(connection, dimensions, found, visibility)
    width = len(dimensions)
    if "group" in dimensions:
        at = list(dimensions).index("group")
        found = [row for row in found if row[at] in names]
    return [
        Bucket(row[:width], _labels(dimensions, row[:width], names), int(row[-1])) for row in found
    ]


def _key(name: str) -> sa.ColumnElement[str | None]:
    """The column one dimension groups by."""
    if name == "group":
        return event_participants.c.entity_id
    if name in ("year", "month"):
        width = 4 if name == "year" else 7
        precise = events.c.date_precision.in_(("month", "day")) if width == 7 else sa.true()
        return sa.case((precise, sa.func.substr(events.c.date, 1, width)), else_=None)
    if name in ("country", "type", "attack_type"):
        column: sa.ColumnElement[str | None] = events.c[name]
        return column
    raise ValueError(f"unknown dimension {name!r}; one of {', '.join(DIMENSIONS)}")


def _group_names(
    connection: sa.Connection,
    dimensions: Sequence[str],
    found: list[tuple[Any, ...]],
    visibility: Visibility | None,
) -> dict[str, str]:
    """The names of the groups found that are organizations the reader may see."""
    if "group" not in dimensions:
        return {}
    at = list(dimensions).index("group")
    ids = list({row[at] for row in found})
    names: dict[str, str] = {}
    for start in range(0, len(ids), CHUNK):
        select = sa.select(entities.c.id, entities.c.name).where(
            entities.c.id.in_(ids[start : start + CHUNK]),
            entities.c.kind == EntityKind.ORGANIZATION.value,
        )
        if visibility is not None:
            select = select.where(visible_in(entities, visibility))
        names.update({row[0]: row[1] for row in connection.execute(select)})
    return names


def _labels(
    dimensions: Sequence[str], keys: tuple[Any, ...], names: dict[str, str]
) -> tuple[str | None, ...]:
    return tuple(
        names.get(key, key) if dimension == "group" else key
        for dimension, key in zip(dimensions, keys, strict=True)
    )


def event_conditions(
    query: EventQuery, visibility: Visibility | None
) -> list[sa.ColumnElement[bool]]:
    conditions: list[sa.ColumnElement[bool]] = []
    if query.participant_ids is not None:
        involved = sa.select(event_participants.c.event_id).where(
            event_participants.c.entity_id.in_(query.participant_ids)
        )
        conditions.append(events.c.id.in_(involved))
    if query.country is not None:
        conditions.append(events.c.country == query.country)
    if query.type is not None:
        conditions.append(events.c.type == query.type.value)
    if query.since is not None:
        conditions.append(events.c.date_first >= query.since)
    if query.until is not None:
        conditions.append(events.c.date_first <= query.until)
    if query.max_tlp is not None:
        conditions.append(events.c.tlp.in_([tlp.value for tlp in allowed_tlps(query.max_tlp)]))
    for seen_by in dict.fromkeys(v for v in (query.visibility, visibility) if v is not None):
        conditions.append(seen_whole(events, seen_by))
    return conditions
