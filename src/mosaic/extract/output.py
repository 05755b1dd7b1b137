"""Extraction results in FORMAT.md's JSON shape (../shared/eval/FORMAT.md, version 1).

Every NAME is written as [canonical, *aliases] so that a scorer matching any
alias rewards what the gazetteer knows. Two keys are extra to the format and
ignored by scorers: "attributed_to" (who the report quotes) and "confidence".
Findings below `MIN_CONFIDENCE` stay in the ReportExtraction for review but
are not written: they are the generic or doubtful mentions ("attacks such as
...", "plans to attack").
"""

from __future__ import annotations

from typing import Any

from mosaic.model import (
    EntityRef,
    EventFinding,
    Mention,
    RelationFinding,
    Report,
    ReportExtraction,
)

MIN_CONFIDENCE = 0.3
"""Findings with a lower confidence are left out of the written output."""


def name(ref: EntityRef) -> list[str]:
    """A NAME: the canonical name first, then every alias."""
    return list(ref.names)


def event_to_format(event: EventFinding) -> dict[str, Any]:
    """One EVENT object; keys the finding does not state are left out."""
    item: dict[str, Any] = {"type": event.type.value}
    optional: dict[str, Any] = {
        "attack_type": event.attack_type.value if event.attack_type else None,
        "date": event.date.iso() if event.date else None,
        "date_end": event.date_end.iso() if event.date_end else None,
        "country": event.country,
        "place": name(event.place) if event.place else None,
        "perpetrators": [name(p) for p in event.perpetrators] or None,
        "perpetrator_status": event.perpetrator_status.value if event.perpetrator_status else None,
        "targets": [name(t) for t in event.targets] or None,
        "weapons": list(event.weapons) or None,
        "killed": event.killed.to_format() if event.killed else None,
        "wounded": event.wounded.to_format() if event.wounded else None,
    }
    item.update({key: value for key, value in optional.items() if value is not None})
    item.update(_provenance(event.evidence.sentence, event.attributed_to, event.confidence))
    return item


def relation_to_format(relation: RelationFinding) -> dict[str, Any]:
    """One RELATION object; dates only where stated."""
    item: dict[str, Any] = {
        "type": relation.type.value,
        "subject": name(relation.subject),
        "object": name(relation.object),
    }
    if relation.start is not None:
        item["date"] = relation.start.iso()
    if relation.end is not None:
        item["date_end"] = relation.end.iso()
    item.update(
        _provenance(relation.evidence.sentence, relation.attributed_to, relation.confidence)
    )
    return item


def _provenance(sentence: str, attributed_to: str | None, confidence: float) -> dict[str, Any]:
    item: dict[str, Any] = {"evidence": " ".join(sentence.split())}
    if attributed_to:
        item["attributed_to"] = attributed_to
    item["confidence"] = confidence
    return item


def mention_to_format(mention: Mention, ref: EntityRef | None) -> dict[str, Any]:
    """One entity mention with what it resolved to, for the evaluation's place-mention
    figures (an extension of the format, which scorers without it ignore)."""
    item: dict[str, Any] = {"start": mention.start, "end": mention.end, "text": mention.text}
    item["label"] = mention.label
    if ref is not None:
        item.update(kind=ref.kind.value, names=name(ref), country=ref.country)
        item.update(latitude=ref.latitude, longitude=ref.longitude)
    return item


def to_format(report: Report, extraction: ReportExtraction, doc_id: str) -> dict[str, Any]:
    """The report's extraction as one FORMAT.md document (findings of enough confidence)."""
    return {
        "doc_id": doc_id,
        "published": report.published.isoformat() if report.published else None,
        "events": [event_to_format(e) for e in extraction.events if e.confidence >= MIN_CONFIDENCE],
        "relations": [
            relation_to_format(r) for r in extraction.relations if r.confidence >= MIN_CONFIDENCE
        ],
    }
