"""The in-memory store's filtering and ordering, written to match the SQL store's exactly."""

from __future__ import annotations

from mosaic.model import Event
from mosaic.store.event_order import event_matches, event_page

__all__ = ["event_matches", "event_page", "in_year_or_undated"]


def in_year_or_undated(event: Event, year: int) -> bool:
    return event.date is None or event.date.first_day().year == year
