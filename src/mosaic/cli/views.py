"""How records look to a user of the CLI: Rich tables over the JSON shapes of `analysis.shapes`."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from mosaic.analysis.network import Network
from mosaic.cli.common import console


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
