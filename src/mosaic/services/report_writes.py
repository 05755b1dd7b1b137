"""The entities, events and relations one report writes, held until its end and written in bulk.

Storing a report reads back what its earlier findings wrote: a later ref links to the
entity an earlier one saved, a second finding of one event merges into the first, a
relation stated twice is widened once. Written one at a time, that cost a few SQL
statements per record; held here, each read answers as the store would have after those
writes, and `write` stores every record with a few statements per table.

Entities are written before a name look-up that a held entity may answer (the store
orders what it finds by name, which only it can do as it does), so links are made from
the store exactly as before; held events and relations are laid over what the store
holds.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from mosaic.model import Entity, Event, EventType, Relation, RelationType, Statement
from mosaic.store.ports import Repository
from mosaic.store.rules import dated_in, relation_pairs


class ReportWrites:
    """Records saved while storing one report, written together by `write`."""

    def __init__(self, repo: Repository) -> None:
        self._repo = repo
        self._entities: dict[str, Entity] = {}
        self._events: dict[str, Event] = {}
        self._relations: dict[str, Relation] = {}
        self._stored_candidates: dict[tuple[EventType, int], list[Event]] = {}
        self._sides: set[str] = set()
        self._stored_relations: list[Relation] = []

    def save_entity(self, entity: Entity) -> None:
        self._entities[entity.id] = entity

    def save_event(self, event: Event) -> None:
        self._events[event.id] = event

    def save_relation(self, relation: Relation) -> None:
        self._relations[relation.id] = relation

    def write_entities(self) -> None:
        """Store the held entities now: before a look-up they may answer."""
        if self._entities:
            self._repo.save_entities(list(self._entities.values()))
            self._entities.clear()

    def write(self, statements: Sequence[Statement] = ()) -> None:
        """Store everything held, and `statements` after it (`Repository.save_records`)."""
        self._repo.save_records(
            list(self._entities.values()),
            list(self._events.values()),
            list(self._relations.values()),
            statements,
        )
        self._entities.clear()
        self._events.clear()
        self._relations.clear()

    def get_entity(self, entity_id: str) -> Entity | None:
        """The entity as the store would read it (a held one is written first)."""
        if entity_id in self._entities:
            self.write_entities()
        return self._repo.get_entity(entity_id)

    def event_merge_candidates(self, type: EventType, year: int) -> list[Event]:
        """`Repository.event_merge_candidates` with the held events in place, by id; the
        store is read once per type and year (nothing else writes events meanwhile)."""
        key = (type, year)
        if key not in self._stored_candidates:
            self._stored_candidates[key] = self._repo.event_merge_candidates(type, year)
        stored = self._stored_candidates[key]
        held = [event for event in self._events.values() if event.type == type]
        if not held:
            return [copy.copy(event) for event in stored]
        by_id = {event.id: event for event in stored}
        for event in held:
            if dated_in(event, year):
                by_id[event.id] = event
            else:
                by_id.pop(event.id, None)
        return [copy.copy(by_id[event_id]) for event_id in sorted(by_id)]

    def read_relations_among(self, entity_ids: Sequence[str]) -> None:
        """Read at once the stored relations between these entities, for `find_relation`."""
        self._sides = set(entity_ids)
        self._stored_relations = self._repo.relations_among(entity_ids)

    def find_relation(self, type: RelationType, subject_id: str, object_id: str) -> Relation | None:
        """`Repository.find_relation` with the held relations in place: the first of the
        pairs `relation_pairs` gives (ties by id)."""
        pairs = relation_pairs(type, subject_id, object_id)
        stored = self._stored_relation(type, pairs)
        held = [
            relation
            for relation in self._relations.values()
            if relation.type == type and (relation.subject_id, relation.object_id) in pairs
        ]
        if not held:
            return stored
        found = {relation.id: relation for relation in held}
        if stored is not None:
            found.setdefault(stored.id, stored)
        first = min(
            found.values(),
            key=lambda relation: (
                pairs.index((relation.subject_id, relation.object_id)),
                relation.id,
            ),
        )
        return copy.copy(first)

    def _stored_relation(self, type: RelationType, pairs: list[tuple[str, str]]) -> Relation | None:
        """The store's `find_relation`, answered from what `read_relations_among` read
        when it holds both sides."""
        subject_id, object_id = pairs[0]
        if not {subject_id, object_id} <= self._sides:
            return self._repo.find_relation(type, subject_id, object_id)
        found = [
            relation
            for relation in self._stored_relations
            if relation.type == type and (relation.subject_id, relation.object_id) in pairs
        ]
        found.sort(key=lambda relation: pairs.index((relation.subject_id, relation.object_id)))
        return copy.copy(found[0]) if found else None
