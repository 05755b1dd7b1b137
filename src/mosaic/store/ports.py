"""The repository interface every store implements; services depend on this alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from mosaic.model import (
    Entity,
    EntityKind,
    Event,
    EventType,
    Marking,
    Mention,
    Relation,
    RelationType,
    Report,
    ReviewStatus,
    Statement,
    SubjectKind,
    Tlp,
)
from mosaic.model.accounts import ApiToken, Organisation, Session, User
from mosaic.model.audit import AuditEntry
from mosaic.model.marking import Visibility as Visibility
from mosaic.model.sharing import GroupMember, SharingGroup


@dataclass(frozen=True)
class EventQuery:
    """Filters for listing events; every field left None does not filter.

    `participant_ids` keeps events with any of these entities among the
    perpetrators; `since`/`until` compare against the event's first day.
    `visibility` keeps the events that reader sees whole (`mosaic.resolve.seen`).
    """

    participant_ids: tuple[str, ...] | None = None
    country: str | None = None
    type: EventType | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    place_id: str | None = None
    max_tlp: Tlp | None = None
    visibility: Visibility | None = None
    limit: int = 100
    offset: int = 0
    newest_first: bool = False


# What `Repository.event_counts` can count events by.
DIMENSIONS = ("country", "year", "month", "group", "type", "attack_type")


@dataclass(frozen=True)
class Bucket:
    """How many events share `keys` (one per dimension); `labels` are what to show."""

    keys: tuple[str | None, ...]
    labels: tuple[str | None, ...]
    count: int


@dataclass(frozen=True)
class NearDuplicate:
    report_id: str
    other_id: str
    similarity: float


class Repository(Protocol):
    """Reads and writes of the knowledge base.

    Writes are grouped by `transaction()`: everything written inside one block
    is committed together or not at all. Every `save_*`/`add_*` is idempotent:
    writing the same record (same id) twice leaves one record.
    """

    def transaction(self) -> AbstractContextManager[None]: ...

    # reports
    def has_report(self, content_hash: str) -> bool: ...
    def add_report(self, report: Report, minhash: Sequence[int]) -> None: ...
    def get_report(self, report_id: str) -> Report | None: ...
    def get_reports(self, report_ids: Sequence[str]) -> dict[str, Report]:
        """The reports with these ids, by id, in a few queries; ids of no report are left out."""
        ...

    def list_reports(self, limit: int = 100, offset: int = 0) -> list[Report]: ...
    def iter_minhashes(self) -> Iterator[tuple[str, tuple[int, ...]]]: ...
    def near_duplicate_candidates(
        self, minhash: Sequence[int]
    ) -> list[tuple[str, tuple[int, ...]]]:
        """Stored reports sharing a band bucket with `minhash` (`store.bands`), with their
        signatures, by id: every near-duplicate but for the tiny miss rate given there."""
        ...

    def link_near_duplicate(self, link: NearDuplicate) -> None: ...
    def near_duplicates_of(self, report_id: str) -> list[NearDuplicate]: ...

    # mentions
    def add_mentions(self, mentions: Sequence[Mention]) -> None: ...
    def mentions_in_report(self, report_id: str) -> list[Mention]: ...

    # entities
    def save_entity(self, entity: Entity) -> None: ...
    def save_entities(self, entities: Sequence[Entity]) -> None:
        """`save_entity` of each, in a few statements; of two with one id, the last is kept."""
        ...

    def get_entity(self, entity_id: str) -> Entity | None: ...
    def get_entities(self, entity_ids: Sequence[str]) -> dict[str, Entity]:
        """The entities with these ids, by id, in a few queries; ids of no entity are left out."""
        ...

    def find_entities_by_name(self, name: str) -> list[Entity]:
        """Entities one of whose names has the same `resolve.names.match_key` as `name`."""
        ...

    def find_entities_by_names(self, names: Sequence[str]) -> dict[str, list[Entity]]:
        """`find_entities_by_name` of each of `names` at once, keyed by name."""
        ...

    def search_entities(
        self, text: str, kind: EntityKind | None = None, limit: int = 20
    ) -> list[Entity]:
        """Entities any of whose names contains `text`, case-insensitively."""
        ...

    def list_entities(
        self, kind: EntityKind | None = None, limit: int = 100, offset: int = 0
    ) -> list[Entity]: ...

    # events
    def save_event(self, event: Event) -> None: ...
    def save_events(self, events: Sequence[Event]) -> None:
        """`save_event` of each, in a few statements; of two with one id, the last is kept."""
        ...

    def get_event(self, event_id: str) -> Event | None: ...
    def find_events(self, query: EventQuery) -> list[Event]: ...
    def count_events(self, query: EventQuery) -> int: ...
    def event_merge_candidates(self, type: EventType, year: int | None) -> list[Event]:
        """Events of this type whose date falls in `year` (every one of the type if None), to
        test for merging: an undated event merges with none (`resolve.events.same_event`)."""
        ...

    # relations
    def save_relation(self, relation: Relation) -> None: ...
    def save_relations(self, relations: Sequence[Relation]) -> None:
        """`save_relation` of each, in a few statements; of two with one id, the last is kept."""
        ...

    def get_relation(self, relation_id: str) -> Relation | None: ...
    def find_relation(
        self, type: RelationType, subject_id: str, object_id: str
    ) -> Relation | None: ...
    def relations_of(self, entity_id: str) -> list[Relation]: ...
    def relations_among(self, entity_ids: Sequence[str]) -> list[Relation]:
        """Relations both of whose sides are among `entity_ids`, by id, in a few queries."""
        ...

    def relations_as_of(self, day: dt.date) -> list[Relation]:
        """Relations standing on `day` (start unknown or before, end unknown or after)."""
        ...

    def list_relations(self, limit: int = 1000, offset: int = 0) -> list[Relation]: ...

    # statements
    def add_statements(self, statements: Sequence[Statement]) -> None: ...
    def save_records(
        self,
        entities: Sequence[Entity],
        events: Sequence[Event],
        relations: Sequence[Relation],
        statements: Sequence[Statement],
    ) -> None:
        """`save_entities`, `save_events`, `save_relations` and `add_statements` of these, in
        that order, with fewer statements than the four calls."""
        ...

    def get_statement(self, statement_id: str) -> Statement | None: ...
    def statements_about(self, kind: SubjectKind, subject_id: str) -> list[Statement]: ...
    def statements_about_each(
        self, kind: SubjectKind, subject_ids: Sequence[str]
    ) -> dict[str, list[Statement]]:
        """`statements_about` of every subject, in a few queries; each subject is a key."""
        ...

    def statements_in_report(self, report_id: str) -> list[Statement]: ...
    def set_statement_status(self, statement_id: str, status: ReviewStatus) -> None: ...

    # figures
    def counts(self, visibility: Visibility | None = None) -> dict[str, int]:
        """Numbers of reports, mentions, entities (by kind), events, relations, statements
        that the reader may see (events and relations seen whole or in part)."""
        ...

    # bulk reads for the API and the web pages; each sees only what `visibility` admits:
    # records by their marking, events and relations only where seen whole
    # (`mosaic.store.visibility.seen_whole`; the caller adds `facts_seen_in_part`)
    def event_counts(
        self, dimensions: Sequence[str], query: EventQuery, visibility: Visibility | None = None
    ) -> list[Bucket]:
        """Events counted by every combination of `dimensions` (of `DIMENSIONS`), most first.

        Grouped by group, an event counts once under each perpetrator that is an
        organization. Raises ValueError for a dimension not in `DIMENSIONS`.
        """
        ...

    def statement_ids(
        self, kind: SubjectKind, subject_ids: Sequence[str], visibility: Visibility | None = None
    ) -> dict[str, list[str]]:
        """Ids of the (not rejected) statements about each subject that has any, in id order."""
        ...

    def report_ids_about(
        self, kind: SubjectKind, subject_ids: Sequence[str], visibility: Visibility | None = None
    ) -> list[str]:
        """Ids of the reports with a (not rejected) statement about any of the subjects."""
        ...

    def report_ids_titled(
        self, text: str, limit: int, visibility: Visibility | None = None
    ) -> list[str]:
        """Ids of reports whose title contains `text`, case-insensitively, newest first."""
        ...

    def statements_with_status(
        self,
        status: ReviewStatus,
        limit: int,
        offset: int = 0,
        visibility: Visibility | None = None,
    ) -> list[Statement]:
        """Statements in one review state, least confident first: the review queue's order."""
        ...

    def relation_years(self, visibility: Visibility | None = None) -> tuple[int, int] | None:
        """The first and last year any relation starts or ends; None without dated relations."""
        ...

    def network_json(self, day: dt.date, visibility: Visibility | None = None) -> dict[str, Any]:
        """The relations standing on `day` and the entities they join, as plain data.

        The shape of `analysis.network.Network.to_json()` with, on each edge, the
        ids of the statements behind it (`statement_ids`); edges whose ends are
        not visible are left out. Plain data, so a large network is never built
        as records.
        """
        ...

    def map_points(
        self, query: EventQuery, limit: int, visibility: Visibility | None = None
    ) -> list[dict[str, Any]]:
        """The newest `limit` events with a place that has coordinates, as GeoJSON features.

        Each feature's properties: id, date, type (the attack type, else the
        event type), group (the first perpetrator's name, else "unknown"),
        place and killed (the toll as text).
        """
        ...

    def facts_seen_in_part(self, kind: SubjectKind, visibility: Visibility) -> list[str]:
        """Ids of the events or relations (`kind`) that the reader sees through some of the
        statements behind them but not all (`mosaic.resolve.seen`), by id.

        The other bulk reads leave these out: the reader may see them only as those
        statements alone tell them, which the caller rebuilds.
        """
        ...


