"""Relations between groups and people over time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from mosaic.model.dates import FuzzyDate
from mosaic.model.marking import DEFAULT_MARKING, Marking


class RelationType(StrEnum):
    ALLEGIANCE = "allegiance"
    ALLIANCE = "alliance"
    RIVALRY = "rivalry"
    AFFILIATE_OF = "affiliate_of"
    SPLIT_FROM = "split_from"
    LEADER_OF = "leader_of"
    MEMBER_OF = "member_of"

    @property
    def symmetric(self) -> bool:
        return self in (RelationType.ALLIANCE, RelationType.RIVALRY)


@dataclass
class Relation:
    """`subject` stands in relation `type` to `object` from `start` until `end`.

    Identity is (type, subject, object): a second source for the same relation
    adds statements, and the dates widen to what the sources state.
    """

    id: str
    type: RelationType
    subject_id: str
    object_id: str
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    marking: Marking = DEFAULT_MARKING

    def holds_on(self, day: dt.date) -> bool:
        """Whether the relation stands on `day`; an unstated start or end is open."""
        if self.start is not None and self.start.first_day() > day:
            return False
        return self.end is None or self.end.last_day() >= day
