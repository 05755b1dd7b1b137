"""Large answers (the network, map points, sources of many facts) built in one pass.

With the SQL store these come from `mosaic.store.lookups`, a few queries each;
with any other repository from the repository's own reads. Both apply the
reader's policy and give the same JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from mosaic.analysis.network import network_as_of
from mosaic.api import schemas
from mosaic.api.statistics import engine_of, statement_ids, visibility_of
from mosaic.api.visible import VisibleRepository
from mosaic.model import Entity, Event, SubjectKind
from mosaic.store import lookups
from mosaic.store.ports import EventQuery

Json = dict[str, Any]


def network(repo: VisibleRepository, day: dt.date) -> Json:
    """Groups and people joined by the relations standing on `day`, with statement ids."""
    engine = engine_of(repo)
    if engine is not None:
        return lookups.network(engine, day, visibility_of(repo))
    net = network_as_of(repo, day)
    ids = statement_ids(repo, SubjectKind.RELATION, [r.id for r in net.edges])
    return schemas.network_json(net, ids)


def map_features(repo: VisibleRepository, query: EventQuery, limit: int) -> list[Json]:
    """The newest placed events as GeoJSON point features."""
    engine = engine_of(repo)
    if engine is not None:
        return lookups.map_points(engine, query, limit, visibility_of(repo))
    events = repo.find_events(replace(query, limit=limit, newest_first=True))
    cache: dict[str, Entity | None] = {}

    def entity(entity_id: str) -> Entity | None:
        if entity_id not in cache:
            cache[entity_id] = repo.get_entity(entity_id)
        return cache[entity_id]

    return [f for event in events if (f := _feature(event, entity)) is not None]


def _feature(event: Event, entity: Any) -> Json | None:
    place = entity(event.place_id) if event.place_id else None
    if place is None or place.latitude is None or place.longitude is None:
        return None
    group = entity(event.perpetrators[0]) if event.perpetrators else None
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
        "properties": {
            "id": event.id,
            "date": event.date.iso() if event.date else None,
            "type": event.attack_type.value if event.attack_type else event.type.value,
            "group": group.name if group else "unknown",
            "place": place.name,
            "killed": str(event.killed) if event.killed else None,
        },
    }


def report_ids_about(
    repo: VisibleRepository, kind: SubjectKind, subject_ids: Sequence[str]
) -> list[str]:
    """The reports that state something (not rejected) about any of the subjects."""
    engine = engine_of(repo)
    if engine is not None:
        return lookups.report_ids_about(engine, kind, subject_ids, visibility_of(repo))
    found: dict[str, None] = {}
    for subject_id in dict.fromkeys(subject_ids):
        for s in repo.statements_about(kind, subject_id):
            if s.status != "rejected":
                found[s.report_id] = None
    return list(found)
