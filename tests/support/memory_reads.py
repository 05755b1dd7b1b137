"""The memory store's bulk reads, in Python over its own reads, answering as the SQL store does.

Each applies a `Visibility` to the records it reads, as the SQL queries in
`mosaic.store.lookups` and `mosaic.store.aggregates` do, and orders its answer
the same way.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from mosaic.analysis.shapes import map_point_json
from mosaic.api.seen_facts import bucket_values
from mosaic.model import (
    Entity,
    Event,
    Marking,
    Relation,
    ReviewStatus,
    Statement,
    SubjectKind,
)
from mosaic.resolve.seen import Seen, how_seen
from mosaic.store.ports import DIMENSIONS, Bucket, EventQuery, Repository, Visibility

Json = dict[str, Any]
Key = tuple[str | None, ...]
Pair = tuple[str | None, str | None]


def admits(visibility: Visibility | None, marking: Marking) -> bool:
    return visibility is None or visibility.admits(marking)


def seen(
    repo: Repository, kind: SubjectKind, fact: Event | Relation, visibility: Visibility | None
) -> Seen:
    return how_seen(fact.marking, repo.statements_about(kind, fact.id), visibility)


def seen_whole(
    repo: Repository, kind: SubjectKind, fact: Event | Relation, visibility: Visibility | None
) -> bool:
    return seen(repo, kind, fact, visibility) is Seen.WHOLE


def facts_seen_in_part(repo: Repository, kind: SubjectKind, visibility: Visibility) -> list[str]:
    facts: list[Event] | list[Relation] = (
        repo.find_events(EventQuery(limit=1_000_000))
        if kind is SubjectKind.EVENT
        else repo.list_relations(limit=1_000_000)
    )
    return sorted(f.id for f in facts if seen(repo, kind, f, visibility) is Seen.PART)


def event_counts(
    repo: Repository, dimensions: Sequence[str], query: EventQuery, visibility: Visibility | None
) -> list[Bucket]:
    unknown = [d for d in dimensions if d not in DIMENSIONS]
    if unknown:
        raise ValueError(f"unknown dimension {unknown[0]!r}; one of {', '.join(DIMENSIONS)}")
    counts: Counter[Key] = Counter()
    labels: dict[Key, Key] = {}
    for event in _matching_events(repo, query, visibility):
        for keys, shown in _keys(repo, event, dimensions, visibility):
            counts[keys] += 1
            labels[keys] = shown
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], tuple(k or "" for k in kv[0])))
    return [Bucket(keys, labels[keys], n) for keys, n in ordered]


def _matching_events(
    repo: Repository, query: EventQuery, visibility: Visibility | None
) -> list[Event]:
    """Every event the query's filters keep (its page ignored), oldest first."""
    seen = replace(query, visibility=visibility)
    everything = replace(seen, limit=max(repo.count_events(seen), 1), offset=0)
    return repo.find_events(everything)


def _keys(
    repo: Repository, event: Event, dimensions: Sequence[str], visibility: Visibility | None
) -> list[tuple[Key, Key]]:
    """Every (keys, labels) the event counts under: one per group when grouped by group."""
    combos: list[tuple[Key, Key]] = [((), ())]
    for dimension in dimensions:
        values = _values(repo, event, dimension, visibility)
        combos = [((*k, key), (*s, shown)) for k, s in combos for key, shown in values]
    return combos


def _values(
    repo: Repository, event: Event, dimension: str, visibility: Visibility | None
) -> list[Pair]:
    def entity(entity_id: str) -> Entity | None:
        found = repo.get_entity(entity_id)
        return found if found and admits(visibility, found.marking) else None

    return bucket_values(event, dimension, entity)


def statement_ids(
    repo: Repository, kind: SubjectKind, subject_ids: Sequence[str], visibility: Visibility | None
) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for subject_id in dict.fromkeys(subject_ids):
        ids = sorted(s.id for s in _standing(repo, kind, subject_id, visibility))
        if ids:
            found[subject_id] = ids
    return found


