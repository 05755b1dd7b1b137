"""An entity's history: its events and the start and end of its relations, by date."""

from __future__ import annotations

from dataclasses import dataclass

from mosaic.model import Entity, FuzzyDate
from mosaic.store.ports import EventQuery, Repository


@dataclass(frozen=True)
class TimelineEntry:
    date: FuzzyDate | None
    kind: str  # "event", "relation-start" or "relation-end"
    fact_id: str
    summary: str


def timeline(repo: Repository, entity: Entity, limit: int = 1000) -> list[TimelineEntry]:
    """Dated entries first in date order, then the undated ones."""
    entries = _event_entries(repo, entity, limit) + _relation_entries(repo, entity)
    return sorted(entries, key=lambda e: (e.date is None, e.date.first_day() if e.date else None))


def _event_entries(repo: Repository, entity: Entity, limit: int) -> list[TimelineEntry]:
    query = EventQuery(participant_ids=(entity.id,), limit=limit)
    entries = []
    for event in repo.find_events(query):
        what = event.attack_type.value.replace("_", " ") if event.attack_type else event.type.value
        where = ""
        if event.place_id and (place := repo.get_entity(event.place_id)):
            where = f" in {place.name}"
        elif event.country:
            where = f" in {event.country}"
        toll = f", {event.killed} killed" if event.killed else ""
        entries.append(
            TimelineEntry(event.date, "event", event.id, f"{what.replace('_', ' ')}{where}{toll}")
        )
    return entries


def _relation_entries(repo: Repository, entity: Entity) -> list[TimelineEntry]:
    entries = []
    for relation in repo.relations_of(entity.id):
        other_id = relation.object_id if relation.subject_id == entity.id else relation.subject_id
        other = repo.get_entity(other_id)
        other_name = other.name if other else other_id
        verb = relation.type.value.replace("_", " ")
        text = f"{verb}: {other_name}"
        entries.append(TimelineEntry(relation.start, "relation-start", relation.id, text))
        if relation.end:
            entries.append(
                TimelineEntry(relation.end, "relation-end", relation.id, f"end of {text}")
            )
    return entries
