"""Read a STIX 2.1 bundle: actors, places, incidents, relationships, reports and notes.

Any producer's bundle reads: intrusion-sets, threat-actors and organisation identities
are groups, individual identities people, locations places, incidents events, an
incident's `attributed-to` its perpetrators and `located-at` its place. Relationships
between actors of Mosaic's types (`split-from`, `leader-of`, ...) are relations, and
STIX's own `attributed-to` between two actors reads as `affiliate_of`. Mosaic's property
extension, where present, gives what STIX lacks (dates as stated, tolls, types); without
it an incident is an attack of unknown type and a relation's dates are its
`start_time`/`stop_time` days. Each report object is a source and each note a statement
from it; a fact with neither is stated by the file.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from mosaic.errors import InputError
from mosaic.exchange.importing import ClaimDraft, ImportBatch, SourceDraft
from mosaic.exchange.stix_ids import EXTENSION_ID, PRODUCER_ID, tlp_from_refs
from mosaic.model import (
    AttackType,
    Count,
    Entity,
    EntityKind,
    Event,
    EventType,
    FuzzyDate,
    Marking,
    PerpetratorStatus,
    Relation,
    RelationType,
    SubjectKind,
)

ACTOR_TYPES = {"intrusion-set", "threat-actor", "identity", "location"}
Obj = dict[str, Any]


def read_stix(text: str, source: str) -> ImportBatch:
    """The bundle in `text` as drafts; an InputError where it is no STIX 2.1 bundle."""
    try:
        bundle = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(source, f"not JSON: {error.msg}", error.lineno) from error
    if not isinstance(bundle, dict) or bundle.get("type") != "bundle":
        raise InputError(source, "not a STIX bundle (no top-level 'type': 'bundle')")
    objects = {o["id"]: o for o in bundle.get("objects", []) if isinstance(o, dict) and "id" in o}
    batch = ImportBatch("stix")
    for obj in objects.values():
        _read_object(batch, obj)
    for obj in objects.values():
        if obj["type"] == "relationship":
            _read_relationship(batch, obj)
    for obj in objects.values():
        if obj["type"] == "note":
            _read_note(batch, obj, objects)
    _report_claims(batch, objects)
    return batch


def _fields(obj: Obj) -> Obj:
    fields: Obj = obj.get("extensions", {}).get(EXTENSION_ID, {})
    return fields


def _marking(obj: Obj) -> Marking:
    return Marking(tlp=tlp_from_refs(obj.get("object_marking_refs", [])))


def _read_object(batch: ImportBatch, obj: Obj) -> None:
    kind = _entity_kind(obj)
    if kind is not None:
        batch.entities[obj["id"]] = _entity(obj, kind)
    elif obj["type"] == "incident":
        batch.events[obj["id"]] = _event(obj)
    elif obj["type"] == "report":
        batch.sources[obj["id"]] = _source(obj)


def _entity_kind(obj: Obj) -> EntityKind | None:
    if obj["type"] not in ACTOR_TYPES or obj.get("id") == PRODUCER_ID:
        return None  # the producer identity of a Mosaic bundle is no actor
    stated = _fields(obj).get("kind")
    if stated in set(EntityKind):
        return EntityKind(stated)
    if obj["type"] == "location":
        return EntityKind.PLACE
    if obj["type"] == "identity":
        classes = {"individual": EntityKind.PERSON, "system": None}
        return classes.get(obj.get("identity_class", ""), EntityKind.ORGANIZATION)
    return EntityKind.ORGANIZATION


def _entity(obj: Obj, kind: EntityKind) -> Entity:
    fields = _fields(obj)
    aliases = obj.get("aliases") or fields.get("aliases") or []
    ids = {
        ref["source_name"]: ref["external_id"]
        for ref in obj.get("external_references", [])
        if "external_id" in ref
    }
    return Entity(
        obj["id"],
        kind,
        obj.get("name") or obj["id"],
        tuple(aliases),
        ids,
        fields.get("country") or obj.get("country"),
        obj.get("latitude"),
        obj.get("longitude"),
        obj.get("description"),
        _marking(obj),
    )


def _event(obj: Obj) -> Event:
    f = _fields(obj)
    return Event(
        obj["id"],
        EventType(f.get("event_type", "attack")),
        AttackType(f["attack_type"]) if f.get("attack_type") else None,
        _date(f.get("date")),
        _date(f.get("date_end")),
        f.get("country"),
        perpetrator_status=PerpetratorStatus(f["perpetrator_status"])
        if f.get("perpetrator_status")
        else None,
        targets=tuple(f.get("targets") or ()),
        killed=_count(f.get("killed_min"), f.get("killed_max"), "killed_min" in f),
        wounded=_count(f.get("wounded_min"), f.get("wounded_max"), "wounded_min" in f),
        marking=_marking(obj),
    )


def _date(value: str | None) -> FuzzyDate | None:
    return FuzzyDate.parse(value) if value else None


def _count(low: int | None, high: int | None, stated: bool) -> Count | None:
    return Count(low or 0, high) if stated else None


def _source(obj: Obj) -> SourceDraft:
    reference: Obj = next(iter(obj.get("external_references", [])), {})
    published = obj.get("published", "")[:10] if _fields(obj).get("published_known", True) else ""
    return SourceDraft(
        reference.get("description") or obj.get("name"),
        reference.get("url"),
        obj.get("description") or reference.get("source_name"),
        dt.date.fromisoformat(published) if published else None,
    )


def _read_relationship(batch: ImportBatch, obj: Obj) -> None:
    source, verb, target = obj["source_ref"], obj["relationship_type"], obj["target_ref"]
    event = batch.events.get(source)
    if event is not None and target in batch.entities:
        if verb == "attributed-to":
            event.perpetrators = (*event.perpetrators, target)
        elif verb == "located-at":
            event.place_id = target
        return
    kind = _relation_type(verb, _fields(obj))
    if kind is None or source not in batch.entities or target not in batch.entities:
        return
    f = _fields(obj)
    start = _date(f.get("start")) or _day(obj.get("start_time"))
    end = _date(f.get("end")) or _day(obj.get("stop_time"))
    batch.relations[obj["id"]] = Relation(
        obj["id"], kind, source, target, start, end, _marking(obj)
    )


def _relation_type(verb: str, fields: Obj) -> RelationType | None:
    stated = fields.get("relation_type") or verb.replace("-", "_")
    if stated in set(RelationType):
        return RelationType(stated)
    return RelationType.AFFILIATE_OF if verb == "attributed-to" else None


def _day(timestamp: str | None) -> FuzzyDate | None:
    return FuzzyDate.parse(timestamp[:10]) if timestamp else None


def _read_note(batch: ImportBatch, note: Obj, objects: dict[str, Obj]) -> None:
    refs = note.get("object_refs", [])
    facts = [r for r in refs if r in batch.events or r in batch.relations]
    reports = [r for r in refs if r in batch.sources]
    f = _fields(note)
    for fact in facts:
        kind = SubjectKind.EVENT if fact in batch.events else SubjectKind.RELATION
        value = json.loads(f["value"]) if "value" in f else _exists(batch, fact)
        batch.claims.append(
            ClaimDraft(
                kind,
                fact,
                f.get("prop", "exists"),
                value,
                reports[0] if reports else None,
                note.get("content", ""),
                f.get("quoted"),
                float(f.get("confidence", 1.0)),
                _marking(note) if note.get("object_marking_refs") else None,
            )
        )


def _exists(batch: ImportBatch, fact: str) -> str:
    found = batch.events.get(fact) or batch.relations.get(fact)
    return found.type.value if found is not None else "unknown"


def _report_claims(batch: ImportBatch, objects: dict[str, Obj]) -> None:
    """A fact a report lists but no note cites is stated by that report, without a sentence."""
    noted = {(c.subject, c.source) for c in batch.claims}
    for report_id in batch.sources:
        for ref in objects[report_id].get("object_refs", []):
            if (ref in batch.events or ref in batch.relations) and (ref, report_id) not in noted:
                kind = SubjectKind.EVENT if ref in batch.events else SubjectKind.RELATION
                batch.claims.append(ClaimDraft(kind, ref, "exists", _exists(batch, ref), report_id))
