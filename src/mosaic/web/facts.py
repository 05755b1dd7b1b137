"""A record's statements as the event and relation pages show them: by property, then value.

Several values for one property are a conflict, shown side by side with the
reports that give each; values an analyst confirmed or corrected come first.
"""

from __future__ import annotations

import json
from typing import Any

from mosaic.analysis.evidence import EvidenceItem
from mosaic.api import schemas
from mosaic.store.ports import Repository

PROPS = (
    "exists",
    "date",
    "date_end",
    "start",
    "end",
    "attack_type",
    "country",
    "place",
    "perpetrators",
    "perpetrator_status",
    "targets",
    "weapons",
    "killed",
    "wounded",
)
ENTITY_PROPS = ("place", "perpetrators")


def facts(repo: Repository, items: list[EvidenceItem]) -> list[dict[str, Any]]:
    """Per property, each distinct value with the evidence (statements and reports) for it.

    Values with a reviewed statement come first, then the most reported, then the
    first published.
    """
    by_prop: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for item in items:
        rows = by_prop.setdefault(item.statement.prop, {}).setdefault(item.statement.value, [])
        rows.append(schemas.evidence_json(item))
    named = [i for prop in ENTITY_PROPS for value in by_prop.get(prop, {}) for i in _ids(value)]
    refs = schemas.entity_refs_json(repo, named)
    order = {prop: i for i, prop in enumerate(PROPS)}
    result = []
    for prop in sorted(by_prop, key=lambda p: (order.get(p, 99), p)):
        values = [_value(refs, prop, value, rows) for value, rows in by_prop[prop].items()]
        values.sort(key=lambda v: (not v["reviewed"], -len(v["evidence"]), _first_seen(v)))
        result.append({"prop": prop, "values": values, "conflict": len(values) > 1})
    return result


def _value(
    refs: dict[str, dict[str, Any]], prop: str, value: str, rows: list[dict[str, Any]]
) -> dict[str, Any]:
    """One value; for one that names entities by id (place, perpetrators), links to them."""
    return {
        "value": json.loads(value),
        "entities": [refs[i] for i in _ids(value)] if prop in ENTITY_PROPS else [],
        "evidence": rows,
        "reviewed": any(r["status"] in ("confirmed", "corrected") for r in rows),
    }


def _ids(value: str) -> list[str]:
    """The entity ids a place or perpetrators value holds: one id, or a list of them."""
    ids = json.loads(value)
    return [i for i in (ids if isinstance(ids, list) else [ids]) if isinstance(i, str)]


def _first_seen(value: dict[str, Any]) -> str:
    """When the value was first published: ties between values go to the earlier report."""
    dates = [row["report"]["published"] or "9999" for row in value["evidence"]]
    return min(dates, default="9999")
