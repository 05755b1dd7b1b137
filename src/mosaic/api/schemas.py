"""JSON shapes of the API: the CLI's shapes (from `mosaic.analysis.shapes`) plus the API's own.

Events, entities, profiles and evidence are shaped by the same functions as
`mosaic ... --json`, so a script can switch between the CLI and the API. The
shapes below cover what only the API serves: reports, relations with their
statements, the network with evidence ids, figures and review decisions.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from mosaic.analysis.shapes import (
    entity_json,
    entity_ref_json,
    entity_refs_json,
    event_json,
    events_json,
    evidence_json,
    profile_json,
    values_json,
)
from mosaic.model import Relation, Report, Statement
from mosaic.store.ports import Bucket, Repository
from mosaic.store.review import Decision

__all__ = [
    "bucket_json",
    "decision_json",
    "entity_json",
    "entity_ref_json",
    "entity_refs_json",
    "event_json",
    "events_json",
    "evidence_json",
    "page_json",
    "profile_json",
    "relation_json",
    "report_json",
    "report_summary_json",
    "statement_json",
    "values_json",
]


def page_json(
    items: Sequence[Any], limit: int, offset: int, total: int | None = None
) -> dict[str, Any]:
    """A page of a list; `total` when the store can count cheaply, else null."""
    return {"items": list(items), "limit": limit, "offset": offset, "total": total}


def report_summary_json(report: Report) -> dict[str, Any]:
    return {
        "id": report.id,
        "title": report.title,
        "publisher": report.publisher,
        "published": report.published.isoformat() if report.published else None,
        "url": report.url,
        "media_type": report.media_type,
        "words": report.word_count,
        "marking": report.marking.tlp.value,
    }


def report_json(repo: Repository, report: Report) -> dict[str, Any]:
    """A report with its text and the mentions in it, each linked to its entity."""
    mentions = [
        {
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "label": m.label,
            "entity_id": m.entity_id,
        }
        for m in sorted(repo.mentions_in_report(report.id), key=lambda m: m.start)
    ]
    return {
        **report_summary_json(report),
        "text": report.text,
        "source_path": report.source_path,
        "mentions": mentions,
        "near_duplicates": [link.other_id for link in repo.near_duplicates_of(report.id)],
    }


def statement_json(statement: Statement) -> dict[str, Any]:
    return {
        "id": statement.id,
        "subject_kind": statement.subject_kind.value,
        "subject_id": statement.subject_id,
        "property": statement.prop,
        "value": json.loads(statement.value),
        "report_id": statement.report_id,
        "span": [statement.start, statement.end],
        "sentence": statement.sentence,
        "extractor": statement.extractor,
        "attributed_to": statement.attributed_to,
        "confidence": statement.confidence,
        "status": statement.status.value,
        "marking": statement.marking.tlp.value,
    }


def relation_json(
    repo: Repository, relation: Relation, statement_ids: Sequence[str] = ()
) -> dict[str, Any]:
    return {
        "id": relation.id,
        "type": relation.type.value,
        "subject": entity_ref_json(repo, relation.subject_id),
        "object": entity_ref_json(repo, relation.object_id),
        "start": relation.start.iso() if relation.start else None,
        "end": relation.end.iso() if relation.end else None,
        "marking": relation.marking.tlp.value,
        "statement_ids": list(statement_ids),
    }


def bucket_json(bucket: Bucket, dimensions: Sequence[str]) -> dict[str, Any]:
    row: dict[str, Any] = dict(zip(dimensions, bucket.keys, strict=True))
    if "group" in dimensions:
        row["group_name"] = bucket.labels[list(dimensions).index("group")]
    row["count"] = bucket.count
    return row


def decision_json(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.id,
        "action": decision.action,
        "target": decision.target,
        "reviewer": decision.reviewer,
        "decided_at": decision.decided_at.isoformat(),
        "note": decision.note,
        "after": decision.after,
        "undone_at": decision.undone_at.isoformat() if decision.undone_at else None,
        "undone_by": decision.undone_by,
    }
