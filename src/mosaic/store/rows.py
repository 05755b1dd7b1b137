"""Conversions between domain records and SQL rows (plain dicts), in both directions.

Kept apart from the queries so that each conversion is tested once without a
database, and so that the SQL modules only say what to read and write.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from mosaic.model import (
    AttackType,
    Count,
    Distribution,
    Entity,
    EntityKind,
    Event,
    EventType,
    FuzzyDate,
    Marking,
    Mention,
    PerpetratorStatus,
    Relation,
    RelationType,
    Report,
    ReviewStatus,
    Statement,
    SubjectKind,
    Tlp,
)
from mosaic.resolve.names import match_key

Row = dict[str, Any]
StoredRow = Mapping[Any, Any]


def marking_row(marking: Marking) -> Row:
    return {
        "owner": marking.owner,
        "tlp": marking.tlp.value,
        "distribution": marking.distribution.value,
        "sharing_group": marking.sharing_group,
    }


def marking_of(row: StoredRow) -> Marking:
    return _marking(row["owner"], row["tlp"], row["distribution"], row["sharing_group"])


def fuzzy_of(text: str | None) -> FuzzyDate | None:
    return _fuzzy(text) if text else None


@lru_cache(maxsize=1024)
def _marking(owner: str, tlp: str, distribution: str, group: str | None) -> Marking:
    """Markings and dates are immutable and repeat across rows: parse each once."""
    return Marking(owner, Tlp(tlp), Distribution(distribution), group)


@lru_cache(maxsize=65536)
def _fuzzy(text: str) -> FuzzyDate:
    return FuzzyDate.parse(text)


def count_of(low: int | None, high: int | None, named: bool = False) -> Count | None:
    return None if low is None else Count(low, high, bool(named))


def report_row(report: Report, minhash: Sequence[int]) -> Row:
    """The columns of `reports` except `ingested_at`, which the store sets once."""
    return {
        "id": report.id,
        "content_hash": report.content_hash,
        "text": report.text,
        "title": report.title,
        "url": report.url,
        "publisher": report.publisher,
        "published": report.published,
        "source_path": report.source_path,
        "media_type": report.media_type,
        "original": report.original,
        "minhash": json.dumps(list(minhash)),
        **marking_row(report.marking),
    }


def report_of(row: StoredRow) -> Report:
    """The stored report; its stored id and hash stand, whatever owner it has since."""
    report = Report(
        text=row["text"],
        title=row["title"],
        url=row["url"],
        publisher=row["publisher"],
        published=row["published"],
        source_path=row["source_path"],
        media_type=row["media_type"],
        original=row["original"],
        marking=marking_of(row),
    )
    report.id, report.content_hash = row["id"], row["content_hash"]
    return report


def minhash_of(text: str) -> tuple[int, ...]:
    return tuple(int(value) for value in json.loads(text))


def mention_row(mention: Mention) -> Row:
    return {
        "report_id": mention.report_id,
        "span_start": mention.start,
        "span_end": mention.end,
        "text": mention.text,
        "label": mention.label,
        "sentence_start": mention.sentence_start,
        "sentence_end": mention.sentence_end,
        "entity_id": mention.entity_id,
    }


def mention_of(row: StoredRow) -> Mention:
    return Mention(
        report_id=row["report_id"],
        start=row["span_start"],
        end=row["span_end"],
        text=row["text"],
        label=row["label"],
        sentence_start=row["sentence_start"],
        sentence_end=row["sentence_end"],
        entity_id=row["entity_id"],
    )


def entity_row(entity: Entity) -> Row:
    return {
        "id": entity.id,
        "kind": entity.kind.value,
        "name": entity.name,
        "aliases": json.dumps(list(entity.aliases)),
        "external_ids": json.dumps(entity.external_ids, sort_keys=True),
        "country": entity.country,
        "latitude": entity.latitude,
        "longitude": entity.longitude,
        "description": entity.description,
        **marking_row(entity.marking),
    }


def entity_name_rows(entity: Entity) -> list[Row]:
    """One row per distinct name, with the keys that name search and linking look up."""
    return [
        {"entity_id": entity.id, "name": name, "folded": name.casefold(), "key": match_key(name)}
        for name in entity.names
    ]


def entity_of(row: StoredRow) -> Entity:
    return Entity(
        id=row["id"],
        kind=EntityKind(row["kind"]),
        name=row["name"],
        aliases=tuple(json.loads(row["aliases"])),
        external_ids=dict(json.loads(row["external_ids"])),
        country=row["country"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        description=row["description"],
        marking=marking_of(row),
    )


def event_row(event: Event) -> Row:
    date = event.date
    return {
        "id": event.id,
        "type": event.type.value,
        "attack_type": event.attack_type.value if event.attack_type else None,
        "date": date.iso() if date else None,
        "date_first": date.first_day() if date else None,
        "date_last": date.last_day() if date else None,
        "date_precision": date.precision.value if date else None,
        "date_end": event.date_end.iso() if event.date_end else None,
        "country": event.country,
        "place_id": event.place_id,
        "perpetrators": json.dumps(list(event.perpetrators)),
        "perpetrator_status": event.perpetrator_status.value if event.perpetrator_status else None,
        "targets": json.dumps(list(event.targets)),
        "killed_low": event.killed.low if event.killed else None,
        "killed_high": event.killed.high if event.killed else None,
        "wounded_low": event.wounded.low if event.wounded else None,
        "wounded_high": event.wounded.high if event.wounded else None,
        "killed_named": bool(event.killed and event.killed.named),
        "wounded_named": bool(event.wounded and event.wounded.named),
        **marking_row(event.marking),
    }


def event_of(row: StoredRow) -> Event:
    status = row["perpetrator_status"]
    return Event(
        id=row["id"],
        type=EventType(row["type"]),
        attack_type=AttackType(row["attack_type"]) if row["attack_type"] else None,
        date=fuzzy_of(row["date"]),
        date_end=fuzzy_of(row["date_end"]),
        country=row["country"],
        place_id=row["place_id"],
        perpetrators=tuple(json.loads(row["perpetrators"])),
        perpetrator_status=PerpetratorStatus(status) if status else None,
        targets=tuple(json.loads(row["targets"])),
        # an edit's snapshot written before the named columns has none: stated counts
        killed=count_of(row["killed_low"], row["killed_high"], row.get("killed_named", False)),
        wounded=count_of(row["wounded_low"], row["wounded_high"], row.get("wounded_named", False)),
        marking=marking_of(row),
    )


def relation_row(relation: Relation) -> Row:
    start, end = relation.start, relation.end
    return {
        "id": relation.id,
        "type": relation.type.value,
        "subject_id": relation.subject_id,
        "object_id": relation.object_id,
        "start_date": start.iso() if start else None,
        "start_first": start.first_day() if start else None,
        "end_date": end.iso() if end else None,
        "end_last": end.last_day() if end else None,
        **marking_row(relation.marking),
    }


def relation_of(row: StoredRow) -> Relation:
    return Relation(
        id=row["id"],
        type=RelationType(row["type"]),
        subject_id=row["subject_id"],
        object_id=row["object_id"],
        start=fuzzy_of(row["start_date"]),
        end=fuzzy_of(row["end_date"]),
        marking=marking_of(row),
    )


def statement_row(statement: Statement) -> Row:
    return {
        "id": statement.id,
        "subject_kind": statement.subject_kind.value,
        "subject_id": statement.subject_id,
        "prop": statement.prop,
        "value": statement.value,
        "report_id": statement.report_id,
        "span_start": statement.start,
        "span_end": statement.end,
        "sentence": statement.sentence,
        "extractor": statement.extractor,
        "attributed_to": statement.attributed_to,
        "confidence": statement.confidence,
        "status": statement.status.value,
        **marking_row(statement.marking),
    }


def statement_of(row: StoredRow) -> Statement:
    return Statement(
        id=row["id"],
        subject_kind=SubjectKind(row["subject_kind"]),
        subject_id=row["subject_id"],
        prop=row["prop"],
        value=row["value"],
        report_id=row["report_id"],
        start=row["span_start"],
        end=row["span_end"],
        sentence=row["sentence"],
        extractor=row["extractor"],
        attributed_to=row["attributed_to"],
        confidence=row["confidence"],
        status=ReviewStatus(row["status"]),
        marking=marking_of(row),
    )
