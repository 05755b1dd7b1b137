"""The in-memory store's filtering and ordering, written to match the SQL store's exactly."""

from __future__ import annotations

from mosaic.model import Event
from mosaic.store.event_order import event_matches, event_page

__all__ = ["dated_in", "event_matches", "event_page"]


def dated_in(event: Event, year: int) -> bool:
    return event.date is not None and event.date.first_day().year == year
