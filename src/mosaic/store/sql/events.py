"""Events in the SQL store: saving with their participants, filtered and paged listing.

The event row's `perpetrators` column is what reads return; `event_participants`
only serves the "events of group X" filter, through its (entity_id, event_id)
index, so a page of events is one query whatever its size.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Sequence

import sqlalchemy as sa

from mosaic.model import Event, EventType, SubjectKind
from mosaic.store.ports import EventQuery
from mosaic.store.rows import event_of, event_row
from mosaic.store.rules import allowed_tlps, year_bounds
from mosaic.store.schema import event_participants, events
from mosaic.store.sql import statement_markings
from mosaic.store.sql.base import SqlBase, chunked, upsert
from mosaic.store.visibility import seen_whole

# The day columns serve queries; an event is read from its ISO dates.
_READ = [
    column
    for column in events.c
    if column.name not in ("date_first", "date_last", "date_precision", "statement_markings")
]
_READ_NAMES = tuple(column.name for column in _READ)
_OF_TYPE = sa.select(*_READ).where(events.c.type == sa.bindparam("type")).order_by(events.c.id)
_DATED_IN = _OF_TYPE.where(events.c.date_first.between(sa.bindparam("first"), sa.bindparam("last")))
"""`event_merge_candidates`' queries, built once: it runs for every dated event stored."""
_UNINVOLVE = sa.delete(event_participants).where(
    event_participants.c.event_id.in_(sa.bindparam("ids", expanding=True))
)


class SqlEvents(SqlBase):
    def save_event(self, event: Event) -> None:
        """Store or replace the event, and rewrite its participants."""
        self.save_events([event])

    def save_events(self, batch: Sequence[Event]) -> None:
        """`save_event` of each, in a few statements (per IDS_PER_QUERY events); of two with
        one id, the last is stored."""
        with self._connect() as connection:
            ids = write_events(connection, batch)
            statement_markings.refresh(connection, SubjectKind.EVENT, ids)

    def get_event(self, event_id: str) -> Event | None:
        with self._connect() as connection:
            row = connection.execute(sa.select(*_READ).where(events.c.id == event_id)).first()
        return event_of(row._mapping) if row else None

    def find_events(self, query: EventQuery) -> list[Event]:
        """Matching events by first day (undated last, ties by id), one page of them."""
        first, key = events.c.date_first, events.c.id
        order = (
            [first.desc().nulls_last(), key.desc()]
            if query.newest_first
            else [first.asc().nulls_last(), key.asc()]
        )
        select = (
            sa.select(*_READ)
            .where(*_conditions(query))
            .order_by(*order)
            .limit(query.limit)
            .offset(query.offset)
        )
        with self._connect() as connection:
            return [event_of(row) for row in connection.execute(select).mappings().all()]

    def count_events(self, query: EventQuery) -> int:
        select = sa.select(sa.func.count()).select_from(events).where(*_conditions(query))
        with self._connect() as connection:
            return int(connection.execute(select).scalar_one())

    def event_merge_candidates(self, type: EventType, year: int | None) -> list[Event]:
        """Events of this type dated within `year`; every one of the type if None."""
        values: dict[str, object] = {"type": type.value}
        if year is None:
            select = _OF_TYPE
        else:
            first, last = year_bounds(year)
            select, values["first"], values["last"] = _DATED_IN, first, last
        with self._connect() as connection:
            rows = connection.execute(select, values).all()
        return [copy.copy(_stored_event(tuple(row))) for row in rows]


@functools.lru_cache(maxsize=8192)
def _stored_event(row: tuple[object, ...]) -> Event:
    """The event of a `_READ` row, parsed once per distinct row: every event of a new report
    reads the same stored candidates again."""
    return event_of(dict(zip(_READ_NAMES, row, strict=True)))


def write_events(connection: sa.Connection, batch: Sequence[Event]) -> list[str]:
    """Upsert the events and rewrite their participants, leaving their statement markings
    to the caller; the ids written."""
    latest = list({event.id: event for event in batch}.values())
    ids = [event.id for event in latest]
    participants = [
        {"event_id": event.id, "entity_id": entity_id}
        for event in latest
        for entity_id in dict.fromkeys(event.perpetrators)
    ]
    upsert(connection, events, [event_row(event) for event in latest])
    for chunk in chunked(ids):
        connection.execute(_UNINVOLVE, {"ids": chunk})
    if participants:
        connection.execute(sa.insert(event_participants), participants)
    return ids


def _conditions(query: EventQuery) -> list[sa.ColumnElement[bool]]:
    """The WHERE clauses of a query; each maps to an indexed column."""
    conditions: list[sa.ColumnElement[bool]] = []
    if query.participant_ids is not None:
        involved = sa.select(event_participants.c.event_id).where(
            event_participants.c.entity_id.in_(query.participant_ids)
        )
        conditions.append(events.c.id.in_(involved))
    for column, value in (
        (events.c.country, query.country),
        (events.c.type, query.type.value if query.type else None),
        (events.c.place_id, query.place_id),
    ):
        if value is not None:
            conditions.append(column == value)
    if query.since is not None:
        conditions.append(events.c.date_first >= query.since)
    if query.until is not None:
        conditions.append(events.c.date_first <= query.until)
    if query.max_tlp is not None:
        conditions.append(events.c.tlp.in_([tlp.value for tlp in allowed_tlps(query.max_tlp)]))
    if query.visibility is not None:
        conditions.append(seen_whole(events, query.visibility))
    return conditions
