"""Commands that read the knowledge base: stats, events, entity, timeline, network, evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from mosaic.analysis.evidence import evidence_for, sourced_values
from mosaic.analysis.lookup import find_entity
from mosaic.analysis.network import network_as_of, to_graphml
from mosaic.analysis.profile import entity_profile
from mosaic.analysis.shapes import event_json, evidence_json, profile_json, values_json
from mosaic.analysis.timeline import timeline as build_timeline
from mosaic.analysis.timeline import timeline_json
from mosaic.cli import views
from mosaic.cli.common import (
    console,
    knowledge_base,
    parse_day,
    print_json,
    repository,
    user_errors,
)
from mosaic.errors import InputError
from mosaic.model import EventType, FuzzyDate
from mosaic.services.audit import COMMAND_LINE, record
from mosaic.store.ports import EventQuery

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def stats(json_output: JsonFlag = False) -> None:
    """Counts of what is stored."""
    with user_errors():
        counts = repository().counts()
    if json_output:
        print_json(counts)
        return
    table = Table("what", "count", title="Knowledge base")
    for name, count in counts.items():
        table.add_row(name, str(count))
    console.print(table)


def events(
    group: Annotated[str | None, typer.Option(help="A group or person, by name or alias.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-2 country code.")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    type: Annotated[str | None, typer.Option(help="Event type, e.g. attack.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 100,
    json_output: JsonFlag = False,
) -> None:
    """Events, filtered by group, country, dates and type, oldest first."""
    with user_errors():
        repo = repository()
        participants = (find_entity(repo, group).id,) if group else None
        query = EventQuery(
            participant_ids=participants,
            country=country.upper() if country else None,
            type=_event_type(type),
            since=parse_day(since, "--since"),
            until=_end_of(until),
            limit=limit,
        )
        found = repo.find_events(query)
        rows = [event_json(repo, event) for event in found]
    if json_output:
        print_json(rows)
    else:
        console.print(views.events_table(rows))


def entity(
    name: Annotated[str, typer.Argument(help="Entity id, name or alias.")],
    json_output: JsonFlag = False,
) -> None:
    """Profile of an entity: names, ids, relations with dates, events and sources."""
    with user_errors():
        repo = repository()
        profile = entity_profile(repo, find_entity(repo, name))
        data = profile_json(repo, profile)
    if json_output:
        print_json(data)
    else:
        views.print_profile(data)


def timeline(
    name: Annotated[str, typer.Argument(help="Entity id, name or alias.")],
    json_output: JsonFlag = False,
) -> None:
    """An entity's events and relations in date order."""
    with user_errors():
        repo = repository()
        target = find_entity(repo, name)
        data = timeline_json(target, build_timeline(repo, target))
    if json_output:
        print_json(data)
        return
    table = Table("date", "kind", "what", "fact", title=f"Timeline of {target.name}")
    for row in data["entries"]:
        table.add_row(row["date"] or "undated", row["kind"], row["summary"], row["fact_id"])
    console.print(table)


def network(
    as_of: Annotated[
        str, typer.Option("--as-of", help="YYYY-MM-DD.")
    ] = dt.date.today().isoformat(),
    json_output: JsonFlag = False,
    graphml: Annotated[Path | None, typer.Option(help="Write GraphML to this file.")] = None,
) -> None:
    """Groups and people joined by the relations that stood on a date."""
    with user_errors():
        day = parse_day(as_of, "--as-of") or dt.date.today()
        repo = knowledge_base()
        net = network_as_of(repo, day)
        if graphml is not None:
            _write_text(graphml, to_graphml(net))
            details = {"file": str(graphml), "as_of": day.isoformat(), "nodes": len(net.nodes)}
            record(repo, COMMAND_LINE, "export", "graphml", details)
    if json_output:
        print_json(net.to_json())
    elif graphml is None:
        console.print(views.network_table(net))
    else:
        console.print(f"wrote {len(net.nodes)} nodes and {len(net.edges)} edges to {graphml}")


def evidence(
    fact_id: Annotated[str, typer.Argument(help="Event, relation, entity or statement id.")],
    json_output: JsonFlag = False,
) -> None:
    """The sentences that state a fact, with their reports and who said it."""
    with user_errors():
        repo = repository()
        items = evidence_for(repo, fact_id)
    rows: list[dict[str, Any]] = [evidence_json(item) for item in items]
    if json_output:
        values = sourced_values([item.statement for item in items])
        print_json({"fact_id": fact_id, "evidence": rows, "values": values_json(values)})
    else:
        views.print_evidence(fact_id, rows)


def _event_type(value: str | None) -> EventType | None:
    if value is None:
        return None
    try:
        return EventType(value)
    except ValueError as error:
        known = ", ".join(t.value for t in EventType)
        raise InputError("--type", f"unknown event type {value!r}; one of {known}") from error


def _end_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return FuzzyDate.parse(value).last_day()
    except ValueError as error:
        raise InputError("--until", f"not a date: {value!r}") from error


def _write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(str(path), f"cannot write: {error.strerror}") from error
