"""The map and the network: page shells whose scripts draw from the JSON API."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from mosaic.api import params
from mosaic.api.context import visible_repository
from mosaic.api.filters import EventFilters, event_filters
from mosaic.api.visible import VisibleRepository
from mosaic.web.render import page

router = APIRouter(include_in_schema=False)
Repo = Annotated[VisibleRepository, Depends(visible_repository)]
Filters = Annotated[EventFilters, Depends(event_filters)]


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, filters: Filters) -> HTMLResponse:
    return page(request, "map.html", title="Map", filters=filters.as_params())


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, repo: Repo, as_of: str | None = None) -> HTMLResponse:
    """The slider runs by month over the years in which relations start or end."""
    day = params.first_day(as_of, "as_of") or dt.date.today()
    years = repo.relation_years() or (day.year, day.year)
    first, last = min(years[0], day.year), max(years[1], day.year)
    months = (last - first + 1) * 12
    position = (day.year - first) * 12 + day.month - 1
    return page(
        request,
        "network.html",
        title="Network",
        first_year=first,
        months=months,
        position=min(position, months - 1),
        as_of=day.replace(day=1).isoformat(),
    )
