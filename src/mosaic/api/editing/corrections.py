"""What a corrected statement changes in its event or relation, and how to put it back.

A statement's value is in FORMAT.md's JSON form; `apply_value` writes such a
value into the matching field of the record, `field_value` reads it back, so a
correction and its undo are the same operation with different values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from mosaic.errors import InputError
from mosaic.model import (
    AttackType,
    Count,
    Event,
    EventType,
    FuzzyDate,
    PerpetratorStatus,
    Relation,
    RelationType,
)


def _date(value: Any) -> FuzzyDate | None:
    return None if value is None else FuzzyDate.parse(str(value))


def _count(value: Any) -> Count | None:
    return None if value is None else Count.from_format(value)


def _names(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of strings")
    return tuple(value)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


# prop -> (Event field, parser of the JSON value)
EVENT_FIELDS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "exists": ("type", EventType),
    "attack_type": ("attack_type", lambda v: None if v is None else AttackType(v)),
    "date": ("date", _date),
    "date_end": ("date_end", _date),
    "country": ("country", lambda v: None if v is None else str(v).upper()),
    "place": ("place_id", _text),
    "perpetrators": ("perpetrators", _names),
    "perpetrator_status": (
        "perpetrator_status",
        lambda v: None if v is None else PerpetratorStatus(v),
    ),
    "targets": ("targets", _names),
    "killed": ("killed", _count),
    "wounded": ("wounded", _count),
}

RELATION_FIELDS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "exists": ("type", RelationType),
    "start": ("start", _date),
    "end": ("end", _date),
}


def apply_value(record: Event | Relation, prop: str, value: Any) -> Event | Relation:
    """The record with `prop` set to `value`; an InputError names a value that does not fit."""
    fields = EVENT_FIELDS if isinstance(record, Event) else RELATION_FIELDS
    if prop not in fields:
        raise InputError("prop", f"{prop!r} cannot be corrected on a {type(record).__name__}")
    name, parse = fields[prop]
    try:
        parsed = parse(value)
    except (ValueError, TypeError) as error:
        raise InputError("value", f"{value!r} is not a valid {prop}: {error}") from error
    return replace(record, **{name: parsed})


def field_value(record: Event | Relation, prop: str) -> Any:
    """The record's current value of `prop`, in the statement's JSON form."""
    fields = EVENT_FIELDS if isinstance(record, Event) else RELATION_FIELDS
    value = getattr(record, fields[prop][0])
    if isinstance(value, FuzzyDate):
        return value.iso()
    if isinstance(value, Count):
        return value.to_format()
    if isinstance(value, tuple):
        return list(value) or None
    if hasattr(value, "value"):
        return value.value
    return value
