"""Reads in bulk for the API: the network as of a date, map points, statement and report ids.

The repository answers one record at a time, which is right for profiles and
wrong for thousands of edges or points; these queries return exactly the
columns a response needs, in a few round trips whatever the size. Each takes a
`Visibility` (None: everything) so the reader's clearance is applied in SQL.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from mosaic.model import ReviewStatus, Statement, SubjectKind
from mosaic.store.aggregates import CHUNK, event_conditions
from mosaic.store.ports import EventQuery, Visibility
from mosaic.store.rows import statement_of
from mosaic.store.schema import entities, events, relations, reports, statements
from mosaic.store.visibility import seen_in_part, seen_whole, visible_in

REJECTED = ReviewStatus.REJECTED.value
Json = dict[str, Any]


def _visible(select: sa.Select[Any], table: sa.FromClause, visibility: Visibility | None) -> Any:
    return select if visibility is None else select.where(visible_in(table, visibility))


def _whole(select: sa.Select[Any], table: sa.Table, visibility: Visibility | None) -> Any:
    """The select kept to the events or relations the reader sees whole."""
    return select if visibility is None else select.where(seen_whole(table, visibility))


def _standing(day: dt.date) -> list[sa.ColumnElement[bool]]:
    """Relations standing on `day`: `Relation.holds_on` in SQL."""
    return [
        sa.or_(relations.c.start_first.is_(None), relations.c.start_first <= day),
        sa.or_(relations.c.end_last.is_(None), relations.c.end_last >= day),
    ]


def network(engine: sa.Engine, day: dt.date, visibility: Visibility | None = None) -> Json:
    """Nodes and edges as of `day` in `Network.to_json()`'s shape, with statement ids per edge.

    Only relations the reader sees whole are edges (the caller adds those seen in
    part). An edge with an end the reader may not see is left out, and so is a
    node left without edges by that.
    """
    r = relations.c
    columns = (r.id, r.type, r.subject_id, r.object_id, r.start_date, r.end_date)
    select = sa.select(*columns).where(*_standing(day)).order_by(r.id)
    with engine.connect() as connection:
        rows = connection.execute(_whole(select, relations, visibility)).all()
        ends = list({i for row in rows for i in (row[2], row[3])})
        nodes = _nodes(connection, ends, visibility)
        ids = _edge_statements(connection, day, visibility)
    edges = [
        {
            "id": rid,
            "type": kind,
            "source": source,
            "target": target,
            "start": start,
            "end": end,
            "statement_ids": ids.get(rid, []),
        }
        for rid, kind, source, target, start, end in rows
        if source in nodes and target in nodes
    ]
    joined = {i for edge in edges for i in (edge["source"], edge["target"])}
    shown = [node for i, node in nodes.items() if i in joined]
    return {"as_of": day.isoformat(), "nodes": shown, "edges": edges}


def _nodes(
    connection: sa.Connection, ids: list[str], visibility: Visibility | None
) -> dict[str, Json]:
    found: dict[str, Json] = {}
    columns = (entities.c.id, entities.c.name, entities.c.kind, entities.c.country)
    for start in range(0, len(ids), CHUNK):
        select = sa.select(*columns).where(entities.c.id.in_(ids[start : start + CHUNK]))
        for row in connection.execute(_visible(select, entities, visibility)).mappings():
            found[row["id"]] = dict(row)
    return dict(sorted(found.items()))


def _edge_statements(
    connection: sa.Connection, day: dt.date, visibility: Visibility | None
) -> dict[str, list[str]]:
    select = (
        sa.select(statements.c.subject_id, statements.c.id)
        .join(relations, relations.c.id == statements.c.subject_id)
        .where(statements.c.subject_kind == SubjectKind.RELATION.value)
        .where(statements.c.status != REJECTED, *_standing(day))
        .order_by(statements.c.subject_id, statements.c.id)
    )
    found: dict[str, list[str]] = {}
    for subject_id, statement_id in connection.execute(_visible(select, statements, visibility)):
        found.setdefault(subject_id, []).append(statement_id)
    return found


def map_points(
    engine: sa.Engine, query: EventQuery, limit: int, visibility: Visibility | None = None
) -> list[Json]:
    """Newest placed events as GeoJSON features: id, date, type, group, place, toll."""
    place = entities.alias("place")
    select = (
        sa.select(
            events.c.id,
            events.c.date,
            events.c.type,
            events.c.attack_type,
            events.c.perpetrators,
            events.c.killed_low,
            events.c.killed_high,
            place.c.name,
            place.c.latitude,
            place.c.longitude,
        )
        .join(place, place.c.id == events.c.place_id)
        .where(place.c.latitude.is_not(None), place.c.longitude.is_not(None))
        .where(*event_conditions(query, visibility))
        .order_by(events.c.date_first.desc().nulls_last(), events.c.id.desc())
        .limit(limit)
    )
    select = _visible(select, place, visibility)
    with engine.connect() as connection:
        rows = connection.execute(select).mappings().all()
        firsts = [json.loads(r["perpetrators"])[:1] for r in rows]
        names = _names(connection, list({p[0] for p in firsts if p}), visibility)
    return [
        _feature(row, names.get(first[0]) if first else None)
        for row, first in zip(rows, firsts, strict=True)
    ]


def _names(
    connection: sa.Connection, ids: list[str], visibility: Visibility | None
) -> dict[str, str]:
    """The names of the entities the reader may see among `ids`."""
    found: dict[str, str] = {}
    for start in range(0, len(ids), CHUNK):
        select = sa.select(entities.c.id, entities.c.name).where(
            entities.c.id.in_(ids[start : start + CHUNK])
        )
        select = _visible(select, entities, visibility)
        found.update({row[0]: row[1] for row in connection.execute(select)})
    return found


def _feature(row: Any, group: str | None) -> Json:
    low, high = row["killed_low"], row["killed_high"]
    killed = (
        None
        if low is None
        else (str(low) if low == high else f"{low}+" if high is None else f"{low}-{high}")
    )
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
        "properties": {
            "id": row["id"],
            "date": row["date"],
            "type": row["attack_type"] or row["type"],
            "group": group or "unknown",
            "place": row["name"],
            "killed": killed,
        },
    }


def report_ids_about(
    engine: sa.Engine,
    kind: SubjectKind,
    subject_ids: Sequence[str],
    visibility: Visibility | None = None,
) -> list[str]:
    """Ids of the reports with a (not rejected) statement about any of the subjects."""
    found: dict[str, None] = {}
    unique = list(dict.fromkeys(subject_ids))
    with engine.connect() as connection:
        for start in range(0, len(unique), CHUNK):
            select = (
                sa.select(statements.c.report_id)
                .distinct()
                .where(statements.c.subject_kind == kind.value)
                .where(statements.c.subject_id.in_(unique[start : start + CHUNK]))
                .where(statements.c.status != REJECTED)
            )
            for (report_id,) in connection.execute(_visible(select, statements, visibility)):
                found[report_id] = None
    return list(found)


def statement_ids(
    engine: sa.Engine,
    kind: SubjectKind,
    subject_ids: Sequence[str],
    visibility: Visibility | None = None,
) -> dict[str, list[str]]:
    """Ids of the statements about each subject (rejected ones left out), in one pass."""
    found: dict[str, list[str]] = {}
    unique = list(dict.fromkeys(subject_ids))
    with engine.connect() as connection:
        for start in range(0, len(unique), CHUNK):
            select = (
                sa.select(statements.c.subject_id, statements.c.id)
                .where(statements.c.subject_kind == kind.value)
                .where(statements.c.subject_id.in_(unique[start : start + CHUNK]))
                .where(statements.c.status != ReviewStatus.REJECTED.value)
                .order_by(statements.c.subject_id, statements.c.id)
            )
            if visibility is not None:
                select = select.where(visible_in(statements, visibility))
            for subject_id, statement_id in connection.execute(select):
                found.setdefault(subject_id, []).append(statement_id)
    return found


def statements_with_status(
    engine: sa.Engine,
    status: ReviewStatus,
    limit: int,
    offset: int = 0,
    visibility: Visibility | None = None,
) -> list[Statement]:
    """Statements in one review state, least confident first: the review queue's order."""
    select = (
        sa.select(statements)
        .where(statements.c.status == status.value)
        .order_by(statements.c.confidence, statements.c.id)
        .limit(limit)
        .offset(offset)
    )
    if visibility is not None:
        select = select.where(visible_in(statements, visibility))
    with engine.connect() as connection:
        return [statement_of(row._mapping) for row in connection.execute(select)]


