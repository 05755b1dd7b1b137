"""A STIX 2.1 bundle of a snapshot: groups, people, places, incidents, relationships, sources.

Groups are intrusion-sets, people and other actors identities, places locations, events
incidents (with Mosaic's property extension for what STIX lacks: type, date, tolls).
A perpetrator is an `attributed-to` relationship and a place `located-at`; relations are
relationships with `start_time`/`stop_time`. Each source is a report object, and each
statement a note on the fact that quotes its evidence sentence and cites the report.
Every object carries the TLP marking of its record.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import stix2

from mosaic.exchange.snapshot import Citation, Snapshot
from mosaic.exchange.stix_ids import (
    EXTENSION_ID,
    EXTENSION_SCHEMA,
    PRODUCER_ID,
    extension,
    marking_definitions,
    marking_refs,
    stix_id,
)
from mosaic.model import Entity, EntityKind, Event, FuzzyDate, Relation, Report, Tlp

CLEAR = marking_refs(Tlp.CLEAR)


def export_stix(snapshot: Snapshot) -> str:
    """The snapshot as a serialized STIX 2.1 bundle."""
    objects: list[Any] = [*marking_definitions(), _producer(), _extension_definition()]
    objects += [_entity(entity) for entity in snapshot.entities.values()]
    for event in snapshot.events:
        objects += _incident(snapshot, event)
    objects += [r for rel in snapshot.relations if (r := _relationship(snapshot, rel))]
    objects += _sources(snapshot)
    # stix2's `pretty=True` orders keys by a search that grows steeply with the bundle
    # (minutes for 200 incidents); plain serialization re-indented is the same JSON.
    bundle = json.loads(stix2.Bundle(objects=objects, allow_custom=True).serialize())
    return json.dumps(bundle, indent=2, ensure_ascii=False)


def entity_stix_id(entity: Entity) -> str:
    """The STIX id of an entity: its kind's STIX type, and a hash of its Mosaic id."""
    kinds = {EntityKind.ORGANIZATION: "intrusion-set", EntityKind.PLACE: "location"}
    return stix_id(kinds.get(entity.kind, "identity"), entity.id)


def _producer() -> Any:
    return stix2.Identity(
        id=PRODUCER_ID,
        created="2026-01-01T00:00:00.000Z",
        modified="2026-01-01T00:00:00.000Z",
        name="Mosaic",
        identity_class="system",
        object_marking_refs=CLEAR,
    )


def _extension_definition() -> Any:
    return stix2.ExtensionDefinition(
        id=EXTENSION_ID,
        created="2026-01-01T00:00:00.000Z",
        modified="2026-01-01T00:00:00.000Z",
        created_by_ref=PRODUCER_ID,
        name="Mosaic event, relation and provenance properties",
        description="Fields of Mosaic's records that STIX 2.1 has no property for.",
        schema=EXTENSION_SCHEMA,
        version="1.0.0",
        extension_types=["property-extension"],
        object_marking_refs=CLEAR,
    )


def _common(mosaic_id: str, tlp: Tlp, **extra: Any) -> dict[str, Any]:
    return {
        "created_by_ref": PRODUCER_ID,
        "object_marking_refs": marking_refs(tlp),
        "extensions": extension(mosaic_id=mosaic_id, tlp=tlp.value, **extra),
        "allow_custom": True,
    }


def _entity(entity: Entity) -> Any:
    ids = [{"source_name": k, "external_id": v} for k, v in sorted(entity.external_ids.items())]
    common = _common(entity.id, entity.marking.tlp, kind=entity.kind.value, country=entity.country)
    refs = {"external_references": ids} if ids else {}
    sid = entity_stix_id(entity)
    if entity.kind is EntityKind.ORGANIZATION:
        aliases = {"aliases": list(entity.aliases)} if entity.aliases else {}
        return stix2.IntrusionSet(id=sid, name=entity.name, **aliases, **refs, **common)
    if entity.kind is EntityKind.PLACE:
        return stix2.Location(id=sid, name=entity.name, **_where(entity), **refs, **common)
    role = "individual" if entity.kind is EntityKind.PERSON else "unknown"
    if entity.aliases:
        common["extensions"][EXTENSION_ID]["aliases"] = list(entity.aliases)
    return stix2.Identity(id=sid, name=entity.name, identity_class=role, **refs, **common)


def _where(place: Entity) -> dict[str, Any]:
    where: dict[str, Any] = {"country": place.country} if place.country else {}
    if place.latitude is not None and place.longitude is not None:
        where |= {"latitude": place.latitude, "longitude": place.longitude}
    return where or {"region": "unknown"}


def _incident(snapshot: Snapshot, event: Event) -> list[Any]:
    place = snapshot.entity(event.place_id)
    incident = stix2.Incident(
        id=stix_id("incident", event.id),
        name=incident_name(event, place),
        **_common(event.id, event.marking.tlp, **event_properties(event)),
    )
    links = [
        _link(incident.id, "attributed-to", entity_stix_id(e), event)
        for i in event.perpetrators
        if (e := snapshot.entity(i)) is not None
    ]
    if place is not None:
        links.append(_link(incident.id, "located-at", entity_stix_id(place), event))
    return [incident, *links]


