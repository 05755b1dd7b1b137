"""An in-memory `Repository` for tests: dicts, same behaviour as SQL.

Records are copied on the way in and out, as a database would, so a caller that
changes a returned object changes nothing stored. `transaction()` snapshots the
state and restores it if the block raises.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from mosaic.errors import NotFoundError, StoreError
from mosaic.model import (
    Entity,
    EntityKind,
    Event,
    EventType,
    Mention,
    Relation,
    RelationType,
    Report,
    ReviewStatus,
    Statement,
    SubjectKind,
)
from mosaic.resolve.names import match_key
from mosaic.resolve.seen import Seen
from mosaic.store.bands import band_buckets
from mosaic.store.ports import Bucket, EventQuery, NearDuplicate, Visibility
from mosaic.store.rules import canonical_pair, merged_status, relation_pairs
from support import memory_reads
from support.memory_access import AccessState, MemoryAccess
from support.memory_query import dated_in, event_matches, event_page
from support.memory_reads import admits

T = TypeVar("T")
_EntityTest = Callable[[Entity], bool]
_RelationTest = Callable[[Relation], bool]


@dataclass
class _State:
    reports: dict[str, tuple[Report, tuple[int, ...], int]] = field(default_factory=dict)
    near: dict[tuple[str, str], float] = field(default_factory=dict)
    bands: dict[tuple[int, int], set[str]] = field(default_factory=dict)
    mentions: dict[tuple[str, int, int], Mention] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    access: AccessState = field(default_factory=AccessState)


def _copy(value: T) -> T:
    return copy.deepcopy(value)


class MemoryRepository(MemoryAccess):
    """The `Repository` and `AccessStore` protocols over plain dicts."""

    _state: _State

    def __init__(self) -> None:
        self._state = _State()
        self._depth = 0
        self._ingested = 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: the outermost block restores its snapshot if it raises."""
        if self._depth:
            yield
            return
        snapshot = _copy(self._state)
        self._depth = 1
        try:
            yield
        except BaseException:
            self._state = snapshot
            raise
        finally:
            self._depth = 0

    # reports

    def has_report(self, content_hash: str) -> bool:
        return any(r.content_hash == content_hash for r, _, _ in self._state.reports.values())

    def add_report(self, report: Report, minhash: Sequence[int]) -> None:
        """Store the report, or update it; the first ingestion position is kept."""
        stored = self._state.reports.get(report.id)
        if stored is None:
            self._ingested += 1
        order = stored[2] if stored else self._ingested
        self._state.reports[report.id] = (_copy(report), tuple(minhash), order)
        for key in band_buckets(stored[1]) if stored else ():
            self._state.bands[key].discard(report.id)
        for key in band_buckets(minhash):
            self._state.bands.setdefault(key, set()).add(report.id)

    def get_report(self, report_id: str) -> Report | None:
        stored = self._state.reports.get(report_id)
        return _copy(stored[0]) if stored else None

    def get_reports(self, report_ids: Sequence[str]) -> dict[str, Report]:
        return {i: r for i in dict.fromkeys(report_ids) if (r := self.get_report(i)) is not None}

    def list_reports(self, limit: int = 100, offset: int = 0) -> list[Report]:
        """The most recently ingested first."""
        stored = sorted(self._state.reports.values(), key=lambda item: item[2], reverse=True)
        return [_copy(report) for report, _, _ in stored[offset : offset + limit]]

    def iter_minhashes(self) -> Iterator[tuple[str, tuple[int, ...]]]:
        for report_id in sorted(self._state.reports):
            yield report_id, self._state.reports[report_id][1]

    def near_duplicate_candidates(
        self, minhash: Sequence[int]
    ) -> list[tuple[str, tuple[int, ...]]]:
        """Stored reports sharing a band bucket with `minhash` (`store.bands`), by id."""
        found: set[str] = set()
        for key in band_buckets(minhash):
            found |= self._state.bands.get(key, set())
        return [(report_id, self._state.reports[report_id][1]) for report_id in sorted(found)]

    def link_near_duplicate(self, link: NearDuplicate) -> None:
        self._require_reports(link.report_id, link.other_id)
        self._state.near[canonical_pair(link.report_id, link.other_id)] = link.similarity

    def near_duplicates_of(self, report_id: str) -> list[NearDuplicate]:
        """Links touching the report, each turned to start from it; most similar first."""
        links = [
            NearDuplicate(report_id, second if first == report_id else first, similarity)
            for (first, second), similarity in self._state.near.items()
            if report_id in (first, second)
        ]
        return sorted(links, key=lambda link: (-link.similarity, link.other_id))

    # mentions

    def add_mentions(self, mentions: Sequence[Mention]) -> None:
        self._require_reports(*(mention.report_id for mention in mentions))
        for mention in mentions:
            self._state.mentions[(mention.report_id, mention.start, mention.end)] = mention

    def mentions_in_report(self, report_id: str) -> list[Mention]:
        found = [m for key, m in self._state.mentions.items() if key[0] == report_id]
        return sorted(found, key=lambda mention: (mention.start, mention.end))

    def _require_reports(self, *report_ids: str) -> None:
        """What the SQL store's foreign keys enforce: links and mentions need their report."""
        missing = sorted(set(report_ids) - set(self._state.reports))
        if missing:
            raise StoreError(f"memory store: no report {', '.join(missing)}")

    # entities

    def save_entity(self, entity: Entity) -> None:
        self._state.entities[entity.id] = _copy(entity)

    def save_entities(self, entities: Sequence[Entity]) -> None:
        for entity in entities:
            self.save_entity(entity)

    def get_entity(self, entity_id: str) -> Entity | None:
        return _copy(self._state.entities.get(entity_id))

    def get_entities(self, entity_ids: Sequence[str]) -> dict[str, Entity]:
        return {i: e for i in dict.fromkeys(entity_ids) if (e := self.get_entity(i)) is not None}

    def find_entities_by_name(self, name: str) -> list[Entity]:
        """Entities one of whose names has the same `resolve.names.match_key` as `name`."""
        key = match_key(name)
        if not key:
            return []
        return self._entities(lambda entity: any(match_key(n) == key for n in entity.names))

    def find_entities_by_names(self, names: Sequence[str]) -> dict[str, list[Entity]]:
        return {name: self.find_entities_by_name(name) for name in names}

    def search_entities(
        self, text: str, kind: EntityKind | None = None, limit: int = 20
    ) -> list[Entity]:
        """Entities any of whose names contains `text`, case-insensitively; by name."""
        folded = text.casefold()
        found = self._entities(
            lambda entity: any(folded in n.casefold() for n in entity.names), kind
        )
        return found[:limit]

    def list_entities(
        self, kind: EntityKind | None = None, limit: int = 100, offset: int = 0
    ) -> list[Entity]:
        return self._entities(lambda entity: True, kind)[offset : offset + limit]

    def _entities(self, keep: _EntityTest, kind: EntityKind | None = None) -> list[Entity]:
        found = [
            entity
            for entity in self._state.entities.values()
            if (kind is None or entity.kind == kind) and keep(entity)
        ]
        return [_copy(entity) for entity in sorted(found, key=lambda e: (e.name, e.id))]

    # events

    def save_event(self, event: Event) -> None:
        self._state.events[event.id] = _copy(event)

    def save_events(self, events: Sequence[Event]) -> None:
        for event in events:
            self.save_event(event)

    def get_event(self, event_id: str) -> Event | None:
        return _copy(self._state.events.get(event_id))

    def find_events(self, query: EventQuery) -> list[Event]:
        return _copy(event_page(self._seen_events(query.visibility), query))

    def count_events(self, query: EventQuery) -> int:
        return sum(event_matches(event, query) for event in self._seen_events(query.visibility))

    def _seen_events(self, visibility: Visibility | None) -> list[Event]:
        """The events the reader sees whole (`mosaic.resolve.seen`)."""
        events = list(self._state.events.values())
        return [
            e for e in events if memory_reads.seen_whole(self, SubjectKind.EVENT, e, visibility)
        ]

    def event_merge_candidates(self, type: EventType, year: int | None) -> list[Event]:
        """Events of this type dated within `year`; every one of the type if None."""
        found = [
            event
            for event in self._state.events.values()
            if event.type == type and (year is None or dated_in(event, year))
        ]
        return _copy(sorted(found, key=lambda event: event.id))

    # relations

    def save_relation(self, relation: Relation) -> None:
        self._state.relations[relation.id] = _copy(relation)

    def save_relations(self, relations: Sequence[Relation]) -> None:
        for relation in relations:
            self.save_relation(relation)

    def get_relation(self, relation_id: str) -> Relation | None:
        return _copy(self._state.relations.get(relation_id))

    def find_relation(self, type: RelationType, subject_id: str, object_id: str) -> Relation | None:
        """The relation of this type between the two; either way round when symmetric."""
        pairs = relation_pairs(type, subject_id, object_id)
        found = self._relations(lambda r: r.type == type and (r.subject_id, r.object_id) in pairs)
        found.sort(key=lambda r: pairs.index((r.subject_id, r.object_id)))
        return found[0] if found else None

    def relations_of(self, entity_id: str) -> list[Relation]:
        return self._relations(lambda r: entity_id in (r.subject_id, r.object_id))

    def relations_among(self, entity_ids: Sequence[str]) -> list[Relation]:
        ids = set(entity_ids)
        return self._relations(lambda r: r.subject_id in ids and r.object_id in ids)

    def relations_as_of(self, day: dt.date) -> list[Relation]:
        """Relations standing on `day` (start unknown or before, end unknown or after)."""
        return self._relations(lambda relation: relation.holds_on(day))

    def list_relations(self, limit: int = 1000, offset: int = 0) -> list[Relation]:
        return self._relations(lambda relation: True)[offset : offset + limit]

    def _relations(self, keep: _RelationTest) -> list[Relation]:
        found = [r for r in self._state.relations.values() if keep(r)]
        return _copy(sorted(found, key=lambda relation: relation.id))

    # statements

    def add_statements(self, statements: Sequence[Statement]) -> None:
        """Store statements; a stored one is updated but keeps its review decision."""
        for statement in statements:
            stored = self._state.statements.get(statement.id)
            status = merged_status(stored.status, statement.status) if stored else statement.status
            self._state.statements[statement.id] = replace(statement, status=status)

    def save_records(
        self,
        entities: Sequence[Entity],
        events: Sequence[Event],
        relations: Sequence[Relation],
        statements: Sequence[Statement],
    ) -> None:
        self.save_entities(entities)
        self.save_events(events)
        self.save_relations(relations)
        self.add_statements(statements)

    def get_statement(self, statement_id: str) -> Statement | None:
        return _copy(self._state.statements.get(statement_id))

    def statements_about(self, kind: SubjectKind, subject_id: str) -> list[Statement]:
        """By property, then report and position, so rival claims sit together."""
        found = [
            s
            for s in self._state.statements.values()
            if s.subject_kind == kind and s.subject_id == subject_id
        ]
        return _copy(sorted(found, key=lambda s: (s.prop, s.report_id, s.start, s.id)))

    def statements_about_each(
        self, kind: SubjectKind, subject_ids: Sequence[str]
    ) -> dict[str, list[Statement]]:
        return {i: self.statements_about(kind, i) for i in subject_ids}

    def statements_in_report(self, report_id: str) -> list[Statement]:
        found = [s for s in self._state.statements.values() if s.report_id == report_id]
        return _copy(sorted(found, key=lambda s: (s.start, s.id)))

    def set_statement_status(self, statement_id: str, status: ReviewStatus) -> None:
        stored = self._state.statements.get(statement_id)
        if stored is None:
            raise NotFoundError(f"statement {statement_id}: no such statement")
        stored.status = status

    # figures

    def counts(self, visibility: Visibility | None = None) -> dict[str, int]:
        state = self._state
        reports = {r.id for r, _, _ in state.reports.values() if admits(visibility, r.marking)}
        kinds = [e.kind for e in state.entities.values() if admits(visibility, e.marking)]
        return {
            "reports": len(reports),
            "mentions": sum(1 for key in state.mentions if key[0] in reports),
            "entities": len(kinds),
            "organizations": kinds.count(EntityKind.ORGANIZATION),
            "people": kinds.count(EntityKind.PERSON),
            "places": kinds.count(EntityKind.PLACE),
            "events": self._seen_at_all(SubjectKind.EVENT, state.events.values(), visibility),
            "relations": self._seen_at_all(
                SubjectKind.RELATION, state.relations.values(), visibility
            ),
            "statements": sum(admits(visibility, s.marking) for s in state.statements.values()),
        }

    def _seen_at_all(
        self, kind: SubjectKind, facts: Iterable[Event | Relation], visibility: Visibility | None
    ) -> int:
        return sum(
            memory_reads.seen(self, kind, fact, visibility) is not Seen.NONE for fact in facts
        )

    # bulk reads (`support.memory_reads`)

    def event_counts(
        self, dimensions: Sequence[str], query: EventQuery, visibility: Visibility | None = None
    ) -> list[Bucket]:
        return memory_reads.event_counts(self, dimensions, query, visibility)

    def statement_ids(
        self, kind: SubjectKind, subject_ids: Sequence[str], visibility: Visibility | None = None
    ) -> dict[str, list[str]]:
        return memory_reads.statement_ids(self, kind, subject_ids, visibility)

    def report_ids_about(
        self, kind: SubjectKind, subject_ids: Sequence[str], visibility: Visibility | None = None
    ) -> list[str]:
        return memory_reads.report_ids_about(self, kind, subject_ids, visibility)

    def report_ids_titled(
        self, text: str, limit: int, visibility: Visibility | None = None
    ) -> list[str]:
        return memory_reads.report_ids_titled(self, text, limit, visibility)

    def statements_with_status(
        self,
        status: ReviewStatus,
        limit: int,
        offset: int = 0,
        visibility: Visibility | None = None,
    ) -> list[Statement]:
        return memory_reads.statements_with_status(self, status, limit, offset, visibility)

    def relation_years(self, visibility: Visibility | None = None) -> tuple[int, int] | None:
        return memory_reads.relation_years(self, visibility)

    def network_json(self, day: dt.date, visibility: Visibility | None = None) -> dict[str, Any]:
        return memory_reads.network_json(self, day, visibility)

    def map_points(
        self, query: EventQuery, limit: int, visibility: Visibility | None = None
    ) -> list[dict[str, Any]]:
        return memory_reads.map_points(self, query, limit, visibility)

    def facts_seen_in_part(self, kind: SubjectKind, visibility: Visibility) -> list[str]:
        return memory_reads.facts_seen_in_part(self, kind, visibility)
