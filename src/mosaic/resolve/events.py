"""Decide when reports from several sources describe one event, and merge them."""

from __future__ import annotations

import math
from collections.abc import Callable

from mosaic.model import Entity, Event, FuzzyDate, stated_first

SAME_PLACE_KM = 8.0
"""Two places this close are one event's place told by two reports (a city and its district,
"Delhi" and "New Delhi")."""
Near = Callable[[str, str], bool]
"""Whether the places with these two entity ids lie within SAME_PLACE_KM of each other."""


def same_event(known: Event, candidate: Event, near: Near | None = None) -> bool:
    """Whether `candidate` (from a new report) describes the already stored `known` event.

    Both must have the same type and compatible dates (an undated report is not
    merged: too many events would match it). Where both name a place it must be
    the same, or one `near` the other; otherwise where both name a country it must
    be the same, and at least one perpetrator must be shared when both name
    perpetrators.
    """
    if known.type != candidate.type or known.date is None or candidate.date is None:
        return False
    if not known.date.compatible(candidate.date):
        return False
    if known.country and candidate.country and known.country != candidate.country:
        return False
    if known.place_id and candidate.place_id:
        return known.place_id == candidate.place_id or (
            near is not None and near(known.place_id, candidate.place_id)
        )
    if known.perpetrators and candidate.perpetrators:
        return bool(set(known.perpetrators) & set(candidate.perpetrators))
    return known.country is not None and known.country == candidate.country


def merge_events(known: Event, new: Event) -> Event:
    """`known` refined by `new`: finer dates and missing fields filled in.

    Figures already present are kept: a conflicting toll from the new source
    lives on as its own statement, side by side, and never overwrites; save that a
    number stated outranks a count of the people a report names (`Count.named`).
    """
    return Event(
        id=known.id,
        type=known.type,
        attack_type=known.attack_type or new.attack_type,
        date=_finer(known.date, new.date),
        date_end=known.date_end or new.date_end,
        country=known.country or new.country,
        place_id=known.place_id or new.place_id,
        perpetrators=tuple(dict.fromkeys(known.perpetrators + new.perpetrators)),
        perpetrator_status=known.perpetrator_status or new.perpetrator_status,
        targets=tuple(dict.fromkeys(known.targets + new.targets)),
        killed=stated_first(known.killed, new.killed),
        wounded=stated_first(known.wounded, new.wounded),
        marking=known.marking,
    )


def _finer(a: FuzzyDate | None, b: FuzzyDate | None) -> FuzzyDate | None:
    if a is None or b is None:
        return a or b
    order = ["year", "month", "day"]
    return b if order.index(b.precision) > order.index(a.precision) else a


def lie_near(a: Entity | None, b: Entity | None, km: float = SAME_PLACE_KM) -> bool:
    """Whether two places with coordinates lie within `km` of each other."""
    if a is None or b is None or None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    lat_a, lat_b = math.radians(a.latitude or 0.0), math.radians(b.latitude or 0.0)
    east = math.radians((b.longitude or 0.0) - (a.longitude or 0.0)) * math.cos((lat_a + lat_b) / 2)
    return 6371.0 * math.hypot(east, lat_b - lat_a) <= km