def incident_name(event: Event, place: Entity | None) -> str:
    what = (event.attack_type or event.type).value.replace("_", " ")
    where = f" in {place.name}" if place else (f" in {event.country}" if event.country else "")
    return f"{what}{where}" + (f" on {event.date.iso()}" if event.date else "")


def event_properties(event: Event) -> dict[str, Any]:
    """The event's fields that STIX lacks, as the extension's properties."""
    return {
        "event_type": event.type.value,
        "attack_type": event.attack_type.value if event.attack_type else None,
        "date": event.date.iso() if event.date else None,
        "date_end": event.date_end.iso() if event.date_end else None,
        "country": event.country,
        "perpetrator_status": event.perpetrator_status.value if event.perpetrator_status else None,
        "targets": list(event.targets) or None,
        "killed_min": event.killed.low if event.killed else None,
        "killed_max": event.killed.high if event.killed else None,
        "wounded_min": event.wounded.low if event.wounded else None,
        "wounded_max": event.wounded.high if event.wounded else None,
    }


def _link(source: str, verb: str, target: str, event: Event) -> Any:
    return stix2.Relationship(
        id=stix_id("relationship", source, verb, target),
        source_ref=source,
        relationship_type=verb,
        target_ref=target,
        created_by_ref=PRODUCER_ID,
        object_marking_refs=marking_refs(event.marking.tlp),
    )


def _relationship(snapshot: Snapshot, relation: Relation) -> Any | None:
    subject = snapshot.entity(relation.subject_id)
    target = snapshot.entity(relation.object_id)
    if subject is None or target is None:
        return None
    return stix2.Relationship(
        id=stix_id("relationship", relation.id),
        source_ref=entity_stix_id(subject),
        relationship_type=relation.type.value.replace("_", "-"),
        target_ref=entity_stix_id(target),
        **_times(relation.start, relation.end),
        **_common(
            relation.id,
            relation.marking.tlp,
            relation_type=relation.type.value,
            start=relation.start.iso() if relation.start else None,
            end=relation.end.iso() if relation.end else None,
        ),
    )


def _times(start: FuzzyDate | None, end: FuzzyDate | None) -> dict[str, str]:
    """`start_time` at the start's first day, `stop_time` at the end of the end's last day."""
    times = {"start_time": f"{start.first_day().isoformat()}T00:00:00Z"} if start else {}
    if end is not None and (start is None or end.last_day() >= start.first_day()):
        times["stop_time"] = f"{end.last_day().isoformat()}T23:59:59Z"
    return times


def _sources(snapshot: Snapshot) -> list[Any]:
    """A report object for each source, and a note for each statement citing it."""
    notes = [_note(snapshot, c) for cs in snapshot.citations.values() for c in cs]
    kept = [note for note in notes if note is not None]
    return [*kept, *(_report(snapshot, report, kept) for report in snapshot.reports())]


def fact_stix_id(snapshot: Snapshot, subject_id: str) -> str:
    is_event = any(event.id == subject_id for event in snapshot.events)
    return stix_id("incident" if is_event else "relationship", subject_id)


def _note(snapshot: Snapshot, citation: Citation) -> Any | None:
    statement, report = citation.statement, citation.report
    if report is None:
        return None
    return stix2.Note(
        id=stix_id("note", statement.id),
        abstract=f"{statement.prop}: {statement.value}",
        content=statement.sentence,
        object_refs=[fact_stix_id(snapshot, statement.subject_id), stix_id("report", report.id)],
        external_references=[_reference(report)],
        **_common(
            statement.id,
            statement.marking.tlp,
            prop=statement.prop,
            value=statement.value,
            quoted=statement.attributed_to,
            extractor=statement.extractor,
            confidence=statement.confidence,
        ),
    )


def _reference(report: Report) -> dict[str, Any]:
    reference: dict[str, Any] = {"source_name": report.publisher or report.title or report.id}
    if report.url:
        reference["url"] = report.url
    if report.title:
        reference["description"] = report.title
    return reference


def _report(snapshot: Snapshot, report: Report, notes: list[Any]) -> Any:
    note_ids = [n.id for n in notes if stix_id("report", report.id) in n.object_refs]
    facts = dict.fromkeys(
        fact_stix_id(snapshot, subject_id)
        for subject_id, citations in snapshot.citations.items()
        if any(c.report is not None and c.report.id == report.id for c in citations)
    )
    published = report.published or dt.date(1970, 1, 1)
    return stix2.Report(
        id=stix_id("report", report.id),
        name=report.title or report.publisher or report.id,
        description=report.publisher,
        published=f"{published.isoformat()}T00:00:00Z",
        report_types=["threat-report"],
        object_refs=[*facts, *note_ids],
        external_references=[_reference(report)],
        **_common(report.id, report.marking.tlp, published_known=report.published is not None),
    )
