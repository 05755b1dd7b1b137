"""Read FollowTheMoney entities, one JSON object a line (Aleph's and OpenSanctions' exports).

Organization, Company and LegalEntity are groups, Person people, Address places, Event
events (organizers the perpetrators, `addressEntity` the place, `keywords` the type,
`notes` lines such as `killed: 28` the tolls); Membership is `member_of` (or the relation
its `role` names), UnknownLink the relation its `role` names (`affiliate_of` otherwise),
Family and Associate `affiliate_of`. Article and other documents are sources; a
Documentation is a statement of its document about its entity, and a relation's `proof`
the documents that state it. Other schemata are skipped.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from mosaic.errors import InputError
from mosaic.exchange.importing import ClaimDraft, ImportBatch, SourceDraft, tlp_named
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

KINDS = {
    "Organization": EntityKind.ORGANIZATION,
    "Company": EntityKind.ORGANIZATION,
    "LegalEntity": EntityKind.ORGANIZATION,
    "PublicBody": EntityKind.ORGANIZATION,
    "Person": EntityKind.PERSON,
    "Address": EntityKind.PLACE,
}
RELATIONS = {"Membership", "UnknownLink", "Family", "Associate"}
DOCUMENTS = {"Article", "Document", "Pages", "PlainText", "HyperText"}
Props = dict[str, list[str]]


def read_ftm(text: str, source: str) -> ImportBatch:
    lines = [_line(raw, source, n) for n, raw in enumerate(text.splitlines(), 1) if raw.strip()]
    batch = ImportBatch("ftm")
    for schema, key, props in lines:
        if schema in KINDS:
            batch.entities[key] = _entity(key, KINDS[schema], props)
        elif schema in DOCUMENTS:
            batch.sources[key] = _source(props)
    for schema, key, props in lines:
        if schema == "Event":
            batch.events[key] = _event(batch, key, props)
        elif schema in RELATIONS:
            _relation(batch, schema, key, props)
    for schema, _, props in lines:
        if schema == "Documentation":
            _documentation(batch, props)
    return batch


def _line(raw: str, source: str, number: int) -> tuple[str, str, Props]:
    try:
        data: dict[str, Any] = json.loads(raw)
        return data["schema"], data["id"], data.get("properties", {})
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise InputError(source, f"not a FollowTheMoney entity: {error}", number) from error


def _first(props: Props, name: str) -> str | None:
    values = props.get(name) or []
    return values[0] if values else None


def _marking(props: Props, name: str = "keywords") -> Marking:
    label = next((v for v in props.get(name, []) if v.upper().startswith("TLP:")), None)
    return Marking(tlp=tlp_named(label))


def _entity(key: str, kind: EntityKind, props: Props) -> Entity:
    name = _first(props, "name") or _first(props, "full") or _first(props, "city") or key
    wikidata = _first(props, "wikidataId")
    latitude, longitude = _first(props, "latitude"), _first(props, "longitude")
    country = _first(props, "country") or _first(props, "mainCountry")
    return Entity(
        key,
        kind,
        name,
        tuple(props.get("alias", [])),
        {"wikidata": wikidata} if wikidata else {},
        country.upper() if country else None,
        float(latitude) if latitude else None,
        float(longitude) if longitude else None,
        _first(props, "description"),
        _marking(props),
    )


def _source(props: Props) -> SourceDraft:
    published = _first(props, "publishedAt") or _first(props, "date")
    return SourceDraft(
        _first(props, "title") or _first(props, "name"),
        _first(props, "sourceUrl"),
        _first(props, "publisher"),
        dt.date.fromisoformat(published[:10]) if published and len(published) >= 10 else None,
    )


def _event(batch: ImportBatch, key: str, props: Props) -> Event:
    words = props.get("keywords", [])
    notes = dict(line.split(": ", 1) for line in props.get("notes", []) if ": " in line)
    date = _first(props, "date") or _first(props, "startDate")
    end = _first(props, "endDate")
    country = _first(props, "country")
    status = notes.get("perpetrator status")
    event = Event(
        key,
        next((EventType(w) for w in words if w in set(EventType)), EventType.ATTACK),
        next((AttackType(w) for w in words if w in set(AttackType)), None),
        FuzzyDate.parse(date[:10]) if date else None,
        FuzzyDate.parse(end[:10]) if end else None,
        country.upper() if country else None,
        _first(props, "addressEntity"),
        tuple(props.get("organizer", [])),
        PerpetratorStatus(status) if status in set(PerpetratorStatus) else None,
        tuple(t for t in notes.get("targets", "").split("; ") if t),
        _count(notes.get("killed")),
        _count(notes.get("wounded")),
        _marking(props),
    )
    return event


def _count(text: str | None) -> Count | None:
    """`28`, `10-15` or `10+` as `Count` writes them."""
    if not text:
        return None
    if text.endswith("+"):
        return Count.at_least(int(text[:-1]))
    low, _, high = text.partition("-")
    return Count(int(low), int(high or low))


def _relation(batch: ImportBatch, schema: str, key: str, props: Props) -> None:
    ends = {
        "Membership": ("member", "organization"),
        "UnknownLink": ("subject", "object"),
        "Family": ("person", "relative"),
        "Associate": ("person", "associate"),
    }[schema]
    subject, target = _first(props, ends[0]), _first(props, ends[1])
    if subject not in batch.entities or target not in batch.entities:
        return
    role = _first(props, "role") or ""
    default = RelationType.MEMBER_OF if schema == "Membership" else RelationType.AFFILIATE_OF
    kind = RelationType(role) if role in set(RelationType) else default
    start, end = _first(props, "startDate"), _first(props, "endDate")
    batch.relations[key] = Relation(
        key,
        kind,
        subject,
        target,
        FuzzyDate.parse(start[:10]) if start else None,
        FuzzyDate.parse(end[:10]) if end else None,
        _marking(props, "summary"),
    )
    _relation_claims(batch, key, kind, props)


def _relation_claims(batch: ImportBatch, key: str, kind: RelationType, props: Props) -> None:
    """Mosaic writes each statement as a `claim | sentence | Article id` description line;
    another producer's relation is stated by each document in its `proof`."""
    stated = [line.split(" | ") for line in props.get("description", [])]
    mosaic_lines = [parts for parts in stated if len(parts) == 3 and " = " in parts[0]]
    for claim, sentence, document in mosaic_lines:
        prop, value, quoted = _claim(claim)
        source = document if document in batch.sources else None
        batch.claims.append(
            ClaimDraft(SubjectKind.RELATION, key, prop, value, source, sentence, quoted)
        )
    if not mosaic_lines:
        batch.claims += [
            ClaimDraft(SubjectKind.RELATION, key, "exists", kind.value, proof)
            for proof in props.get("proof", [])
            if proof in batch.sources
        ]


def _claim(text: str) -> tuple[str, object, str | None]:
    """`prop = value; quoted: X` as Mosaic writes a statement: (prop, value, quoted)."""
    claim, _, quoted = text.partition("; quoted: ")
    prop, _, value = claim.partition(" = ")
    return prop, _json(value), quoted or None


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _documentation(batch: ImportBatch, props: Props) -> None:
    document, subject = _first(props, "document"), _first(props, "entity")
    if subject not in batch.events or document not in batch.sources:
        return
    description = _first(props, "description") or ""
    prop, value, quoted = _claim(description) if " = " in description else ("", None, None)
    batch.claims.append(
        ClaimDraft(
            SubjectKind.EVENT,
            subject,
            _first(props, "role") or prop or "exists",
            value if prop else batch.events[subject].type.value,
            document,
            _first(props, "summary") or "",
            quoted,
        )
    )
