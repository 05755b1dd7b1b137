"""Small readers of extraction findings shared by the extraction tests."""

from __future__ import annotations

from mosaic.model import EventFinding, EventType


def of_type(found: list[EventFinding], kind: EventType) -> list[EventFinding]:
    """The findings of one event type, in order."""
    return [f for f in found if f.type is kind]


def perpetrator_names(finding: EventFinding) -> set[str]:
    """Every name of every perpetrator of a finding."""
    return {name for ref in finding.perpetrators for name in ref.names}
