"""Endpoints that look across records: search, the network as of a date, statistics."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from mosaic.api import params, schemas, statistics
from mosaic.api.context import event_counts, visible_repository
from mosaic.api.filters import EventFilters, event_filters
from mosaic.api.visible import VisibleRepository
from mosaic.errors import InputError
from mosaic.model import Entity, Event, Report
from mosaic.store.ports import DIMENSIONS, EventQuery

router = APIRouter(prefix="/api", tags=["explore"])
Repo = Annotated[VisibleRepository, Depends(visible_repository)]
Filters = Annotated[EventFilters, Depends(event_filters)]
Json = dict[str, Any]
SEARCH_LIMIT = 50


@router.get("/search", summary="Entities by name or alias, their events, reports by title")
def search(
    repo: Repo,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Text to look for.")],
    limit: Annotated[int, Query(ge=1, le=SEARCH_LIMIT)] = 10,
) -> Json:
    text = q.strip()
    if not text:
        raise InputError("q", "the search text is empty")
    entities = search_entities(repo, text, limit)
    return {
        "q": text,
        "entities": [entity_hit(entity, text) for entity in entities],
        "events": schemas.events_json(repo, events_of(repo, entities, limit)),
        "reports": [schemas.report_summary_json(r) for r in reports_titled(repo, text, limit)],
    }


def search_entities(repo: VisibleRepository, text: str, limit: int) -> list[Entity]:
    """Exact name or alias matches first, then names that contain the text."""
    exact = repo.find_entities_by_name(text)
    seen = {entity.id for entity in exact}
    rest = [e for e in repo.search_entities(text, limit=limit) if e.id not in seen]
    return (exact + rest)[:limit]


def events_of(repo: VisibleRepository, entities: list[Entity], limit: int) -> list[Event]:
    """The newest events with any of these entities among the perpetrators or as the place."""
    ids = tuple(entity.id for entity in entities)
    if not ids:
        return []
    found = repo.find_events(EventQuery(participant_ids=ids, limit=limit, newest_first=True))
    places = [e.id for e in entities if e.kind == "place"][:3]
    for place_id in places:
        query = EventQuery(place_id=place_id, limit=limit, newest_first=True)
        found += [e for e in repo.find_events(query) if e not in found]
    return found[:limit]


def reports_titled(repo: VisibleRepository, text: str, limit: int) -> list[Report]:
    """Reports whose title contains the text, newest first."""
    return list(repo.get_reports(repo.report_ids_titled(text, limit)).values())


def entity_hit(entity: Entity, text: str) -> Json:
    """The entity, and which of its names matched (an alias shows why it was found)."""
    folded = text.casefold()
    matched = next((n for n in entity.names if folded in n.casefold()), entity.name)
    return {**schemas.entity_json(entity), "matched_name": matched}


@router.get("/network", summary="Groups and people joined by relations standing on a date")
def network(repo: Repo, as_of: str | None = None) -> JSONResponse:
    """Nodes, and edges with the ids of the statements behind each (default: today)."""
    day = params.first_day(as_of, "as_of") or dt.date.today()
    return JSONResponse(repo.network_json(day))


@router.get("/stats", summary="Numbers of records of each kind")
def counts(repo: Repo) -> dict[str, int]:
    return repo.counts()


@router.get("/stats/events", summary="Events counted by country, year, month, group or type")
def event_statistics(
    request: Request,
    repo: Repo,
    filters: Filters,
    by: Annotated[str, Query(description="One or two of: " + ", ".join(DIMENSIONS))],
    top: Annotated[int | None, Query(ge=1, le=10_000, description="Keep the N largest.")] = None,
    groups: Annotated[
        int | None,
        Query(
            ge=1,
            le=100,
            description="With a group dimension: the N most active groups, "
            "the others summed as group 'other'.",
        ),
    ] = None,
) -> JSONResponse:
    dimensions = dimensions_of(by)
    buckets = event_counts(request, repo, dimensions, filters.resolve(repo))
    if groups and "group" in dimensions:
        buckets = statistics.fold_groups(buckets, dimensions, groups)
    rows = [schemas.bucket_json(b, dimensions) for b in buckets]
    return JSONResponse({"by": list(dimensions), "rows": rows[:top] if top else rows})


def dimensions_of(by: str) -> tuple[str, ...]:
    names = tuple(part.strip() for part in by.split(",") if part.strip())
    unknown = [name for name in names if name not in DIMENSIONS]
    if unknown or not 1 <= len(names) <= 2 or len(set(names)) != len(names):
        known = ", ".join(DIMENSIONS)
        raise InputError("by", f"{by!r}: give one or two different dimensions of {known}")
    return names
