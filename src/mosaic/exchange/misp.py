"""MISP event JSON of a snapshot: one MISP event per Mosaic event, one more for the relations.

One MISP event per Mosaic event, not per report: a MISP event is what MISP dates,
correlates, tags and shares, and a Mosaic event is one incident told by several reports
that may disagree. Per report, the same attack would be several MISP events that MISP
can only correlate on shared strings, and the two tolls of two sources would no longer
sit side by side. Each report is instead a `report` object inside every event it
informs, and each statement an `annotation` object quoting its sentence that refers to
that report. Relations between groups belong to no incident: they travel in one more
MISP event ("Mosaic relations"), as organization/person objects joined by references
whose `relationship_type` is the relation and whose comment holds its dates.

The file is MISP's search answer, `{"response": [{"Event": ...}, ...]}`. The TLP label
is a `tlp:` tag on each event and sets its distribution level; each perpetrator group is
a `misp-galaxy:threat-actor` tag. The tolls are `counter` attributes (the lowest figure);
fields MISP has no attribute for ride in a `mosaic-event` object (template-less, so any
MISP loads it), ranges included.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

from pymisp import MISPEvent, MISPObject

from mosaic.exchange.snapshot import Citation, Snapshot
from mosaic.exchange.stix import event_properties, incident_name
from mosaic.model import Entity, EntityKind, Event, Relation, Report, Tlp
from mosaic.model.ids import digest

DISTRIBUTION = {Tlp.CLEAR: 3, Tlp.GREEN: 2, Tlp.AMBER: 1, Tlp.AMBER_STRICT: 0, Tlp.RED: 0}
"""MISP distribution levels: 3 all communities, 2 connected, 1 this community, 0 own org."""

RELATIONS_INFO = "Mosaic relations"


def export_misp(snapshot: Snapshot) -> str:
    """The snapshot as MISP search JSON: a list of events under "response"."""
    events = [_misp_event(snapshot, event) for event in snapshot.events]
    if snapshot.relations:
        events.append(_relations_event(snapshot))
    payload = {"response": [{"Event": json.loads(e.to_json())} for e in events]}
    return json.dumps(payload, indent=2, ensure_ascii=False, default=str)


def misp_uuid(*parts: str) -> str:
    return str(uuid.UUID(digest("misp", *parts, length=32)))


def tlp_tag(tlp: Tlp) -> str:
    return tlp.value.lower()


def _new_event(key: str, info: str, tlp: Tlp, day: dt.date | None) -> MISPEvent:
    event = MISPEvent()
    event.uuid = misp_uuid("event", key)
    event.info = info
    event.date = day or dt.date(1970, 1, 1)
    event.distribution = DISTRIBUTION[tlp]
    event.threat_level_id = 4  # undefined: Mosaic does not grade threats
    event.analysis = 2
    event.add_tag(tlp_tag(tlp))
    return event


def _misp_event(snapshot: Snapshot, event: Event) -> MISPEvent:
    place = snapshot.entity(event.place_id)
    day = event.date.first_day() if event.date else None
    misp = _new_event(event.id, incident_name(event, place), event.marking.tlp, day)
    misp.add_tag(f'mosaic:event-type="{event.type.value}"')
    fields = _object(misp, "mosaic-event", event.id, strict=False)
    fields.add_attribute("mosaic-id", value=event.id, type="text")
    for name, value in event_properties(event).items():
        if value is not None:
            fields.add_attribute(name, value=json.dumps(value), type="text")
    for slot, count in (("killed", event.killed), ("wounded", event.wounded)):
        if count is not None:  # what a plain MISP reader sees: the lowest figure stated
            misp.add_attribute("counter", count.low, comment=slot, to_ids=False)
    for entity in (snapshot.entity(i) for i in event.perpetrators):
        if entity is not None:
            misp.add_tag(f'misp-galaxy:threat-actor="{entity.name}"')
            _actor(misp, entity, f"perpetrator of {event.id}")
    if place is not None:
        _place(misp, place)
    for target in event.targets:
        _object(misp, "victim", event.id + target).add_attribute("name", value=target)
    _cite(misp, snapshot.cited(event.id))
    return misp


def _object(misp: MISPEvent, name: str, key: str, strict: bool = True) -> MISPObject:
    made = MISPObject(name, strict=strict)
    made.uuid = misp_uuid(name, key)
    misp.add_object(made)
    return made


def _actor(misp: MISPEvent, entity: Entity, role: str) -> MISPObject:
    if any(o.uuid == misp_uuid("actor", entity.id) for o in misp.objects):
        return next(o for o in misp.objects if o.uuid == misp_uuid("actor", entity.id))
    person = entity.kind is EntityKind.PERSON
    actor = _object(misp, "person" if person else "organization", entity.id)
    actor.uuid = misp_uuid("actor", entity.id)
    actor.add_attribute("full-name" if person else "name", value=entity.name)
    for alias in entity.aliases:
        actor.add_attribute("alias", value=alias)
    actor.add_attribute("role", value=role)
    actor.comment = json.dumps({"mosaic_id": entity.id, **entity.external_ids})
    return actor


def _place(misp: MISPEvent, place: Entity) -> None:
    where = _object(misp, "geolocation", place.id)
    where.add_attribute("city", value=place.name)
    if place.country:
        where.add_attribute("countrycode", value=place.country)
    if place.latitude is not None and place.longitude is not None:
        where.add_attribute("latitude", value=place.latitude)
        where.add_attribute("longitude", value=place.longitude)
    where.comment = json.dumps({"mosaic_id": place.id})


def _cite(misp: MISPEvent, citations: list[Citation]) -> None:
    """A report object per source, and an annotation per statement referring to it."""
    for citation in citations:
        if citation.report is None:
            continue
        report = _report(misp, citation.report)
        statement = citation.statement
        note = _object(misp, "annotation", statement.id)
        note.add_attribute("text", value=statement.sentence)
        note.add_attribute("type", value=f"{statement.prop}: {statement.value}")
        if citation.report.url:
            note.add_attribute("ref", value=citation.report.url)
        quoted = {"quoted": statement.attributed_to} if statement.attributed_to else {}
        claim = {"subject": statement.subject_id, "prop": statement.prop, "value": statement.value}
        note.comment = json.dumps({**claim, **quoted})
        note.add_reference(report.uuid, "cites")


def _report(misp: MISPEvent, report: Report) -> MISPObject:
    key = misp_uuid("report", report.id)
    for known in misp.objects:
        if known.uuid == key:
            return known
    made = _object(misp, "report", report.id)
    made.add_attribute("title", value=report.title or report.id)
    if report.url:
        made.add_attribute("link", value=report.url)
    published = report.published.isoformat() if report.published else None
    if summary := ", ".join(filter(None, [report.publisher, published])):
        made.add_attribute("summary", value=summary)
    made.comment = json.dumps(
        {"publisher": report.publisher, "published": published, "tlp": report.marking.tlp}
    )
    return made


def _relations_event(snapshot: Snapshot) -> MISPEvent:
    tlp = max((r.marking.tlp for r in snapshot.relations), key=lambda t: t.rank)
    info = RELATIONS_INFO + (f" as of {snapshot.as_of.isoformat()}" if snapshot.as_of else "")
    misp = _new_event(f"relations:{snapshot.as_of}", info, tlp, snapshot.as_of)
    for relation in snapshot.relations:
        _relation(misp, snapshot, relation)
        _cite(misp, snapshot.cited(relation.id))
    return misp


def _relation(misp: MISPEvent, snapshot: Snapshot, relation: Relation) -> None:
    subject = snapshot.entity(relation.subject_id)
    target = snapshot.entity(relation.object_id)
    if subject is None or target is None:
        return
    source = _actor(misp, subject, "party to a relation")
    other = _actor(misp, target, "party to a relation")
    dates = {
        "mosaic_id": relation.id,
        "start": relation.start.iso() if relation.start else None,
        "end": relation.end.iso() if relation.end else None,
        "tlp": relation.marking.tlp,
    }
    source.add_reference(other.uuid, relation.type.value, comment=json.dumps(dates))
