"""The in-memory store's filtering and ordering, written to match the SQL store's exactly."""

from __future__ import annotations

from mosaic.store.event_order import event_matches, event_page
from mosaic.store.rules import dated_in

__all__ = ["dated_in", "event_matches", "event_page"]
