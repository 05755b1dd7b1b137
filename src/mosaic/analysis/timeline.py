"""An entity's or a country's history: events and the start and end of relations, by date.

`timeline_json` is the one JSON shape of a timeline, for the CLI, the API and the pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mosaic.model import Entity, Event, FuzzyDate
from mosaic.store.ports import EventQuery, Repository


@dataclass(frozen=True)
class TimelineEntry:
    date: FuzzyDate | None
    kind: str  # "event", "relation-start" or "relation-end"
    fact_id: str
    summary: str

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.iso() if self.date else None,
            "kind": self.kind,
            "fact_id": self.fact_id,
            "summary": self.summary,
        }


def timeline_json(entity: Entity, entries: list[TimelineEntry]) -> dict[str, Any]:
    """The entity's id and name, and its entries in the order given."""
    return {
        "entity": entity.id,
        "name": entity.name,
        "entries": [entry.to_json() for entry in entries],
    }


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


def country_timeline(repo: Repository, country: str, limit: int) -> list[TimelineEntry]:
    """The country's first `limit` events, oldest first (undated last), with who did them."""
    names: dict[str, str] = {}

    def name(entity_id: str) -> str:
        if entity_id not in names:
            found = repo.get_entity(entity_id)
            names[entity_id] = found.name if found else entity_id
        return names[entity_id]

    events = repo.find_events(EventQuery(country=country, limit=limit))
    return [_country_entry(event, name) for event in events]


def _country_entry(event: Event, name: Callable[[str], str]) -> TimelineEntry:
    """A one-line summary: what, where, toll and who."""
    what = (event.attack_type or event.type).value.replace("_", " ")
    where = name(event.place_id) if event.place_id else event.country
    who = ", ".join(name(p) for p in event.perpetrators)
    toll = f", {event.killed} killed" if event.killed else ""
    summary = f"{what} in {where}{toll}" + (f" ({who})" if who else "")
    return TimelineEntry(event.date, "event", event.id, summary)
