"""FollowTheMoney entities of a snapshot, one JSON object a line (what Aleph and nomenklatura read).

Groups are Organization, people Person, places Address, events Event (its `organizer`s
are the perpetrators, `addressEntity` the place; FtM has no casualty or event-type field,
so the type goes in `keywords` and the tolls in `notes` as `killed: 28` lines). Member and
leader relations are Membership, the others UnknownLink, with `role` the relation type and
`startDate`/`endDate` to their precision. Each source is an Article; each statement on an
event a Documentation (role: the property, summary: the evidence sentence, description:
the value and whom the report quotes). Relations are no Things, so their sources are
their `proof`, and each statement a `description` line: claim | sentence | Article id.
The TLP label is in `keywords` (a relation's, in `summary`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, cast

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy
from followthemoney.schema import ValidationData

from mosaic.exchange.snapshot import Citation, Snapshot
from mosaic.exchange.stix import incident_name
from mosaic.model import Entity, EntityKind, Event, Relation, RelationType, Report, Statement
from mosaic.model.ids import digest, slugify

SAFE_ID = re.compile(r"^[A-Za-z0-9.\-]+$")
MEMBERSHIPS = (RelationType.MEMBER_OF, RelationType.LEADER_OF)
SCHEMA_OF_KIND = {
    EntityKind.ORGANIZATION: "Organization",
    EntityKind.PERSON: "Person",
    EntityKind.PLACE: "Address",
    EntityKind.OTHER: "LegalEntity",
}


def export_ftm(snapshot: Snapshot) -> str:
    """The snapshot as line-delimited FtM entity JSON."""
    return "".join(
        json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in ftm_entities(snapshot)
    )


def ftm_entities(snapshot: Snapshot) -> Iterator[EntityProxy]:
    yield from (_entity(e) for e in snapshot.entities.values())
    yield from (_article(r) for r in snapshot.reports())
    for event in snapshot.events:
        yield _event(snapshot, event)
        yield from (_documentation(event.id, c) for c in snapshot.cited(event.id) if c.report)
    for relation in snapshot.relations:
        if relation.subject_id in snapshot.entities and relation.object_id in snapshot.entities:
            yield _relation(snapshot, relation)


def ftm_id(kind: str, mosaic_id: str) -> str:
    """An FtM id: letters, digits, dots and dashes only (FtM drops references to others,
    such as the gazetteer's `org:iskp`), so other characters give way to a digest."""
    if SAFE_ID.match(mosaic_id):
        return f"mosaic-{kind}-{mosaic_id}"
    return f"mosaic-{kind}-{slugify(mosaic_id)}-{digest(mosaic_id, length=8)}"


def _make(schema: str, kind: str, mosaic_id: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = ftm_id(kind, mosaic_id)
    return proxy


def _entity(entity: Entity) -> EntityProxy:
    proxy = _make(SCHEMA_OF_KIND[entity.kind], "entity", entity.id)
    proxy.add("full" if entity.kind is EntityKind.PLACE else "name", entity.name)
    if entity.kind is EntityKind.PLACE:
        proxy.add("city", entity.name)
        proxy.add("latitude", entity.latitude)
        proxy.add("longitude", entity.longitude)
    proxy.add("alias", list(entity.aliases))
    proxy.add("country", entity.country.lower() if entity.country else None)
    proxy.add("wikidataId", entity.external_ids.get("wikidata"))
    proxy.add("description", entity.description)
    proxy.add("keywords", entity.marking.tlp.value)
    return proxy


def _article(report: Report) -> EntityProxy:
    proxy = _make("Article", "report", report.id)
    proxy.add("title", report.title or report.id)
    proxy.add("publishedAt", report.published.isoformat() if report.published else None)
    proxy.add("sourceUrl", report.url)
    proxy.add("publisher", report.publisher)
    proxy.add("keywords", report.marking.tlp.value)
    return proxy


def _event(snapshot: Snapshot, event: Event) -> EntityProxy:
    proxy = _make("Event", "event", event.id)
    proxy.add("name", incident_name(event, snapshot.entity(event.place_id)))
    proxy.add("date", event.date.iso() if event.date else None)
    proxy.add("endDate", event.date_end.iso() if event.date_end else None)
    proxy.add("country", event.country.lower() if event.country else None)
    proxy.add("keywords", [event.type.value, event.marking.tlp.value])
    if event.attack_type:
        proxy.add("keywords", event.attack_type.value)
    proxy.add("organizer", [ftm_id("entity", i) for i in event.perpetrators if snapshot.entity(i)])
    if place := snapshot.entity(event.place_id):
        proxy.add("addressEntity", ftm_id("entity", place.id))
        proxy.add("location", place.name)
    proxy.add("notes", event_notes(event))
    proxy.add("proof", [ftm_id("report", r.id) for r in _reports(snapshot.cited(event.id))])
    return proxy


def event_notes(event: Event) -> list[str]:
    """The fields FtM's Event lacks, one `name: value` line each."""
    notes = {
        "killed": event.killed,
        "wounded": event.wounded,
        "perpetrator status": event.perpetrator_status,
        "targets": "; ".join(event.targets) or None,
    }
    return [f"{name}: {value}" for name, value in notes.items() if value]


def _documentation(subject_id: str, citation: Citation) -> EntityProxy:
    statement = citation.statement
    proxy = _make("Documentation", "statement", statement.id)
    proxy.add("document", ftm_id("report", statement.report_id))
    proxy.add("entity", ftm_id("event", subject_id))
    proxy.add("role", statement.prop)
    proxy.add("summary", statement.sentence)
    proxy.add("description", _claim(statement))
    return proxy


def _claim(statement: Statement) -> str:
    quoted = f"; quoted: {statement.attributed_to}" if statement.attributed_to else ""
    return f"{statement.prop} = {statement.value}{quoted}"


def _sourced_claim(citation: Citation) -> str:
    """A relation's statement: `prop = value; quoted: X | sentence | the Article's id`."""
    statement = citation.statement
    return f"{_claim(statement)} | {statement.sentence} | {ftm_id('report', statement.report_id)}"


def _relation(snapshot: Snapshot, relation: Relation) -> EntityProxy:
    membership = relation.type in MEMBERSHIPS
    proxy = _make("Membership" if membership else "UnknownLink", "relation", relation.id)
    subject, target = ftm_id("entity", relation.subject_id), ftm_id("entity", relation.object_id)
    proxy.add("member" if membership else "subject", subject)
    proxy.add("organization" if membership else "object", target)
    proxy.add("role", relation.type.value)
    proxy.add("startDate", relation.start.iso() if relation.start else None)
    proxy.add("endDate", relation.end.iso() if relation.end else None)
    citations = snapshot.cited(relation.id)
    proxy.add("proof", [ftm_id("report", r.id) for r in _reports(citations)])
    proxy.add("description", [_sourced_claim(c) for c in citations])
    proxy.add("summary", relation.marking.tlp.value)
    return proxy


def _reports(citations: list[Citation]) -> list[Report]:
    return list({c.report.id: c.report for c in citations if c.report is not None}.values())


def validation_errors(line: dict[str, Any]) -> str | None:
    """What the FtM model finds wrong with one entity, or None.

    `Schema.validate` checks the values of the properties given; a missing required
    property or one the schema does not have it passes over, so those are checked here.
    """
    schema = model.get(line.get("schema", ""))
    if schema is None:
        return f"unknown schema {line.get('schema')!r}"
    properties = line.get("properties", {})
    unknown = sorted(set(properties) - set(schema.properties))
    missing = sorted(p for p in schema.required if not properties.get(p))
    if unknown or missing:
        return f"{schema.name} {line.get('id')}: unknown {unknown}, missing {missing}"
    try:
        return schema.validate(cast(ValidationData, line))
    except InvalidData as error:
        return f"{schema.name} {line.get('id')}: {error.errors}"