def report_ids_titled(
    engine: sa.Engine, text: str, limit: int, visibility: Visibility | None = None
) -> list[str]:
    """Ids of reports whose title contains `text`, case-insensitively, newest first."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    select = (
        sa.select(reports.c.id)
        .where(reports.c.title.ilike(pattern, escape="\\"))
        .order_by(reports.c.published.desc().nulls_last(), reports.c.id)
        .limit(limit)
    )
    if visibility is not None:
        select = select.where(visible_in(reports, visibility))
    with engine.connect() as connection:
        return [row[0] for row in connection.execute(select)]


def relation_years(
    engine: sa.Engine, visibility: Visibility | None = None
) -> tuple[int, int] | None:
    """The first and last year any relation starts or ends, or None without dated relations."""
    select = sa.select(
        sa.func.min(relations.c.start_first),
        sa.func.max(relations.c.start_first),
        sa.func.max(relations.c.end_last),
    )
    with engine.connect() as connection:
        first, last_start, last_end = connection.execute(
            _whole(select, relations, visibility)
        ).one()
    ends = [d for d in (last_start, last_end) if d is not None]
    if first is None and not ends:
        return None
    years = [d.year for d in (first, *ends) if d is not None]
    return min(years), max(years)


def facts_seen_in_part(engine: sa.Engine, kind: SubjectKind, visibility: Visibility) -> list[str]:
    """Ids of the events or relations (`kind`) the reader sees through some statements only."""
    table = events if kind is SubjectKind.EVENT else relations
    select = sa.select(table.c.id).where(seen_in_part(table, visibility)).order_by(table.c.id)
    with engine.connect() as connection:
        return [row[0] for row in connection.execute(select)]
