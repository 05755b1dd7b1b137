"""JSON shapes of records and analyses, the same for `mosaic ... --json`, the API and the pages.

Events, entities, profiles and evidence are shaped here once, so that a script
can switch between the CLI and the API.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from mosaic.analysis.evidence import EvidenceItem, SourcedValue, sourced_values
from mosaic.analysis.profile import EntityProfile
from mosaic.model import Entity, Event, Statement, SubjectKind
from mosaic.store.ports import Repository

FIGURES = ("killed", "wounded")
"""The properties whose every sourced value an event's JSON lists, conflicts included."""


def entity_ref_json(repo: Repository, entity_id: str) -> dict[str, Any]:
    entity = repo.get_entity(entity_id)
    return {"id": entity_id, "name": entity.name if entity else entity_id}


def entity_refs_json(repo: Repository, entity_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """`entity_ref_json` of each id, read at once: an id of no (visible) entity is its own name."""
    found = repo.get_entities(entity_ids)
    return {i: {"id": i, "name": found[i].name if i in found else i} for i in entity_ids}


def event_json(
    repo: Repository, event: Event, statements: list[Statement] | None = None
) -> dict[str, Any]:
    """An event's best values plus, for figures, every value a source gave.

    `statements`: those about the event, when the caller has read them already.
    """
    if statements is None:
        return events_json(repo, [event])[0]
    return _event_json(event, statements, entity_refs_json(repo, _entity_ids(event)))


def events_json(repo: Repository, events: Sequence[Event]) -> list[dict[str, Any]]:
    """`event_json` of each event, their statements and entities read in a few queries."""
    about = repo.statements_about_each(SubjectKind.EVENT, [event.id for event in events])
    refs = entity_refs_json(repo, [i for event in events for i in _entity_ids(event)])
    return [_event_json(event, about[event.id], refs) for event in events]


def _entity_ids(event: Event) -> list[str]:
    return [*([event.place_id] if event.place_id else []), *event.perpetrators]


def _event_json(
    event: Event, statements: list[Statement], refs: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    figures = values_json(sourced_values([s for s in statements if s.prop in FIGURES]))
    return {
        "id": event.id,
        "type": event.type.value,
        "attack_type": event.attack_type.value if event.attack_type else None,
        "date": event.date.iso() if event.date else None,
        "date_end": event.date_end.iso() if event.date_end else None,
        "country": event.country,
        "place": dict(refs[event.place_id]) if event.place_id else None,
        "perpetrators": [dict(refs[i]) for i in event.perpetrators],
        "perpetrator_status": event.perpetrator_status,
        "targets": list(event.targets),
        "killed": event.killed.to_format() if event.killed else None,
        "wounded": event.wounded.to_format() if event.wounded else None,
        "figures": {p: figures[p] for p in FIGURES if p in figures},
        "sources": sorted({s.report_id for s in statements}),
        "marking": event.marking.tlp.value,
    }


def values_json(values: dict[str, list[SourcedValue]]) -> dict[str, list[dict[str, Any]]]:
    return {
        prop: [
            {
                "value": v.value,
                "reports": sorted({s.report_id for s in v.statements}),
                "attributed_to": sorted({s.attributed_to for s in v.statements if s.attributed_to}),
            }
            for v in found
        ]
        for prop, found in values.items()
    }


def entity_json(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "kind": entity.kind.value,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "external_ids": entity.external_ids,
        "country": entity.country,
        "latitude": entity.latitude,
        "longitude": entity.longitude,
    }


def profile_json(repo: Repository, profile: EntityProfile) -> dict[str, Any]:
    relations = [
        {
            "id": item.relation.id,
            "type": item.relation.type.value,
            "direction": "outgoing" if item.outgoing else "incoming",
            "other": entity_ref_json(
                repo, item.relation.object_id if item.outgoing else item.relation.subject_id
            ),
            "start": item.relation.start.iso() if item.relation.start else None,
            "end": item.relation.end.iso() if item.relation.end else None,
        }
        for item in profile.relations
    ]
    return {
        **entity_json(profile.entity),
        "relations": relations,
        "events": events_json(repo, profile.events),
        "sources": [
            {"id": r.id, "title": r.title, "publisher": r.publisher, "published": r.published}
            for r in profile.sources
        ],
        "estimates": [estimate_json(s) for s in profile.estimates],
    }


def estimate_json(statement: Statement) -> dict[str, Any]:
    """One source's figure about an entity ("fighters": 4000), with who gave it and where."""
    return {
        "statement_id": statement.id,
        "property": statement.prop,
        "value": json.loads(statement.value),
        "attributed_to": statement.attributed_to,
        "report_id": statement.report_id,
        "sentence": statement.sentence,
    }


def evidence_json(item: EvidenceItem) -> dict[str, Any]:
    s, report = item.statement, item.report
    return {
        "statement_id": s.id,
        "property": s.prop,
        "value": s.value,
        "sentence": s.sentence,
        "span": [s.start, s.end],
        "attributed_to": s.attributed_to,
        "confidence": s.confidence,
        "status": s.status.value,
        "extractor": s.extractor,
        "report": {
            "id": s.report_id,
            "title": report.title if report else None,
            "publisher": report.publisher if report else None,
            "published": report.published.isoformat() if report and report.published else None,
            "url": report.url if report else None,
        },
    }


def map_point_json(event: Event, entity: Callable[[str], Entity | None]) -> dict[str, Any] | None:
    """An event as a GeoJSON point at its place, for the map; None for an unplaced event."""
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
