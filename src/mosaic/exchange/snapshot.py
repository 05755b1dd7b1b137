"""What an export holds: the events, relations and entities a filter selects, with their sources.

Every exporter writes one `Snapshot`; it is read through the repository port alone, so
the formats never see the store. Rejected statements are left out, as on every page.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from mosaic.model import Entity, Event, EventType, Relation, Report, Statement, SubjectKind, Tlp
from mosaic.store.ports import EventQuery, Repository

PAGE = 1000


@dataclass(frozen=True)
class ExportFilter:
    """The filters of `mosaic events`, plus the day the relations must stand on.

    `group_id` keeps the events it took part in and the relations it is a party to;
    `max_tlp` keeps events and relations labelled at most that (as the event list's `marking`).
    """

    group_id: str | None = None
    country: str | None = None
    type: EventType | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    as_of: dt.date | None = None
    max_tlp: Tlp | None = None
    with_events: bool = True
    with_relations: bool = True


@dataclass(frozen=True)
class Citation:
    """One statement about a fact and the report that makes it."""

    statement: Statement
    report: Report | None

    @property
    def value(self) -> object:
        return json.loads(self.statement.value)


@dataclass
class Snapshot:
    """The selected facts, the entities they name, and each fact's citations by subject id."""

    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    citations: dict[str, list[Citation]] = field(default_factory=dict)
    as_of: dt.date | None = None

    def entity(self, entity_id: str | None) -> Entity | None:
        return self.entities.get(entity_id) if entity_id else None

    def cited(self, subject_id: str) -> list[Citation]:
        return self.citations.get(subject_id, [])

    def reports(self) -> list[Report]:
        """Every report some fact cites, once, in order of first citation."""
        found: dict[str, Report] = {}
        for citations in self.citations.values():
            for citation in citations:
                if citation.report is not None:
                    found.setdefault(citation.report.id, citation.report)
        return list(found.values())

    def names(self, entity_ids: tuple[str, ...]) -> list[str]:
        return [e.name for i in entity_ids if (e := self.entities.get(i)) is not None]


def take_snapshot(repo: Repository, selection: ExportFilter) -> Snapshot:
    """Read the events and relations `selection` picks, their entities and their sources."""
    snapshot = Snapshot(as_of=selection.as_of)
    snapshot.events = list(_events(repo, selection)) if selection.with_events else []
    snapshot.relations = _relations(repo, selection) if selection.with_relations else []
    reports: dict[str, Report | None] = {}
    for kind, subject_id in _subjects(snapshot):
        snapshot.citations[subject_id] = _citations(repo, kind, subject_id, reports)
    for entity_id in _entity_ids(snapshot):
        if (entity := repo.get_entity(entity_id)) is not None:
            snapshot.entities[entity_id] = entity
    return snapshot


def tlp_of(snapshot: Snapshot) -> Tlp:
    """The most restrictive label of anything in the snapshot: the label of the whole file."""
    marked = [
        *(e.marking.tlp for e in snapshot.events),
        *(r.marking.tlp for r in snapshot.relations),
        *(e.marking.tlp for e in snapshot.entities.values()),
        *(c.statement.marking.tlp for cs in snapshot.citations.values() for c in cs),
    ]
    return max(marked, key=lambda tlp: tlp.rank, default=Tlp.CLEAR)


def _events(repo: Repository, selection: ExportFilter) -> Iterator[Event]:
    offset = 0
    while True:
        query = EventQuery(
            participant_ids=(selection.group_id,) if selection.group_id else None,
            country=selection.country,
            type=selection.type,
            since=selection.since,
            until=selection.until,
            max_tlp=selection.max_tlp,
            limit=PAGE,
            offset=offset,
        )
        page = repo.find_events(query)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def _relations(repo: Repository, selection: ExportFilter) -> list[Relation]:
    if selection.as_of is not None:
        found = repo.relations_as_of(selection.as_of)
    elif selection.group_id is not None:
        found = repo.relations_of(selection.group_id)
    else:
        found = _all_relations(repo)
    if selection.group_id is not None:
        found = [r for r in found if selection.group_id in (r.subject_id, r.object_id)]
    if selection.max_tlp is not None:
        found = [r for r in found if r.marking.tlp.rank <= selection.max_tlp.rank]
    return sorted(found, key=lambda r: r.id)


def _all_relations(repo: Repository) -> list[Relation]:
    found: list[Relation] = []
    while len(page := repo.list_relations(limit=PAGE, offset=len(found))) == PAGE:
        found += page
    return found + page


def _subjects(snapshot: Snapshot) -> Iterator[tuple[SubjectKind, str]]:
    yield from ((SubjectKind.EVENT, e.id) for e in snapshot.events)
    yield from ((SubjectKind.RELATION, r.id) for r in snapshot.relations)


def _citations(
    repo: Repository, kind: SubjectKind, subject_id: str, reports: dict[str, Report | None]
) -> list[Citation]:
    statements = [s for s in repo.statements_about(kind, subject_id) if s.status != "rejected"]
    statements.sort(key=lambda s: (s.report_id, s.start, s.prop))
    for statement in statements:
        if statement.report_id not in reports:
            reports[statement.report_id] = repo.get_report(statement.report_id)
    return [Citation(s, reports[s.report_id]) for s in statements]


def _entity_ids(snapshot: Snapshot) -> dict[str, None]:
    ids: dict[str, None] = {}
    for event in snapshot.events:
        ids.update(dict.fromkeys(event.perpetrators))
        if event.place_id:
            ids[event.place_id] = None
    for relation in snapshot.relations:
        ids.update(dict.fromkeys((relation.subject_id, relation.object_id)))
    return ids
