"""Attacks, operations, arrests and other dated happenings."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mosaic.model.dates import FuzzyDate
from mosaic.model.marking import DEFAULT_MARKING, Marking
from mosaic.model.quantity import Count


class EventType(StrEnum):
    """What kind of event: Mosaic's own are the members; an extension adds a type by name
    with `register_event_type` (it then reads and writes like a member: `EventType("x")`)."""

    ATTACK = "attack"
    MILITARY_OPERATION = "military_operation"
    ARREST = "arrest"
    KILLING = "killing"
    FOUNDING = "founding"
    DESIGNATION = "designation"
    PROTEST = "protest"
    MEETING = "meeting"

    @classmethod
    def _missing_(cls, value: object) -> EventType | None:
        if not isinstance(value, str) or value not in _REGISTERED_TYPES:
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper()
        member._value_ = value
        return cls._value2member_map_.setdefault(value, member)  # type: ignore[return-value]


_REGISTERED_TYPES: set[str] = set()


def register_event_type(name: str) -> EventType:
    """The event type called `name`, added to the types `EventType(name)` accepts when it
    is not one of Mosaic's own (a type an extension's event rule finds)."""
    if not name or name != name.strip().lower():
        raise ValueError(f"event type name {name!r} must be non-empty, lower case, unpadded")
    _REGISTERED_TYPES.add(name)
    return EventType(name)


class AttackType(StrEnum):
    BOMBING = "bombing"
    SUICIDE_BOMBING = "suicide_bombing"
    ARMED_ASSAULT = "armed_assault"
    ASSASSINATION = "assassination"
    KIDNAPPING = "kidnapping"
    BEHEADING = "beheading"
    FACILITY_ATTACK = "facility_attack"
    UNKNOWN = "unknown"


class PerpetratorStatus(StrEnum):
    CLAIMED = "claimed"
    SUSPECTED = "suspected"
    ATTRIBUTED = "attributed"


@dataclass
class Event:
    """One real-world event, possibly reported by several sources.

    The fields hold the current best value; every value any source gave is kept
    as a Statement, so conflicting tolls stay side by side with their sources.
    `perpetrators` and `place_id` are entity ids; `targets` are names as stated.
    """

    id: str
    type: EventType
    attack_type: AttackType | None = None
    date: FuzzyDate | None = None
    date_end: FuzzyDate | None = None
    country: str | None = None
    place_id: str | None = None
    perpetrators: tuple[str, ...] = ()
    perpetrator_status: PerpetratorStatus | None = None
    targets: tuple[str, ...] = ()
    killed: Count | None = None
    wounded: Count | None = None
    marking: Marking = DEFAULT_MARKING
