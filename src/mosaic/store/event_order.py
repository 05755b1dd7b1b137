"""Which events an `EventQuery` keeps and in which order, in Python: as the SQL store does.

The memory store answers from these, and so do readers that must merge events
the SQL store returned with events rebuilt for one reader (`mosaic.resolve.seen`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mosaic.model import Event
from mosaic.store.ports import EventQuery
from mosaic.store.rules import allowed_tlps


def event_matches(event: Event, query: EventQuery) -> bool:
    """Whether the event passes every filter the query sets (its visibility aside)."""
    first = event.date.first_day() if event.date else None
    checks = (
        query.participant_ids is None or bool(set(event.perpetrators) & set(query.participant_ids)),
        query.country is None or event.country == query.country,
        query.type is None or event.type == query.type,
        query.place_id is None or event.place_id == query.place_id,
        query.since is None or (first is not None and first >= query.since),
        query.until is None or (first is not None and first <= query.until),
        query.max_tlp is None or event.marking.tlp in allowed_tlps(query.max_tlp),
    )
    return all(checks)


def event_page(events: Iterable[Event], query: EventQuery) -> list[Event]:
    """Matching events by first day, undated last, ties by id; one page of them."""
    matching = [event for event in events if event_matches(event, query)]
    dated = sorted(
        (event for event in matching if event.date is not None),
        key=lambda event: (_first_day(event), event.id),
        reverse=query.newest_first,
    )
    undated = sorted(
        (event for event in matching if event.date is None),
        key=lambda event: event.id,
        reverse=query.newest_first,
    )
    return (dated + undated)[query.offset : query.offset + query.limit]


def _first_day(event: Event) -> dt.date:
    return event.date.first_day() if event.date else dt.date.min
