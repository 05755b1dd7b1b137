"""Read MISP event JSON: one event, a list of events, or MISP's search answer.

A MISP event is one Mosaic event: its date, its `misp-galaxy:threat-actor` tags and
organization/person objects are the perpetrators, a geolocation object its place, victim
objects its targets, report objects its sources and annotation objects (with a `cites`
reference to a report) its statements. A `mosaic-event` object, where present, gives
the type and tolls; otherwise the event is an attack of unknown type, and `counter`
attributes commented "killed" or "wounded" give the tolls. The events Mosaic writes for
relations ("Mosaic relations") hold references between actors whose relationship type is
a Mosaic relation type. The `tlp:` tag is the marking.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from pymisp import MISPEvent, MISPObject

from mosaic.errors import InputError
from mosaic.exchange.importing import ClaimDraft, ImportBatch, SourceDraft, tlp_named
from mosaic.exchange.misp import RELATIONS_INFO
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

GALAXY = re.compile(r'^misp-galaxy:threat-actor="(.+)"$')


def read_misp(text: str, source: str) -> ImportBatch:
    batch = ImportBatch("misp")
    for item in _event_dicts(text, source):
        event = MISPEvent()
        try:
            event.load(item)
        except Exception as error:  # PyMISP raises its own and builtin types alike
            raise InputError(source, f"not a MISP event: {error}") from error
        if event.info.startswith(RELATIONS_INFO):
            _read_relations(batch, event)
        else:
            _read_event(batch, event)
    return batch


def _event_dicts(text: str, source: str) -> list[Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(source, f"not JSON: {error.msg}", error.lineno) from error
    if isinstance(data, dict) and "response" in data:
        data = data["response"]
    return data if isinstance(data, list) else [data]


def _value(obj: MISPObject, relation: str) -> str | None:
    found = obj.get_attributes_by_relation(relation)
    return str(found[0].value) if found else None


def _marking(event: MISPEvent) -> Marking:
    label = next((t.name for t in event.tags if t.name.lower().startswith("tlp:")), None)
    return Marking(tlp=tlp_named(label))


def _read_event(batch: ImportBatch, misp: MISPEvent) -> None:
    key = str(misp.uuid)
    fields = _mosaic_fields(misp)
    perpetrators = [_actor(batch, o) for o in misp.objects if o.name in ("organization", "person")]
    for tag in misp.tags:
        if (match := GALAXY.match(tag.name)) and not any(
            batch.entities[p].name == match.group(1) for p in perpetrators
        ):
            perpetrators.append(_named_actor(batch, match.group(1)))
    place = next((_place(batch, o) for o in misp.objects if o.name == "geolocation"), None)
    targets = [_value(o, "name") or "" for o in misp.objects if o.name == "victim"]
    batch.events[key] = Event(
        key,
        EventType(fields.get("event_type", "attack")),
        AttackType(fields["attack_type"]) if "attack_type" in fields else None,
        _date(fields.get("date"), misp.date),
        FuzzyDate.parse(fields["date_end"]) if "date_end" in fields else None,
        fields.get("country"),
        place,
        tuple(perpetrators),
        PerpetratorStatus(fields["perpetrator_status"]) if "perpetrator_status" in fields else None,
        tuple(fields.get("targets") or [t for t in targets if t]),
        _count(fields, "killed") or _counter(misp, "killed"),
        _count(fields, "wounded") or _counter(misp, "wounded"),
        _marking(misp),
    )
    _read_citations(batch, misp, SubjectKind.EVENT, key)


def _mosaic_fields(misp: MISPEvent) -> dict[str, Any]:
    found = next((o for o in misp.objects if o.name == "mosaic-event"), None)
    if found is None:
        return {}
    return {
        a.object_relation: json.loads(a.value)
        for a in found.attributes
        if a.object_relation != "mosaic-id"
    }


def _date(stated: str | None, day: dt.date | None) -> FuzzyDate | None:
    if stated:
        return FuzzyDate.parse(stated)
    return FuzzyDate.from_date(day) if day and day.year > 1970 else None


def _count(fields: dict[str, Any], slot: str) -> Count | None:
    if f"{slot}_min" not in fields:
        return None
    return Count(fields[f"{slot}_min"], fields.get(f"{slot}_max"))


def _counter(misp: MISPEvent, slot: str) -> Count | None:
    for attribute in misp.attributes:
        if attribute.type == "counter" and (attribute.comment or "").strip().lower() == slot:
            return Count.exactly(int(attribute.value))
    return None


def _actor(batch: ImportBatch, obj: MISPObject) -> str:
    person = obj.name == "person"
    name = _value(obj, "full-name" if person else "name") or _value(obj, "alias") or str(obj.uuid)
    aliases = tuple(str(a.value) for a in obj.get_attributes_by_relation("alias"))
    ids = {k: v for k, v in _comment(obj).items() if k != "mosaic_id" and isinstance(v, str)}
    kind = EntityKind.PERSON if person else EntityKind.ORGANIZATION
    key = str(obj.uuid)
    batch.entities.setdefault(key, Entity(key, kind, name, aliases, ids))
    return key


def _named_actor(batch: ImportBatch, name: str) -> str:
    key = f"galaxy:{name}"
    batch.entities.setdefault(key, Entity(key, EntityKind.ORGANIZATION, name))
    return key


def _place(batch: ImportBatch, obj: MISPObject) -> str:
    key = str(obj.uuid)
    latitude, longitude = _value(obj, "latitude"), _value(obj, "longitude")
    batch.entities.setdefault(
        key,
        Entity(
            key,
            EntityKind.PLACE,
            _value(obj, "city") or _value(obj, "region") or _value(obj, "country") or key,
            country=_value(obj, "countrycode"),
            latitude=float(latitude) if latitude else None,
            longitude=float(longitude) if longitude else None,
        ),
    )
    return key


def _comment(obj: MISPObject) -> dict[str, Any]:
    try:
        found = json.loads(getattr(obj, "comment", None) or "{}")
    except json.JSONDecodeError:
        return {}
    return found if isinstance(found, dict) else {}


def _read_citations(batch: ImportBatch, misp: MISPEvent, kind: SubjectKind, key: str) -> None:
    """Report objects as sources; each annotation a statement from the report it cites."""
    for obj in misp.objects:
        if obj.name == "report":
            extra = _comment(obj)
            published = extra.get("published")
            batch.sources[str(obj.uuid)] = SourceDraft(
                _value(obj, "title"),
                _value(obj, "link"),
                extra.get("publisher"),
                dt.date.fromisoformat(published) if published else None,
            )
    for obj in misp.objects:
        if obj.name == "annotation":
            _annotation(batch, obj, kind, key)


def _annotation(batch: ImportBatch, obj: MISPObject, kind: SubjectKind, key: str) -> None:
    extra = _comment(obj)
    cited = next(
        (r.referenced_uuid for r in obj.references if r.relationship_type == "cites"), None
    )
    subject = key if kind is SubjectKind.EVENT else str(extra.get("subject", ""))
    batch.claims.append(
        ClaimDraft(
            kind,
            subject,
            extra.get("prop", "exists"),
            json.loads(extra["value"]) if "value" in extra else _type_of(batch, subject),
            str(cited) if cited else None,
            _value(obj, "text") or "",
            extra.get("quoted"),
        )
    )


def _type_of(batch: ImportBatch, key: str) -> str:
    found = batch.events.get(key) or batch.relations.get(key)
    return found.type.value if found else "unknown"


def _read_relations(batch: ImportBatch, misp: MISPEvent) -> None:
    for obj in misp.objects:
        if obj.name in ("organization", "person"):
            _actor(batch, obj)
    for obj in misp.objects:
        for reference in obj.references:
            _relation(batch, misp, str(obj.uuid), reference)
    _read_citations(batch, misp, SubjectKind.RELATION, "")


def _relation(batch: ImportBatch, misp: MISPEvent, source: str, reference: Any) -> None:
    kind = reference.relationship_type
    target = str(reference.referenced_uuid)
    if kind not in set(RelationType) or target not in batch.entities:
        return
    dates = json.loads(reference.comment or "{}")
    key = dates.get("mosaic_id") or f"{source}:{kind}:{target}"
    batch.relations[key] = Relation(
        key,
        RelationType(kind),
        source,
        target,
        FuzzyDate.parse(dates["start"]) if dates.get("start") else None,
        FuzzyDate.parse(dates["end"]) if dates.get("end") else None,
        Marking(tlp=tlp_named(dates.get("tlp"))),
    )
