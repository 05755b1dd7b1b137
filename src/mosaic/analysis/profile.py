"""Everything the knowledge base holds about one entity."""

from __future__ import annotations

from dataclasses import dataclass

from mosaic.model import Entity, Event, Relation, Report, Statement, SubjectKind
from mosaic.store.ports import EventQuery, Repository

ESTIMATE_PROPS = ("fighters",)
"""Figures sources give about an entity itself, each kept with its source."""


@dataclass(frozen=True)
class RelatedEntity:
    relation: Relation
    other: Entity | None
    outgoing: bool


@dataclass(frozen=True)
class EntityProfile:
    entity: Entity
    relations: tuple[RelatedEntity, ...]
    events: tuple[Event, ...]
    sources: tuple[Report, ...]
    estimates: tuple[Statement, ...] = ()


def entity_profile(repo: Repository, entity: Entity, max_events: int = 200) -> EntityProfile:
    related = []
    for relation in repo.relations_of(entity.id):
        outgoing = relation.subject_id == entity.id
        other_id = relation.object_id if outgoing else relation.subject_id
        related.append(RelatedEntity(relation, repo.get_entity(other_id), outgoing))
    events = repo.find_events(EventQuery(participant_ids=(entity.id,), limit=max_events))
    return EntityProfile(
        entity,
        tuple(related),
        tuple(events),
        tuple(_sources(repo, related, events)),
        tuple(entity_estimates(repo, entity.id)),
    )


def entity_estimates(repo: Repository, entity_id: str) -> list[Statement]:
    """What sources estimate of the entity (its fighters), every source's figure beside the
    others', in report order; rejected statements left out."""
    statements = repo.statements_about(SubjectKind.ENTITY, entity_id)
    found = [s for s in statements if s.prop in ESTIMATE_PROPS and s.status != "rejected"]
    return sorted(found, key=lambda s: (s.report_id, s.start))


def _sources(repo: Repository, related: list[RelatedEntity], events: list[Event]) -> list[Report]:
    report_ids: dict[str, None] = {}
    for item in related:
        for s in repo.statements_about(SubjectKind.RELATION, item.relation.id):
            report_ids[s.report_id] = None
    for event in events:
        for s in repo.statements_about(SubjectKind.EVENT, event.id):
            report_ids[s.report_id] = None
    return [report for i in report_ids if (report := repo.get_report(i)) is not None]
