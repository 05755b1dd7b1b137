"""The repository as one reader may see it: every read of the API and web app passes here.

`VisibleRepository` wraps any `Repository` and applies an `AccessPolicy` to what
it returns, so that endpoints, pages and the analyses they call (profiles,
networks, evidence) never check markings themselves. Writes pass through: the
reader who writes is the owner of what they write.

Reports, statements and entities are seen by their own marking. An event or a
relation is seen as the statements behind it that the reader may see tell it
(`mosaic.resolve.seen`): whole, rebuilt from some of them, or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from functools import partial
from typing import Any, TypeVar

from mosaic.api import seen_facts
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
from mosaic.resolve.seen import Seen, event_as_told, how_seen, relation_as_told
from mosaic.share.policy import AccessPolicy
from mosaic.store.event_order import event_matches, event_page
from mosaic.store.ports import Bucket, EventQuery, NearDuplicate, Repository, Visibility

R = TypeVar("R", Report, Entity, Relation)
_STEP = 500
"""Records read from the store at a time when a page must skip hidden ones."""


class VisibleRepository:
    """A `Repository` that returns only what `policy` lets its reader see."""

    def __init__(self, inner: Repository, policy: AccessPolicy) -> None:
        self.inner = inner
        self.policy = policy
        self.visibility = policy.visibility
        self._in_part: dict[tuple[SubjectKind, Visibility], list[Any]] = {}

    def transaction(self) -> AbstractContextManager[None]:
        return self.inner.transaction()

    # reports
    def has_report(self, content_hash: str) -> bool:
        return self.inner.has_report(content_hash)

    def add_report(self, report: Report, minhash: Sequence[int]) -> None:
        self.inner.add_report(report, minhash)

    def get_report(self, report_id: str) -> Report | None:
        return self.policy.visible(self.inner.get_report(report_id))

    def get_reports(self, report_ids: Sequence[str]) -> dict[str, Report]:
        found = self.inner.get_reports(report_ids)
        return {i: r for i, r in found.items() if self.policy.can_see(r)}

    def list_reports(self, limit: int = 100, offset: int = 0) -> list[Report]:
        return self._page(self.inner.list_reports, self.policy.visible, limit, offset)

    def iter_minhashes(self) -> Iterator[tuple[str, tuple[int, ...]]]:
        return self.inner.iter_minhashes()

    def near_duplicate_candidates(
        self, minhash: Sequence[int]
    ) -> list[tuple[str, tuple[int, ...]]]:
        return self.inner.near_duplicate_candidates(minhash)

    def link_near_duplicate(self, link: NearDuplicate) -> None:
        self.inner.link_near_duplicate(link)

    def near_duplicates_of(self, report_id: str) -> list[NearDuplicate]:
        links = self.inner.near_duplicates_of(report_id)
        return [link for link in links if self._report_visible(link.other_id)]

    # mentions
    def add_mentions(self, mentions: Sequence[Mention]) -> None:
        self.inner.add_mentions(mentions)

    def mentions_in_report(self, report_id: str) -> list[Mention]:
        if not self._report_visible(report_id):
            return []
        mentions = self.inner.mentions_in_report(report_id)
        return [
            m if self._entity_visible(m.entity_id) else replace(m, entity_id=None) for m in mentions
        ]

    # entities
    def save_entity(self, entity: Entity) -> None:
        self.inner.save_entity(entity)

    def save_entities(self, entities: Sequence[Entity]) -> None:
        self.inner.save_entities(entities)

    def get_entity(self, entity_id: str) -> Entity | None:
        return self.policy.visible(self.inner.get_entity(entity_id))

    def get_entities(self, entity_ids: Sequence[str]) -> dict[str, Entity]:
        found = self.inner.get_entities(entity_ids)
        return {i: e for i, e in found.items() if self.policy.can_see(e)}

    def find_entities_by_name(self, name: str) -> list[Entity]:
        return self.policy.only_visible(self.inner.find_entities_by_name(name))

    def find_entities_by_names(self, names: Sequence[str]) -> dict[str, list[Entity]]:
        found = self.inner.find_entities_by_names(names)
        return {name: self.policy.only_visible(entities) for name, entities in found.items()}

    def search_entities(
        self, text: str, kind: EntityKind | None = None, limit: int = 20
    ) -> list[Entity]:
        return self.policy.only_visible(self.inner.search_entities(text, kind, limit))

    def list_entities(
        self, kind: EntityKind | None = None, limit: int = 100, offset: int = 0
    ) -> list[Entity]:
        return self._page(
            partial(self.inner.list_entities, kind), self.policy.visible, limit, offset
        )

    # events
    def save_event(self, event: Event) -> None:
        self.inner.save_event(event)

    def save_events(self, events: Sequence[Event]) -> None:
        self.inner.save_events(events)

    def get_event(self, event_id: str) -> Event | None:
        event = self.inner.get_event(event_id)
        return self._event_seen(event, self.visibility) if event else None

    def find_events(self, query: EventQuery) -> list[Event]:
        """Events seen whole, paged by the store, with those seen in part among them."""
        if self.visibility is None:
            return self.inner.find_events(query)
        whole = replace(query, visibility=self.visibility)
        partial = self._events_in_part(query, self.visibility)
        if not partial:
            return self.inner.find_events(whole)
        first = self.inner.find_events(replace(whole, limit=query.offset + query.limit, offset=0))
        return event_page(first + partial, query)

    def count_events(self, query: EventQuery) -> int:
        if self.visibility is None:
            return self.inner.count_events(query)
        whole = self.inner.count_events(replace(query, visibility=self.visibility))
        return whole + len(self._events_in_part(query, self.visibility))

    def event_merge_candidates(self, type: EventType, year: int | None) -> list[Event]:
        return self.inner.event_merge_candidates(type, year)

    # relations
    def save_relation(self, relation: Relation) -> None:
        self.inner.save_relation(relation)

    def save_relations(self, relations: Sequence[Relation]) -> None:
        self.inner.save_relations(relations)

    def get_relation(self, relation_id: str) -> Relation | None:
        relation = self.inner.get_relation(relation_id)
        return self._relation_seen(relation, self.visibility) if relation else None

    def find_relation(self, type: RelationType, subject_id: str, object_id: str) -> Relation | None:
        found = self.inner.find_relation(type, subject_id, object_id)
        return self._joined(found) if found else None

    def relations_of(self, entity_id: str) -> list[Relation]:
        return self._joinable(self.inner.relations_of(entity_id))

    def relations_among(self, entity_ids: Sequence[str]) -> list[Relation]:
        return self._joinable(self.inner.relations_among(entity_ids))

    def relations_as_of(self, day: dt.date) -> list[Relation]:
        return [r for r in self._joinable(self.inner.relations_as_of(day)) if r.holds_on(day)]

    def list_relations(self, limit: int = 1000, offset: int = 0) -> list[Relation]:
        return self._page(self.inner.list_relations, self._joined, limit, offset)

    # statements
    def add_statements(self, statements: Sequence[Statement]) -> None:
        self.inner.add_statements(statements)

    def save_records(
        self,
        entities: Sequence[Entity],
        events: Sequence[Event],
        relations: Sequence[Relation],
        statements: Sequence[Statement],
    ) -> None:
        self.inner.save_records(entities, events, relations, statements)

    def get_statement(self, statement_id: str) -> Statement | None:
        return self.policy.visible(self.inner.get_statement(statement_id))

    def statements_about(self, kind: SubjectKind, subject_id: str) -> list[Statement]:
        return self.policy.only_visible(self.inner.statements_about(kind, subject_id))

    def statements_about_each(
        self, kind: SubjectKind, subject_ids: Sequence[str]
    ) -> dict[str, list[Statement]]:
        found = self.inner.statements_about_each(kind, subject_ids)
        return {i: self.policy.only_visible(statements) for i, statements in found.items()}

    def statements_in_report(self, report_id: str) -> list[Statement]:
        if not self._report_visible(report_id):
            return []
        return self.policy.only_visible(self.inner.statements_in_report(report_id))

    def set_statement_status(self, statement_id: str, status: ReviewStatus) -> None:
        self.inner.set_statement_status(statement_id, status)

    def counts(self, visibility: Visibility | None = None) -> dict[str, int]:
        return self.inner.counts(self._visibility(visibility))

    # bulk reads: the store applies the reader's visibility itself
    def event_counts(
        self, dimensions: Sequence[str], query: EventQuery, visibility: Visibility | None = None
    ) -> list[Bucket]:
        seen = self._visibility(visibility)
        buckets = self.inner.event_counts(dimensions, query, seen)
        if seen is None:
            return buckets
        partial = self._events_in_part(query, seen)
        return seen_facts.with_buckets(buckets, partial, dimensions, self._entity_seen_by(seen))

    def statement_ids(
        self, kind: SubjectKind, subject_ids: Sequence[str], visibility: Visibility | None = None
    ) -> dict[str, list[str]]:
        return self.inner.statement_ids(kind, subject_ids, self._visibility(visibility))

    def report_ids_about(
        self, kind: SubjectKind, subject_ids: Sequence[str], visibility: Visibility | None = None
    ) -> list[str]:
        return self.inner.report_ids_about(kind, subject_ids, self._visibility(visibility))

    def report_ids_titled(
        self, text: str, limit: int, visibility: Visibility | None = None
    ) -> list[str]:
        return self.inner.report_ids_titled(text, limit, self._visibility(visibility))

    def statements_with_status(
        self,
        status: ReviewStatus,
        limit: int,
        offset: int = 0,
        visibility: Visibility | None = None,
    ) -> list[Statement]:
        seen = self._visibility(visibility)
        return self.inner.statements_with_status(status, limit, offset, seen)

    def relation_years(self, visibility: Visibility | None = None) -> tuple[int, int] | None:
        seen = self._visibility(visibility)
        years = self.inner.relation_years(seen)
        return (
            years if seen is None else seen_facts.with_years(years, self._in_part_relations(seen))
        )

    def network_json(self, day: dt.date, visibility: Visibility | None = None) -> dict[str, Any]:
        seen = self._visibility(visibility)
        network = self.inner.network_json(day, seen)
        if seen is None:
            return network
        partial = self._in_part_relations(seen)
        ids = self.inner.statement_ids(SubjectKind.RELATION, [r.id for r in partial], seen)
        return seen_facts.with_edges(network, partial, day, self._entity_seen_by(seen), ids)

    def map_points(
        self, query: EventQuery, limit: int, visibility: Visibility | None = None
    ) -> list[dict[str, Any]]:
        seen = self._visibility(visibility)
        points = self.inner.map_points(query, limit, seen)
        if seen is None:
            return points
        partial = self._events_in_part(query, seen)
        return seen_facts.with_points(points, partial, limit, self._entity_seen_by(seen))

    def facts_seen_in_part(self, kind: SubjectKind, visibility: Visibility) -> list[str]:
        return self.inner.facts_seen_in_part(kind, visibility)

    # the rule applied to what a record points at
    def _visibility(self, asked: Visibility | None) -> Visibility | None:
        """What a bulk read may show: the reader's visibility, or a narrower one asked for.

        Only a reader who sees everything may ask for another visibility; for any
        other reader the two could not be combined into one.
        """
        if self.visibility is None or asked in (None, self.visibility):
            return asked or self.visibility
        raise ValueError(f"{asked} is not the reader's visibility {self.visibility}")

    def _event_seen(self, event: Event, visibility: Visibility | None) -> Event | None:
        """The event as the reader sees it (`mosaic.resolve.seen`), or None."""
        if visibility is None:
            return event
        statements = self.inner.statements_about(SubjectKind.EVENT, event.id)
        seen = how_seen(event.marking, statements, visibility)
        if seen is not Seen.PART:
            return event if seen is Seen.WHOLE else None
        return event_as_told(event, [s for s in statements if visibility.admits(s.marking)])

    def _relation_seen(self, relation: Relation, visibility: Visibility | None) -> Relation | None:
        if visibility is None:
            return relation
        statements = self.inner.statements_about(SubjectKind.RELATION, relation.id)
        return _relation_told(relation, statements, visibility)

    def _events_in_part(self, query: EventQuery, visibility: Visibility) -> list[Event]:
        """The events the reader sees in part, as they see them, that `query` keeps."""
        key = (SubjectKind.EVENT, visibility)
        if key not in self._in_part:
            ids = self.inner.facts_seen_in_part(SubjectKind.EVENT, visibility)
            found = (self.inner.get_event(i) for i in ids)
            self._in_part[key] = [
                seen for e in found if e and (seen := self._event_seen(e, visibility))
            ]
        return [event for event in self._in_part[key] if event_matches(event, query)]

    def _in_part_relations(self, visibility: Visibility) -> list[Relation]:
        key = (SubjectKind.RELATION, visibility)
        if key not in self._in_part:
            ids = self.inner.facts_seen_in_part(SubjectKind.RELATION, visibility)
            found = (self.inner.get_relation(i) for i in ids)
            self._in_part[key] = [
                seen for r in found if r and (seen := self._relation_seen(r, visibility))
            ]
        return list(self._in_part[key])

    def _entity_seen_by(self, visibility: Visibility) -> seen_facts.EntityOf:
        def entity(entity_id: str) -> Entity | None:
            found = self.inner.get_entity(entity_id)
            return found if found is not None and visibility.admits(found.marking) else None

        return entity

    def _report_visible(self, report_id: str) -> bool:
        return self.policy.sees_everything or self.get_report(report_id) is not None

    def _entity_visible(self, entity_id: str | None) -> bool:
        if entity_id is None or self.policy.sees_everything:
            return True
        return self.get_entity(entity_id) is not None

    def _page(
        self,
        fetch: Callable[[int, int], list[R]],
        view: Callable[[R], R | None],
        limit: int,
        offset: int,
    ) -> list[R]:
        """One page of the records the reader sees, read from the store's pages in turn,
        so that hidden records neither shorten a page nor shift the next."""
        if self.visibility is None:
            return fetch(limit, offset)
        kept: list[R] = []
        skipped, at, step = 0, 0, max(limit + offset, _STEP)
        while len(kept) < limit:
            page = fetch(step, at)
            for seen in (view(record) for record in page):
                if seen is not None and skipped < offset:
                    skipped += 1
                elif seen is not None and len(kept) < limit:
                    kept.append(seen)
            if len(page) < step:
                break
            at += step
        return kept

    def _joined(self, relation: Relation) -> Relation | None:
        return next(iter(self._joinable([relation])), None)

    def _joinable(self, relations: list[Relation]) -> list[Relation]:
        """Visible relations, as the reader sees them, whose two ends are visible too.

        Their statements and ends are read in bulk: an entity with hundreds of
        relations costs a few queries, not two or three for each relation.
        """
        visibility = self.visibility
        if visibility is None:
            return list(relations)
        ids = [r.id for r in relations]
        behind = self.inner.statements_about_each(SubjectKind.RELATION, ids)
        ends = self.get_entities(
            sorted({e for r in relations for e in (r.subject_id, r.object_id)})
        )
        seen = (_relation_told(r, behind[r.id], visibility) for r in relations)
        return [r for r in seen if r and r.subject_id in ends and r.object_id in ends]


def _relation_told(
    relation: Relation, statements: list[Statement], visibility: Visibility
) -> Relation | None:
    """The relation as a reader of `visibility` sees it through its statements, or None."""
    seen = how_seen(relation.marking, statements, visibility)
    if seen is not Seen.PART:
        return relation if seen is Seen.WHOLE else None
    return relation_as_told(relation, [s for s in statements if visibility.admits(s.marking)])
