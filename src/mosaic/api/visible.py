"""The repository as one reader may see it: every read of the API and web app passes here.

`VisibleRepository` wraps any `Repository` and applies an `AccessPolicy` to what
it returns, so that endpoints, pages and the analyses they call (profiles,
networks, evidence) never check markings themselves. Writes pass through: the
reader who writes is the owner of what they write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

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
from mosaic.share.policy import AccessPolicy
from mosaic.store.ports import Bucket, EventQuery, NearDuplicate, Repository, Visibility


class VisibleRepository:
    """A `Repository` that returns only what `policy` lets its reader see."""

    def __init__(self, inner: Repository, policy: AccessPolicy) -> None:
        self.inner = inner
        self.policy = policy
        self.visibility = visibility_of(policy)

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
        return self.policy.only_visible(self.inner.list_reports(limit, offset))

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
        return self.policy.only_visible(self.inner.list_entities(kind, limit, offset))

    # events
    def save_event(self, event: Event) -> None:
        self.inner.save_event(event)

    def get_event(self, event_id: str) -> Event | None:
        return self.policy.visible(self.inner.get_event(event_id))

    def find_events(self, query: EventQuery) -> list[Event]:
        return self.policy.only_visible(self.inner.find_events(self._narrowed(query)))

    def count_events(self, query: EventQuery) -> int:
        return self.inner.count_events(self._narrowed(query))

    def event_merge_candidates(self, type: EventType, year: int | None) -> list[Event]:
        return self.inner.event_merge_candidates(type, year)

    # relations
    def save_relation(self, relation: Relation) -> None:
        self.inner.save_relation(relation)

    def get_relation(self, relation_id: str) -> Relation | None:
        return self.policy.visible(self.inner.get_relation(relation_id))

    def find_relation(self, type: RelationType, subject_id: str, object_id: str) -> Relation | None:
        return self.inner.find_relation(type, subject_id, object_id)

    def relations_of(self, entity_id: str) -> list[Relation]:
        return self._joinable(self.inner.relations_of(entity_id))

    def relations_as_of(self, day: dt.date) -> list[Relation]:
        return self._joinable(self.inner.relations_as_of(day))

    def list_relations(self, limit: int = 1000, offset: int = 0) -> list[Relation]:
        return self._joinable(self.inner.list_relations(limit, offset))

    # statements
    def add_statements(self, statements: Sequence[Statement]) -> None:
        self.inner.add_statements(statements)

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

    def counts(self) -> dict[str, int]:
        return self.inner.counts()

    # bulk reads: the store applies the reader's visibility itself
    def event_counts(
        self, dimensions: Sequence[str], query: EventQuery, visibility: Visibility | None = None
    ) -> list[Bucket]:
        return self.inner.event_counts(dimensions, query, self._visibility(visibility))

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
        return self.inner.relation_years(self._visibility(visibility))

    def network_json(self, day: dt.date, visibility: Visibility | None = None) -> dict[str, Any]:
        return self.inner.network_json(day, self._visibility(visibility))

    def map_points(
        self, query: EventQuery, limit: int, visibility: Visibility | None = None
    ) -> list[dict[str, Any]]:
        return self.inner.map_points(query, limit, self._visibility(visibility))

    # the rule applied to what a record points at
    def _visibility(self, asked: Visibility | None) -> Visibility | None:
        """What a bulk read may show: the reader's visibility, or a narrower one asked for.

        Only a reader who sees everything may ask for another visibility; for any
        other reader the two could not be combined into one.
        """
        if self.visibility is None or asked in (None, self.visibility):
            return asked or self.visibility
        raise ValueError(f"{asked} is not the reader's visibility {self.visibility}")

    def _narrowed(self, query: EventQuery) -> EventQuery:
        """The query with the reader's clearance, when the store can filter by itself."""
        if self.policy.sees_everything or query.max_tlp is not None:
            return query
        return replace(query, max_tlp=self.policy.clearance)

    def _report_visible(self, report_id: str) -> bool:
        return self.policy.sees_everything or self.get_report(report_id) is not None

    def _entity_visible(self, entity_id: str | None) -> bool:
        if entity_id is None or self.policy.sees_everything:
            return True
        return self.get_entity(entity_id) is not None

    def _joinable(self, relations: list[Relation]) -> list[Relation]:
        """Visible relations whose two ends are visible too."""
        return [
            r
            for r in self.policy.only_visible(relations)
            if self._entity_visible(r.subject_id) and self._entity_visible(r.object_id)
        ]


def visibility_of(policy: AccessPolicy) -> Visibility | None:
    """What the store's bulk reads filter on for this reader; None when they see everything."""
    if policy.sees_everything:
        return None
    return Visibility(policy.organisation, tuple(t.value for t in policy.allowed_tlps()))