MARKED_KINDS = ("report", "statement", "entity", "event", "relation")
"""The kinds of record that carry a marking, as `AccessStore.set_marking` names them."""


class AccessStore(Protocol):
    """Who uses the instance and what they did: organisations, users, tokens, sessions,
    sharing groups and the audit log; and the one write that changes a record's marking.

    Every write joins the open `transaction()` of the same store, so an audit
    entry is committed with the change it records, or not at all.
    """

    # organisations and users
    def add_organisation(self, organisation: Organisation) -> None: ...
    def get_organisation(self, name: str) -> Organisation | None: ...
    def list_organisations(self) -> list[Organisation]: ...
    def add_user(self, user: User) -> None: ...
    def get_user(self, name: str) -> User | None: ...
    def list_users(self, organisation: str | None = None) -> list[User]: ...

    # API tokens and web sessions
    def add_token(self, token: ApiToken) -> None: ...
    def get_token(self, token_id: str) -> ApiToken | None: ...
    def tokens_of(self, user: str) -> list[ApiToken]: ...
    def revoke_token(self, token_id: str, at: dt.datetime) -> bool:
        """Stamp the token revoked; False if there is no such token or it already was."""
        ...

    def add_session(self, session: Session) -> None: ...
    def get_session(self, id_hash: str) -> Session | None: ...
    def delete_session(self, id_hash: str) -> None: ...

    # sharing groups
    def add_sharing_group(self, group: SharingGroup) -> None: ...
    def get_sharing_group(self, name: str) -> SharingGroup | None: ...
    def list_sharing_groups(self) -> list[SharingGroup]: ...
    def add_group_member(self, group: str, member: GroupMember) -> None: ...
    def remove_group_member(self, group: str, member: GroupMember) -> bool: ...

    # markings
    def set_marking(self, kind: str, record_id: str, marking: Marking) -> bool:
        """Give one record (of `MARKED_KINDS`) a new marking; False if there is no such record."""
        ...

    # the audit log: appended to, never changed
    def lock_audit_log(self) -> None:
        """Hold the audit log's write lock until the open transaction ends, so that reading
        the newest entry and appending the next cannot interleave with another writer."""
        ...

    def last_audit_entry(self) -> AuditEntry | None: ...
    def append_audit_entry(self, entry: AuditEntry) -> None:
        """Add the entry; StoreError if one with its sequence number exists already."""
        ...

    def audit_entries(self, after: int = 0, limit: int = 1000) -> list[AuditEntry]:
        """Entries with a sequence number above `after`, oldest first."""
        ...


class KnowledgeBase(Repository, AccessStore, Protocol):
    """Both ports, as the SQL and memory stores implement them."""
