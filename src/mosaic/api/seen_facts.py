"""Bulk answers completed with the facts one reader sees only in part.

The store's bulk reads (figures, map points, the network, relation years)
answer in SQL for the events and relations the reader sees whole; a fact they
see through some of its statements only is rebuilt from those
(`mosaic.resolve.seen`) and added here, so that its figures come only from
what the reader may see.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from mosaic.analysis.shapes import map_point_json
from mosaic.model import Entity, EntityKind, Event, FuzzyDate, Relation
from mosaic.store.ports import Bucket

Json = dict[str, Any]
Key = tuple[str | None, ...]
EntityOf = Callable[[str], Entity | None]


def with_buckets(
    buckets: list[Bucket], events: Sequence[Event], dimensions: Sequence[str], entity: EntityOf
) -> list[Bucket]:
    """`buckets` with `events` counted in, most first, as the store orders them."""
    if not events:
        return buckets
    counts: Counter[Key] = Counter({b.keys: b.count for b in buckets})
    labels: dict[Key, Key] = {b.keys: b.labels for b in buckets}
    for event in events:
        for keys, shown in _combinations(event, dimensions, entity):
            counts[keys] += 1
            labels.setdefault(keys, shown)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], [(k is not None, k) for k in kv[0]]))
    return [Bucket(keys, labels[keys], n) for keys, n in ordered]


def _combinations(
    event: Event, dimensions: Sequence[str], entity: EntityOf
) -> list[tuple[Key, Key]]:
    combos: list[tuple[Key, Key]] = [((), ())]
    for dimension in dimensions:
        values = bucket_values(event, dimension, entity)
        combos = [((*k, key), (*s, shown)) for k, s in combos for key, shown in values]
    return combos


def bucket_values(
    event: Event, dimension: str, entity: EntityOf
) -> list[tuple[str | None, str | None]]:
    """The (key, label) pairs one event adds to a figure's buckets along `dimension`."""
    if dimension == "group":
        groups = [entity(i) for i in dict.fromkeys(event.perpetrators)]
        return [(g.id, g.name) for g in groups if g and g.kind is EntityKind.ORGANIZATION]
    if dimension in ("year", "month"):
        date = event.date
        precise = date is not None and (dimension == "year" or date.month is not None)
        key = date.iso()[: 4 if dimension == "year" else 7] if date and precise else None
        return [(key, key)]
    if dimension == "attack_type":
        value = event.attack_type.value if event.attack_type else None
    else:
        value = {"country": event.country, "type": event.type.value}[dimension]
    return [(value, value)]


def with_points(
    points: list[Json], events: Sequence[Event], limit: int, entity: EntityOf
) -> list[Json]:
    """`points` with the placed `events` among them, newest first, at most `limit`."""
    if not events:
        return points
    added = [p for p in (map_point_json(event, entity) for event in events) if p is not None]
    merged = sorted(points + added, key=_newest_first)
    return merged[:limit]


def _newest_first(point: Json) -> tuple[int, float, str]:
    date = point["properties"]["date"]
    day = FuzzyDate.parse(date).first_day() if date else None
    ordinal = -day.toordinal() if day else 0
    return (0 if day else 1, ordinal, _reversed(point["properties"]["id"]))


def _reversed(text: str) -> str:
    """A key that sorts strings the other way round (ids are ASCII)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text) + "\U0010ffff"


def with_edges(
    network: Json,
    relations: Sequence[Relation],
    day: dt.date,
    entity: EntityOf,
    statement_ids: dict[str, list[str]],
) -> Json:
    """The network with the `relations` standing on `day` whose two ends the reader sees."""
    standing = [r for r in relations if r.holds_on(day)]
    if not standing:
        return network
    nodes = {node["id"]: node for node in network["nodes"]}
    edges = list(network["edges"])
    for relation in standing:
        ends = [entity(relation.subject_id), entity(relation.object_id)]
        if None in ends:
            continue
        for end in ends:
            if end is not None:
                nodes[end.id] = _node(end)
        edges.append(_edge(relation, statement_ids.get(relation.id, [])))
    return {
        "as_of": network["as_of"],
        "nodes": [nodes[i] for i in sorted(nodes)],
        "edges": sorted(edges, key=lambda edge: edge["id"]),
    }


def _node(entity: Entity) -> Json:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind.value,
        "country": entity.country,
    }


def _edge(relation: Relation, statement_ids: list[str]) -> Json:
    return {
        "id": relation.id,
        "type": relation.type.value,
        "source": relation.subject_id,
        "target": relation.object_id,
        "start": relation.start.iso() if relation.start else None,
        "end": relation.end.iso() if relation.end else None,
        "statement_ids": statement_ids,
    }


def with_years(
    years: tuple[int, int] | None, relations: Sequence[Relation]
) -> tuple[int, int] | None:
    """The first and last years of `years` and of the relations' starts and ends."""
    found = [d.year for r in relations for d in (r.start, r.end) if d is not None]
    if years is not None:
        found += list(years)
    return (min(found), max(found)) if found else None
