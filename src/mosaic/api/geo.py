"""Events as GeoJSON points for the map: placed events only, at their place's coordinates."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from mosaic.api.context import visible_repository
from mosaic.api.filters import EventFilters, event_filters
from mosaic.api.visible import VisibleRepository

router = APIRouter(prefix="/api", tags=["explore"])
Repo = Annotated[VisibleRepository, Depends(visible_repository)]
Filters = Annotated[EventFilters, Depends(event_filters)]
MAX_POINTS = 20_000


@router.get("/map/events", summary="Placed events as a GeoJSON FeatureCollection")
def map_events(
    repo: Repo,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_POINTS, description="At most this many.")] = 5000,
) -> JSONResponse:
    """Newest events first; events whose place has no coordinates are left out."""
    features = repo.map_points(filters.resolve(repo), limit)
    return JSONResponse({"type": "FeatureCollection", "features": features})