def report_ids_about(
    repo: Repository, kind: SubjectKind, subject_ids: Sequence[str], visibility: Visibility | None
) -> list[str]:
    found: dict[str, None] = {}
    for subject_id in dict.fromkeys(subject_ids):
        found.update(
            dict.fromkeys(s.report_id for s in _standing(repo, kind, subject_id, visibility))
        )
    return list(found)


def _standing(
    repo: Repository, kind: SubjectKind, subject_id: str, visibility: Visibility | None
) -> list[Statement]:
    """The statements about the subject that are visible and not rejected."""
    return [
        s
        for s in repo.statements_about(kind, subject_id)
        if s.status is not ReviewStatus.REJECTED and admits(visibility, s.marking)
    ]


def report_ids_titled(
    repo: Repository, text: str, limit: int, visibility: Visibility | None
) -> list[str]:
    folded = text.casefold()
    found = [
        r
        for r in repo.list_reports(limit=1_000_000)
        if r.title and folded in r.title.casefold() and admits(visibility, r.marking)
    ]
    found.sort(key=lambda r: r.id)
    dated = [r for r in found if r.published is not None]
    dated.sort(key=lambda r: r.published or dt.date.min, reverse=True)  # stable: ties by id
    undated = [r for r in found if r.published is None]
    return [r.id for r in dated + undated][:limit]


def statements_with_status(
    repo: Repository,
    status: ReviewStatus,
    limit: int,
    offset: int,
    visibility: Visibility | None,
) -> list[Statement]:
    found = [
        s
        for report in repo.list_reports(limit=1_000_000)
        for s in repo.statements_in_report(report.id)
        if s.status is status and admits(visibility, s.marking)
    ]
    found.sort(key=lambda s: (s.confidence, s.id))
    return found[offset : offset + limit]


def relation_years(repo: Repository, visibility: Visibility | None) -> tuple[int, int] | None:
    years = [
        d.year
        for r in repo.list_relations(limit=1_000_000)
        if seen_whole(repo, SubjectKind.RELATION, r, visibility)
        for d in (r.start, r.end)
        if d is not None
    ]
    return (min(years), max(years)) if years else None


def network_json(repo: Repository, day: dt.date, visibility: Visibility | None) -> Json:
    relations = [
        r
        for r in repo.relations_as_of(day)
        if seen_whole(repo, SubjectKind.RELATION, r, visibility)
    ]
    ends = dict.fromkeys(i for r in relations for i in (r.subject_id, r.object_id))
    nodes = {e.id: e for i in ends if (e := repo.get_entity(i)) and admits(visibility, e.marking)}
    edges = [r for r in relations if r.subject_id in nodes and r.object_id in nodes]
    joined = {i for r in edges for i in (r.subject_id, r.object_id)}
    ids = statement_ids(repo, SubjectKind.RELATION, [r.id for r in edges], visibility)
    return {
        "as_of": day.isoformat(),
        "nodes": [
            {"id": e.id, "name": e.name, "kind": e.kind.value, "country": e.country}
            for e in sorted(nodes.values(), key=lambda e: e.id)
            if e.id in joined
        ],
        "edges": [
            {
                "id": r.id,
                "type": r.type.value,
                "source": r.subject_id,
                "target": r.object_id,
                "start": r.start.iso() if r.start else None,
                "end": r.end.iso() if r.end else None,
                "statement_ids": ids.get(r.id, []),
            }
            for r in sorted(edges, key=lambda r: r.id)
        ],
    }


def map_points(
    repo: Repository, query: EventQuery, limit: int, visibility: Visibility | None
) -> list[Json]:
    """Like the SQL query: only places and groups the reader may see are shown."""
    seen = replace(query, visibility=visibility)
    newest = replace(seen, limit=max(repo.count_events(seen), 1), offset=0, newest_first=True)
    cache: dict[str, Entity | None] = {}

    def entity(entity_id: str) -> Entity | None:
        if entity_id not in cache:
            found = repo.get_entity(entity_id)
            cache[entity_id] = found if found and admits(visibility, found.marking) else None
        return cache[entity_id]

    features = (map_point_json(event, entity) for event in repo.find_events(newest))
    return [f for f in features if f is not None][:limit]
