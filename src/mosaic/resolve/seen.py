"""An event or relation as one reader sees it: told only by the statements they may read.

A fact merged from several organisations' reports is stored once, with
figures from every source. A reader who may read every statement behind it
sees it whole; a reader who may read only some sees it rebuilt from those
alone, so that no toll, date, place or perpetrator comes from a hidden source;
a reader who may read none does not see it. A fact with no statements (an
imported one) is seen whole or not at all, by its own marking.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from enum import Enum
from typing import Any, TypeVar

from mosaic.model import (
    AttackType,
    Count,
    Distribution,
    Event,
    EventType,
    FuzzyDate,
    Marking,
    Relation,
    ReviewStatus,
    Statement,
    Visibility,
)
from mosaic.model.event import PerpetratorStatus
from mosaic.resolve.events import merge_events

T = TypeVar("T")

# Narrowest first: how far each distribution reaches.
_REACH = (
    Distribution.ORGANISATION,
    Distribution.GROUP,
    Distribution.COMMUNITY,
    Distribution.CONNECTED,
    Distribution.ALL,
)


class Seen(Enum):
    WHOLE = "whole"
    PART = "part"
    NONE = "none"


def how_seen(
    marking: Marking, statements: Sequence[Statement], visibility: Visibility | None
) -> Seen:
    """Whether the reader sees a fact with this marking and these statements whole, in part
    or not at all (None: a reader who sees everything)."""
    if visibility is None:
        return Seen.WHOLE
    if not statements:
        return Seen.WHOLE if visibility.admits(marking) else Seen.NONE
    shown = sum(1 for s in statements if visibility.admits(s.marking))
    if shown == len(statements):
        return Seen.WHOLE
    return Seen.PART if shown else Seen.NONE


def strictest(markings: Iterable[Marking]) -> Marking:
    """The most restrictive of `markings`: the highest label, then the narrowest distribution."""
    return max(markings, key=lambda m: (m.tlp.rank, -_REACH.index(m.distribution)))


def event_as_told(event: Event, statements: Sequence[Statement]) -> Event:
    """`event` as `statements` alone tell it: each report's claims merged as ingest merges
    them, marked with the strictest of their markings."""
    told = [_event_of(event, claims) for claims in _by_report(statements)]
    merged = told[0]
    for other in told[1:]:
        merged = merge_events(merged, other)
    return replace(merged, marking=strictest(s.marking for s in statements))


def relation_as_told(relation: Relation, statements: Sequence[Statement]) -> Relation:
    """`relation` with the period `statements` alone state (widest start and end)."""
    values = _values(statements)
    starts = [d for d in (_date(v) for v in values.get("start", [])) if d]
    ends = [d for d in (_date(v) for v in values.get("end", [])) if d]
    return replace(
        relation,
        start=min(starts, key=lambda d: d.first_day()) if starts else None,
        end=max(ends, key=lambda d: d.last_day()) if ends else None,
        marking=strictest(s.marking for s in statements),
    )


def _by_report(statements: Sequence[Statement]) -> list[list[Statement]]:
    """Standing statements (all, if every one was rejected) grouped by report, in report order."""
    standing = [s for s in statements if s.status is not ReviewStatus.REJECTED] or list(statements)
    grouped: dict[str, list[Statement]] = {}
    for statement in sorted(standing, key=lambda s: (s.report_id, s.start, s.id)):
        grouped.setdefault(statement.report_id, []).append(statement)
    return list(grouped.values())


def _event_of(event: Event, claims: Sequence[Statement]) -> Event:
    values = {prop: found[0] for prop, found in _values(claims).items()}
    return Event(
        id=event.id,
        type=_parsed(values.get("exists"), EventType) or event.type,
        attack_type=_parsed(values.get("attack_type"), AttackType),
        date=_date(values.get("date")),
        date_end=_date(values.get("date_end")),
        country=_text(values.get("country")),
        place_id=_text(values.get("place")),
        perpetrators=_texts(values.get("perpetrators")),
        perpetrator_status=_parsed(values.get("perpetrator_status"), PerpetratorStatus),
        targets=_texts(values.get("targets")),
        killed=_count(values.get("killed")),
        wounded=_count(values.get("wounded")),
    )


def _values(statements: Sequence[Statement]) -> dict[str, list[Any]]:
    """The decoded values of each property, in the statements' order; unreadable ones skipped."""
    found: dict[str, list[Any]] = {}
    for statement in statements:
        try:
            value = json.loads(statement.value)
        except ValueError:
            continue
        found.setdefault(statement.prop, []).append(value)
    return found


def _parsed(value: Any, kind: Callable[[str], T]) -> T | None:
    try:
        return kind(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _date(value: Any) -> FuzzyDate | None:
    return _parsed(value, FuzzyDate.parse)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(dict.fromkeys(v for v in value if isinstance(v, str)))


def _count(value: Any) -> Count | None:
    try:
        return Count.from_format(value) if value is not None else None
    except (TypeError, ValueError):
        return None
