"""Small readers of extraction findings shared by the extraction tests."""

from __future__ import annotations

from mosaic.model import EventFinding, EventType, RelationFinding, RelationType


def of_type(found: list[EventFinding], kind: EventType) -> list[EventFinding]:
    """The findings of one event type, in order."""
    return [f for f in found if f.type is kind]


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
