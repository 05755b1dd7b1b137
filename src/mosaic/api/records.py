"""Read endpoints for single records and their lists: reports, entities, events, relations.

Each handler translates HTTP into one call of `mosaic.analysis` or the
repository and shapes the answer with `mosaic.api.schemas`; what the caller
may see is decided by the `VisibleRepository` it is handed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from mosaic.analysis.evidence import evidence_for, evidence_of, sourced_values
from mosaic.analysis.lookup import find_entity
from mosaic.analysis.timeline import timeline, timeline_json
from mosaic.api import params, profiles, schemas
from mosaic.api.context import visible_repository
from mosaic.api.filters import EventFilters, event_filters
from mosaic.api.params import MAX_LIMIT, Page, page
from mosaic.api.visible import VisibleRepository
from mosaic.errors import NotFoundError
from mosaic.model import (
    Entity,
    EntityKind,
    Event,
    Relation,
    RelationType,
    Report,
    SubjectKind,
)

router = APIRouter(prefix="/api", tags=["records"])
Repo = Annotated[VisibleRepository, Depends(visible_repository)]
Paging = Annotated[Page, Depends(page)]
Json = dict[str, Any]


def require_report(repo: VisibleRepository, report_id: str) -> Report:
    report = repo.get_report(report_id)
    if report is None:
        raise NotFoundError(f"no report with id {report_id!r}")
    return report


def require_event(repo: VisibleRepository, event_id: str) -> Event:
    event = repo.get_event(event_id)
    if event is None:
        raise NotFoundError(f"no event with id {event_id!r}")
    return event


def require_relation(repo: VisibleRepository, relation_id: str) -> Relation:
    relation = repo.get_relation(relation_id)
    if relation is None:
        raise NotFoundError(f"no relation with id {relation_id!r}")
    return relation


def require_entity(repo: VisibleRepository, text: str) -> Entity:
    """An entity by id, name or alias (the CLI's lookup), or a 404 with suggestions."""
    return find_entity(repo, text)


@router.get("/reports", summary="Reports, most recently ingested first")
def list_reports(repo: Repo, paging: Paging) -> Json:
    found = repo.list_reports(limit=paging.limit, offset=paging.offset)
    items = [schemas.report_summary_json(report) for report in found]
    return schemas.page_json(items, paging.limit, paging.offset)


@router.get("/reports/{report_id}", summary="A report's text, mentions and statements")
def get_report(repo: Repo, report_id: str) -> Json:
    report = require_report(repo, report_id)
    statements = repo.statements_in_report(report.id)
    return {
        **schemas.report_json(repo, report),
        "statements": [schemas.statement_json(s) for s in statements],
    }


@router.get("/entities", summary="Entities by name, optionally of one kind or matching text")
def list_entities(
    repo: Repo, paging: Paging, kind: str | None = None, q: str | None = None
) -> Json:
    chosen = params.choice(kind, EntityKind, "kind")
    if q:
        found = repo.search_entities(q, chosen, limit=paging.offset + paging.limit)
        found = found[paging.offset :]
    else:
        found = repo.list_entities(chosen, limit=paging.limit, offset=paging.offset)
    items = [schemas.entity_json(entity) for entity in found]
    return schemas.page_json(items, paging.limit, paging.offset)


@router.get("/entities/{entity}", summary="An entity's profile: names, relations, events, sources")
def get_entity(
    repo: Repo,
    entity: str,
    events: Annotated[int, Query(ge=0, le=MAX_LIMIT, description="Newest events listed.")] = 50,
) -> Json:
    """By id, name or alias; `event_count` says how many events there are in all."""
    return profiles.profile(repo, require_entity(repo, entity), events)


@router.get("/entities/{entity}/timeline", summary="An entity's events and relations by date")
def get_timeline(
    repo: Repo,
    entity: str,
    limit: Annotated[int, Query(ge=1, le=5000, description="At most this many events.")] = 500,
) -> Json:
    """Dated entries first, oldest first; relations' starts and ends among the events."""
    found = require_entity(repo, entity)
    return timeline_json(found, timeline(repo, found, limit))


Filters = Annotated[EventFilters, Depends(event_filters)]


@router.get("/events", summary="Events filtered by date, country, type, group and marking")
def list_events(repo: Repo, paging: Paging, filters: Filters, sort: str | None = None) -> Json:
    _field, newest_first = params.sort_key(sort, ("date",))
    query = filters.resolve(repo)
    paged = replace(query, limit=paging.limit, offset=paging.offset, newest_first=newest_first)
    items = schemas.events_json(repo, repo.find_events(paged))
    return schemas.page_json(items, paging.limit, paging.offset, repo.count_events(query))


@router.get("/events/{event_id}", summary="An event, every value its sources give, and evidence")
def get_event(repo: Repo, event_id: str) -> Json:
    event = require_event(repo, event_id)
    statements = repo.statements_about(SubjectKind.EVENT, event.id)
    items = evidence_of(repo, statements)
    values = sourced_values([item.statement for item in items])
    return {
        **schemas.event_json(repo, event, statements),
        "values": schemas.values_json(values),
        "evidence": [schemas.evidence_json(item) for item in items],
    }


@router.get("/relations", summary="Relations, optionally of one entity, type or date")
def list_relations(
    repo: Repo,
    paging: Paging,
    entity: str | None = None,
    type: str | None = None,
    as_of: str | None = None,
) -> Json:
    chosen = params.choice(type, RelationType, "type")
    day = params.first_day(as_of, "as_of")
    if entity is None and chosen is None and day is None:
        found = repo.list_relations(limit=paging.limit, offset=paging.offset)
    else:
        found = _filtered_relations(repo, entity, chosen, day)
        found = found[paging.offset : paging.offset + paging.limit]
    ids = repo.statement_ids(SubjectKind.RELATION, [r.id for r in found])
    items = [schemas.relation_json(repo, r, ids.get(r.id, [])) for r in found]
    return schemas.page_json(items, paging.limit, paging.offset)


def _filtered_relations(
    repo: VisibleRepository, entity: str | None, type: RelationType | None, day: Any
) -> list[Relation]:
    if entity is not None:
        found = repo.relations_of(require_entity(repo, entity).id)
    elif day is not None:
        found = repo.relations_as_of(day)
    else:
        found = [r for r in repo.list_relations(limit=1_000_000) if r.type is type]
    return [
        r for r in found if (type is None or r.type is type) and (day is None or r.holds_on(day))
    ]


@router.get("/relations/{relation_id}", summary="A relation with the evidence behind it")
def get_relation(repo: Repo, relation_id: str) -> Json:
    relation = require_relation(repo, relation_id)
    items = evidence_for(repo, relation.id)
    return {
        **schemas.relation_json(repo, relation, [item.statement.id for item in items]),
        "evidence": [schemas.evidence_json(item) for item in items],
    }


@router.get("/statements/{statement_id}", summary="One statement with its report")
def get_statement(repo: Repo, statement_id: str) -> Json:
    statement = repo.get_statement(statement_id)
    if statement is None:
        raise NotFoundError(f"no statement with id {statement_id!r}")
    report = repo.get_report(statement.report_id)
    return {
        **schemas.statement_json(statement),
        "report": schemas.report_summary_json(report) if report else None,
    }


@router.get("/evidence/{fact_id}", summary="The sentences behind a fact (the CLI's evidence)")
def get_evidence(repo: Repo, fact_id: str) -> Json:
    items = evidence_for(repo, fact_id)
    values = sourced_values([item.statement for item in items])
    return {
        "fact_id": fact_id,
        "evidence": [schemas.evidence_json(item) for item in items],
        "values": schemas.values_json(values),
    }
