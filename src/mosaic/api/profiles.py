"""An entity's profile for the API and the entity page, sized for very active groups.

The shape is the CLI's `profile_json` (names, relations, events, sources) with
`event_count` added. Unlike the CLI, which lists up to 200 events oldest
first, the newest `events_limit` events are listed (a group may have tens of
thousands; the events endpoint pages through the rest), and the sources are
read in one pass rather than per fact. A place's events are those that
happened there.
"""

from __future__ import annotations

from typing import Any

from mosaic.analysis.profile import entity_estimates
from mosaic.analysis.shapes import estimate_json
from mosaic.api import schemas
from mosaic.api.visible import VisibleRepository
from mosaic.model import Entity, EntityKind, Relation, SubjectKind
from mosaic.store.ports import EventQuery

MAX_SOURCES = 100


def relation_row(
    entity: Entity, relation: Relation, refs: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    outgoing = relation.subject_id == entity.id
    return {
        "id": relation.id,
        "type": relation.type.value,
        "direction": "outgoing" if outgoing else "incoming",
        "other": dict(refs[_other_end(entity, relation)]),
        "start": relation.start.iso() if relation.start else None,
        "end": relation.end.iso() if relation.end else None,
    }


def _other_end(entity: Entity, relation: Relation) -> str:
    return relation.object_id if relation.subject_id == entity.id else relation.subject_id


def events_query(entity: Entity, limit: int) -> EventQuery:
    if entity.kind is EntityKind.PLACE:
        return EventQuery(place_id=entity.id, limit=limit, newest_first=True)
    return EventQuery(participant_ids=(entity.id,), limit=limit, newest_first=True)


def profile(repo: VisibleRepository, entity: Entity, events_limit: int = 50) -> dict[str, Any]:
    """Names, relations with dates, the newest events, and the reports behind them."""
    relations = repo.relations_of(entity.id)
    query = events_query(entity, events_limit)
    events = schemas.events_json(repo, repo.find_events(query))
    report_ids = dict.fromkeys(
        repo.report_ids_about(SubjectKind.RELATION, [r.id for r in relations])
    )
    report_ids.update(dict.fromkeys(i for e in events for i in e["sources"]))
    sources = list(repo.get_reports(list(report_ids)[:MAX_SOURCES]).values())
    refs = schemas.entity_refs_json(repo, [_other_end(entity, r) for r in relations])
    sources.sort(key=lambda r: (r.published is None, r.published), reverse=True)
    return {
        **schemas.entity_json(entity),
        "relations": [relation_row(entity, r, refs) for r in relations],
        "events": events,
        "event_count": repo.count_events(query),
        "estimates": [estimate_json(s) for s in entity_estimates(repo, entity.id)],
        "sources": [
            {
                "id": r.id,
                "title": r.title,
                "publisher": r.publisher,
                "published": r.published.isoformat() if r.published else None,
            }
            for r in sources
        ],
    }
