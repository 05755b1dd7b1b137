"""Rules both stores apply the same way, kept in one place so the two cannot drift."""

from __future__ import annotations

import datetime as dt

from mosaic.model import Event, RelationType, ReviewStatus, Tlp


def allowed_tlps(max_tlp: Tlp) -> tuple[Tlp, ...]:
    """The labels whose rank is at most `max_tlp`'s: what a reader cleared to it may see."""
    return tuple(tlp for tlp in Tlp if tlp.rank <= max_tlp.rank)


def merged_status(stored: ReviewStatus, incoming: ReviewStatus) -> ReviewStatus:
    """The status a re-added statement keeps.

    A review decision outlives re-extraction: only an unreviewed statement takes
    the incoming status.
    """
    return incoming if stored is ReviewStatus.UNREVIEWED else stored


def canonical_pair(first: str, second: str) -> tuple[str, str]:
    """A near-duplicate link's stored orientation; the link has no direction."""
    return (first, second) if first <= second else (second, first)


def relation_pairs(type: RelationType, subject_id: str, object_id: str) -> list[tuple[str, str]]:
    """The (subject, object) pairs that name the same relation; both ways when symmetric."""
    pairs = [(subject_id, object_id)]
    if type.symmetric and subject_id != object_id:
        pairs.append((object_id, subject_id))
    return pairs


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def dated_in(event: Event, year: int) -> bool:
    """Whether `event_merge_candidates(type, year)` keeps the event: its first day is in
    `year` (the SQL store's `year_bounds` test)."""
    return event.date is not None and event.date.first_day().year == year
