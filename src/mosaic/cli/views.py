"""How records look to a user: JSON shapes and Rich tables for the CLI."""

from __future__ import annotations

import json
from typing import Any

from rich.table import Table

from mosaic.analysis.evidence import EvidenceItem, SourcedValue, sourced_values
from mosaic.analysis.network import Network
from mosaic.analysis.profile import EntityProfile
from mosaic.cli.common import console
from mosaic.model import Entity, Event, Statement, SubjectKind
from mosaic.store.ports import Repository


def entity_ref_json(repo: Repository, entity_id: str) -> dict[str, Any]:
    entity = repo.get_entity(entity_id)
    return {"id": entity_id, "name": entity.name if entity else entity_id}


def event_json(repo: Repository, event: Event) -> dict[str, Any]:
    """An event's best values plus, for figures, every value a source gave."""
    statements = repo.statements_about(SubjectKind.EVENT, event.id)
    values = sourced_values(statements)
    return {
        "id": event.id,
        "type": event.type.value,
        "attack_type": event.attack_type.value if event.attack_type else None,
        "date": event.date.iso() if event.date else None,
        "date_end": event.date_end.iso() if event.date_end else None,
        "country": event.country,
        "place": entity_ref_json(repo, event.place_id) if event.place_id else None,
        "perpetrators": [entity_ref_json(repo, i) for i in event.perpetrators],
        "perpetrator_status": event.perpetrator_status,
        "targets": list(event.targets),
        "killed": event.killed.to_format() if event.killed else None,
        "wounded": event.wounded.to_format() if event.wounded else None,
        "figures": {p: values_json(values)[p] for p in ("killed", "wounded") if p in values},
        "sources": sorted({s.report_id for s in statements}),
        "marking": event.marking.tlp.value,
    }


def values_json(values: dict[str, list[SourcedValue]]) -> dict[str, list[dict[str, Any]]]:
    return {
        prop: [
            {
                "value": v.value,
                "reports": sorted({s.report_id for s in v.statements}),
                "attributed_to": sorted({s.attributed_to for s in v.statements if s.attributed_to}),
            }
            for v in found
        ]
        for prop, found in values.items()
    }


def events_table(rows: list[dict[str, Any]]) -> Table:
    table = Table("date", "type", "place", "perpetrators", "killed", "wounded", "id")
    for row in rows:
        place = row["place"]["name"] if row["place"] else row["country"] or ""
        figures = row["figures"]
        table.add_row(
            row["date"] or "undated",
            row["attack_type"] or row["type"],
            place,
            ", ".join(p["name"] for p in row["perpetrators"]),
            _figure(figures.get("killed")),
            _figure(figures.get("wounded")),
            row["id"],
        )
    return table


def _figure(values: list[dict[str, Any]] | None) -> str:
    """All figures the sources give, most-reported first: "17 / 19" shows a conflict."""
    if not values:
        return ""
    return " / ".join(_count_text(v["value"]) for v in values)


def _count_text(value: Any) -> str:
    if isinstance(value, list):
        low, high = value
        return f"{low}+" if high is None else f"{low}-{high}"
    return str(value)


def entity_json(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "kind": entity.kind.value,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "external_ids": entity.external_ids,
        "country": entity.country,
        "latitude": entity.latitude,
        "longitude": entity.longitude,
    }


def profile_json(repo: Repository, profile: EntityProfile) -> dict[str, Any]:
    relations = [
        {
            "id": item.relation.id,
            "type": item.relation.type.value,
            "direction": "outgoing" if item.outgoing else "incoming",
            "other": entity_ref_json(
                repo, item.relation.object_id if item.outgoing else item.relation.subject_id
            ),
            "start": item.relation.start.iso() if item.relation.start else None,
            "end": item.relation.end.iso() if item.relation.end else None,
        }
        for item in profile.relations
    ]
    return {
        **entity_json(profile.entity),
        "relations": relations,
        "events": [event_json(repo, event) for event in profile.events],
        "sources": [
            {"id": r.id, "title": r.title, "publisher": r.publisher, "published": r.published}
            for r in profile.sources
        ],
        "estimates": [estimate_json(s) for s in profile.estimates],
    }


def estimate_json(statement: Statement) -> dict[str, Any]:
    """One source's figure about an entity ("fighters": 4000), with who gave it and where."""
    return {
        "statement_id": statement.id,
        "property": statement.prop,
        "value": json.loads(statement.value),
        "attributed_to": statement.attributed_to,
        "report_id": statement.report_id,
        "sentence": statement.sentence,
    }


def print_profile(data: dict[str, Any]) -> None:
    console.print(f"[bold]{data['name']}[/bold] ({data['kind']}, id {data['id']})")
    if data["aliases"]:
        console.print("also known as: " + ", ".join(data["aliases"]), highlight=False)
    for scheme, value in data["external_ids"].items():
        console.print(f"{scheme}: {value}")
    relations = Table("relation", "with", "from", "until", "id", title="Relations")
    for r in data["relations"]:
        verb = r["type"] if r["direction"] == "outgoing" else f"{r['type']} (of)"
        relations.add_row(verb, r["other"]["name"], r["start"] or "", r["end"] or "", r["id"])
    console.print(relations)
    console.print(events_table(data["events"]))
    if data["estimates"]:
        estimates = Table("figure", "value", "according to", "report", title="Estimates")
        for e in data["estimates"]:
            value = e["value"] if not isinstance(e["value"], list) else _range(e["value"])
            estimates.add_row(e["property"], str(value), e["attributed_to"] or "", e["report_id"])
        console.print(estimates)
    sources = Table("published", "title", "publisher", title="Sources")
    for s in data["sources"]:
        sources.add_row(str(s["published"] or ""), s["title"] or s["id"], s["publisher"] or "")
    console.print(sources)


def network_table(network: Network) -> Table:
    names = {e.id: e.name for e in network.nodes}
    table = Table("subject", "relation", "object", "from", "until", title=f"As of {network.as_of}")
    for r in network.edges:
        table.add_row(
            names.get(r.subject_id, r.subject_id),
            r.type.value,
            names.get(r.object_id, r.object_id),
            r.start.iso() if r.start else "",
            r.end.iso() if r.end else "",
        )
    return table


def evidence_json(item: EvidenceItem) -> dict[str, Any]:
    s, report = item.statement, item.report
    return {
        "statement_id": s.id,
        "property": s.prop,
        "value": s.value,
        "sentence": s.sentence,
        "span": [s.start, s.end],
        "attributed_to": s.attributed_to,
        "confidence": s.confidence,
        "status": s.status.value,
        "extractor": s.extractor,
        "report": {
            "id": s.report_id,
            "title": report.title if report else None,
            "publisher": report.publisher if report else None,
            "published": report.published.isoformat() if report and report.published else None,
            "url": report.url if report else None,
        },
    }


def print_evidence(fact_id: str, rows: list[dict[str, Any]]) -> None:
    seen: set[tuple[str, int]] = set()
    console.print(f"[bold]Evidence for {fact_id}[/bold]")
    for row in rows:
        key = (row["report"]["id"], row["span"][0])
        if key in seen:
            continue
        seen.add(key)
        report = row["report"]
        source = f"{report['publisher'] or ''} {report['published'] or ''}: {report['title'] or ''}"
        said = f" (according to {row['attributed_to']})" if row["attributed_to"] else ""
        console.print(f"- {source.strip()}{said}", highlight=False)
        console.print(f"  “{row['sentence']}”", highlight=False)


def _range(value: list[Any]) -> str:
    low, high = value
    return f"{low}-{high}" if high is not None else f"more than {int(low) - 1}"
