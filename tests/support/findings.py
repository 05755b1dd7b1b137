"""Small readers of extraction findings shared by the extraction tests."""

from __future__ import annotations

import datetime as dt

from mosaic.extract.pipeline import Extractor
from mosaic.model import EventFinding, EventType, RelationFinding, RelationType, Report

PUBLISHED = dt.date(2016, 1, 21)
"""The publication day the extraction tests' reports carry unless a test needs another."""


def extracted_events(
    extractor: Extractor, text: str, published: dt.date = PUBLISHED
) -> list[EventFinding]:
    """The events the whole pipeline writes for a report of the text."""
    return extractor.extract(Report(text=text, published=published)).events


def of_type(found: list[EventFinding], kind: EventType) -> list[EventFinding]:
    """The findings of one event type, in order."""
    return [f for f in found if f.type is kind]


def only_of_type(found: list[EventFinding], kind: EventType) -> EventFinding:
    """The one finding of an event type (the test fails where there are none or several)."""
    [finding] = of_type(found, kind)
    return finding


def perpetrator_names(finding: EventFinding) -> set[str]:
    """Every name of every perpetrator of a finding."""
    return {name for ref in finding.perpetrators for name in ref.names}


def triples(found: list[RelationFinding]) -> set[tuple[RelationType, str, str]]:
    """Each relation finding as (type, subject's name, object's name)."""
    return {(f.type, f.subject.name, f.object.name) for f in found}


def assert_relation_found(
    found: list[RelationFinding], kind: RelationType, subject: str, obj: str
) -> None:
    """The relation is among the findings (alliances and rivalries in either order)."""
    stated = triples(found)
    if kind.symmetric:
        assert (kind, subject, obj) in stated or (kind, obj, subject) in stated, stated
    else:
        assert (kind, subject, obj) in stated, stated


def tenures(
    found: list[RelationFinding],
) -> dict[tuple[RelationType, str, str], tuple[str | None, str | None]]:
    """Each relation finding's start and end (ISO text), keyed by its triple."""
    return {
        (f.type, f.subject.name, f.object.name): (
            f.start.iso() if f.start else None,
            f.end.iso() if f.end else None,
        )
        for f in found
    }
