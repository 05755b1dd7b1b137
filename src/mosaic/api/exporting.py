"""`GET /api/export`: the knowledge base, or the part the filters pick, in an exchange format."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from mosaic.analysis.lookup import find_entity
from mosaic.api import params
from mosaic.api.context import AppContext, context, policy, visible_repository
from mosaic.api.filters import EventFilters, event_filters
from mosaic.api.visible import VisibleRepository
from mosaic.exchange.formats import EXPORT_FORMATS, export, export_format
from mosaic.exchange.snapshot import ExportFilter
from mosaic.services.audit import Actor, record_export
from mosaic.share.policy import AccessPolicy

router = APIRouter(prefix="/api", tags=["exchange"])
Repo = Annotated[VisibleRepository, Depends(visible_repository)]
Filters = Annotated[EventFilters, Depends(event_filters)]
Context = Annotated[AppContext, Depends(context)]
Reader = Annotated[AccessPolicy, Depends(policy)]
FORMAT_HELP = "One of " + ", ".join(EXPORT_FORMATS) + "."


@router.get("/export", summary="Events, relations and their sources in an exchange format")
def export_file(
    repo: Repo,
    filters: Filters,
    ctx: Context,
    reader: Reader,
    format: Annotated[str, Query(description=FORMAT_HELP)],
    as_of: Annotated[str | None, Query(description="Relations standing on this day.")] = None,
) -> Response:
    """The events the filters pick (as `/api/events`), the relations (standing on `as_of`,
    if given) and every source they cite, as a download."""
    chosen = export_format(format)
    query = filters.query
    selection = ExportFilter(
        group_id=find_entity(repo, filters.group).id if filters.group else None,
        country=query.country,
        type=query.type,
        since=query.since,
        until=query.until,
        as_of=params.first_day(as_of, "as_of"),
        max_tlp=query.max_tlp,
    )
    body = export(repo, chosen.name, selection)
    actor = Actor(reader.user, reader.organisation)
    record_export(ctx.repository(), actor, chosen.name, {"group": filters.group, **vars(selection)})
    filename = f"mosaic-export{chosen.suffix}"
    return Response(
        body,
        media_type=chosen.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
