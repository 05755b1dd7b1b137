"""Pages for one record or one list: entity, events, event, relation, timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mosaic.analysis.evidence import evidence_for, evidence_of
from mosaic.analysis.timeline import country_timeline
from mosaic.analysis.timeline import timeline as entity_timeline
from mosaic.api import params, profiles, schemas
from mosaic.api.context import visible_repository
from mosaic.api.editing.entity_edits import MERGED_INTO
from mosaic.api.filters import EventFilters, event_filters
from mosaic.api.records import require_entity, require_event, require_relation
from mosaic.api.visible import VisibleRepository
from mosaic.model import EventType, SubjectKind
from mosaic.store.ports import EventQuery
from mosaic.web.facts import facts
from mosaic.web.genealogy import genealogy
from mosaic.web.marking_pages import marking_panel
from mosaic.web.render import page

router = APIRouter(include_in_schema=False)
Repo = Annotated[VisibleRepository, Depends(visible_repository)]
Filters = Annotated[EventFilters, Depends(event_filters)]
PAGE = 50
ENTITY_EVENTS = 50
TIMELINE_EVENTS = 300


@router.get("/entities/{entity}", response_class=HTMLResponse)
def entity(request: Request, repo: Repo, entity: str) -> Response:
    found = require_entity(repo, entity)
    if found.id != entity:
        return RedirectResponse(f"/entities/{found.id}", status_code=303)
    data = profiles.profile(repo, found, ENTITY_EVENTS)
    merged = found.external_ids.get(MERGED_INTO)
    return page(
        request,
        "entity.html",
        title=found.name,
        entity=data,
        merged_into=schemas.entity_ref_json(repo, merged) if merged else None,
        external_ids={k: v for k, v in found.external_ids.items() if k != MERGED_INTO},
        genealogy=genealogy(data["relations"], dt.date.today().year),
        marking=marking_panel(request, "entity", found.id, found.marking),
    )


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request, repo: Repo, filters: Filters, offset: params.WebOffset = 0
) -> HTMLResponse:
    query = filters.resolve(repo)
    offset = max(offset, 0)
    found = repo.find_events(replace(query, limit=PAGE, offset=offset, newest_first=True))
    return page(
        request,
        "events.html",
        title="Events",
        events=schemas.events_json(repo, found),
        total=repo.count_events(query),
        filters=filters.as_params(),
        offset=offset,
        limit=PAGE,
        types=[t.value for t in EventType],
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, repo: Repo, event_id: str) -> HTMLResponse:
    found = require_event(repo, event_id)
    statements = repo.statements_about(SubjectKind.EVENT, found.id)
    return page(
        request,
        "event.html",
        title=f"Event {found.id}",
        event=schemas.event_json(repo, found, statements),
        facts=facts(repo, evidence_of(repo, statements)),
        marking=marking_panel(request, "event", found.id, found.marking),
    )


@router.get("/relations/{relation_id}", response_class=HTMLResponse)
def relation(request: Request, repo: Repo, relation_id: str) -> HTMLResponse:
    found = require_relation(repo, relation_id)
    items = evidence_for(repo, found.id)
    return page(
        request,
        "relation.html",
        title=f"Relation {found.id}",
        relation=schemas.relation_json(repo, found, [i.statement.id for i in items]),
        facts=facts(repo, items),
        marking=marking_panel(request, "relation", found.id, found.marking),
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request, repo: Repo, entity: str | None = None, country: str | None = None
) -> HTMLResponse:
    """An entity's or a country's history; the first TIMELINE_EVENTS events, oldest first."""
    if entity:
        found = require_entity(repo, entity)
        entries = [e.to_json() for e in entity_timeline(repo, found, TIMELINE_EVENTS)]
        total = repo.count_events(profiles.events_query(found, 0))
        return page(
            request,
            "timeline.html",
            title=f"Timeline of {found.name}",
            subject=found.name,
            entity_id=found.id,
            entries=entries,
            more=_more(total, {"group": found.id}),
        )
    code = params.country(country)
    if code:
        query = EventQuery(country=code, limit=TIMELINE_EVENTS)
        entries = [e.to_json() for e in country_timeline(repo, code, TIMELINE_EVENTS)]
        return page(
            request,
            "timeline.html",
            title=f"Timeline of {code}",
            subject=code,
            entity_id=None,
            entries=entries,
            more=_more(repo.count_events(query), {"country": code}),
        )
    return page(
        request,
        "timeline.html",
        title="Timeline",
        subject=None,
        entity_id=None,
        entries=[],
        more=None,
    )


def _more(total: int, filters: dict[str, str]) -> dict[str, Any] | None:
    """When events were left out: how many there are, and the event list that has them all."""
    if total <= TIMELINE_EVENTS:
        return None
    return {"total": total, "shown": TIMELINE_EVENTS, "href": "/events?" + urlencode(filters)}
