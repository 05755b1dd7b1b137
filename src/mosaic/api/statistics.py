"""Figures over the visible knowledge base: in SQL when the store is SQL, else in Python.

Both paths apply the reader's policy and return the same `Bucket`s, so the
tests' memory store and SQLite or PostgreSQL answer alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

import sqlalchemy as sa

from mosaic.api.visible import VisibleRepository
from mosaic.model import EntityKind, Event, ReviewStatus, Statement, SubjectKind
from mosaic.store import aggregates, lookups
from mosaic.store.aggregates import Bucket, Visibility
from mosaic.store.ports import EventQuery

SCAN_PAGE = 5000
Pair = tuple[str | None, str | None]
Key = tuple[str | None, ...]


def engine_of(repo: VisibleRepository) -> sa.Engine | None:
    engine = getattr(repo.inner, "engine", None)
    return engine if isinstance(engine, sa.Engine) else None


def visibility_of(repo: VisibleRepository) -> Visibility | None:
    policy = repo.policy
    if policy.sees_everything:
        return None
    return Visibility(policy.organisation, tuple(t.value for t in policy.allowed_tlps()))


def event_counts(
    repo: VisibleRepository, dimensions: Sequence[str], query: EventQuery
) -> list[Bucket]:
    """Visible events counted by every combination of `dimensions`, most frequent first."""
    engine = engine_of(repo)
    if engine is not None:
        return aggregates.event_counts(engine, dimensions, query, visibility_of(repo))
    counts: Counter[Key] = Counter()
    labels: dict[Key, Key] = {}
    for event in _all_events(repo, query):
        for keys, shown in _keys(repo, event, dimensions):
            counts[keys] += 1
            labels[keys] = shown
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], tuple(k or "" for k in kv[0])))
    return [Bucket(keys, labels[keys], n) for keys, n in ordered]


def statement_ids(
    repo: VisibleRepository, kind: SubjectKind, subject_ids: Sequence[str]
) -> dict[str, list[str]]:
    """The visible, not rejected statements behind each subject."""
    engine = engine_of(repo)
    if engine is not None:
        return lookups.statement_ids(engine, kind, subject_ids, visibility_of(repo))
    return {
        subject_id: [
            s.id for s in repo.statements_about(kind, subject_id) if s.status != "rejected"
        ]
        for subject_id in dict.fromkeys(subject_ids)
    }


def unreviewed(repo: VisibleRepository, limit: int, offset: int) -> list[Statement]:
    """Statements waiting for a decision, least confident first."""
    engine = engine_of(repo)
    if engine is not None:
        return lookups.statements_with_status(
            engine, ReviewStatus.UNREVIEWED, limit, offset, visibility_of(repo)
        )
    waiting = [
        s
        for report in _all_reports(repo)
        for s in repo.statements_in_report(report)
        if s.status is ReviewStatus.UNREVIEWED
    ]
    waiting.sort(key=lambda s: (s.confidence, s.id))
    return waiting[offset : offset + limit]


def _all_events(repo: VisibleRepository, query: EventQuery) -> Iterator[Event]:
    offset = 0
    while True:
        found = repo.find_events(replace(query, limit=SCAN_PAGE, offset=offset))
        yield from found
        if len(found) < SCAN_PAGE:
            return
        offset += SCAN_PAGE


def _all_reports(repo: VisibleRepository) -> Iterator[str]:
    offset = 0
    while True:
        found = repo.list_reports(limit=SCAN_PAGE, offset=offset)
        yield from (report.id for report in found)
        if len(found) < SCAN_PAGE:
            return
        offset += SCAN_PAGE


def _keys(
    repo: VisibleRepository, event: Event, dimensions: Sequence[str]
) -> list[tuple[Key, Key]]:
    """Every (keys, labels) the event counts under: one per group when grouped by group."""
    combos: list[tuple[Key, Key]] = [((), ())]
    for dimension in dimensions:
        values = _values(repo, event, dimension)
        combos = [((*k, key), (*s, shown)) for k, s in combos for key, shown in values]
    return combos


def _values(repo: VisibleRepository, event: Event, dimension: str) -> list[Pair]:
    if dimension == "group":
        groups = [repo.get_entity(i) for i in dict.fromkeys(event.perpetrators)]
        return [(g.id, g.name) for g in groups if g and g.kind is EntityKind.ORGANIZATION]
    if dimension in ("year", "month"):
        date = event.date
        precise = date is not None and (dimension == "year" or date.month is not None)
        key = date.iso()[: 4 if dimension == "year" else 7] if date and precise else None
        return [(key, key)]
    value = {"country": event.country, "type": event.type.value}.get(dimension)
    if dimension == "attack_type":
        value = event.attack_type.value if event.attack_type else None
    elif dimension not in ("country", "type"):
        raise ValueError(
            f"unknown dimension {dimension!r}; one of {', '.join(aggregates.DIMENSIONS)}"
        )
    return [(value, value)]


def relation_years(repo: VisibleRepository) -> tuple[int, int] | None:
    """The first and last year any relation starts or ends: the network slider's range."""
    engine = engine_of(repo)
    if engine is not None:
        return lookups.relation_years(engine)
    years = [
        d.year
        for r in repo.list_relations(limit=1_000_000)
        for d in (r.start, r.end)
        if d is not None
    ]
    return (min(years), max(years)) if years else None


def fold_groups(buckets: list[Bucket], dimensions: Sequence[str], keep: int) -> list[Bucket]:
    """The `keep` groups with most events as they are, every other group summed as 'other'."""
    at = list(dimensions).index("group")
    totals: Counter[str | None] = Counter()
    for bucket in buckets:
        totals[bucket.keys[at]] += bucket.count
    kept = {key for key, _ in totals.most_common(keep)}
    folded: Counter[Key] = Counter()
    labels: dict[Key, Key] = {}
    for bucket in buckets:
        inside = bucket.keys[at] in kept
        keys = bucket.keys if inside else (*bucket.keys[:at], "other", *bucket.keys[at + 1 :])
        shown = (
            bucket.labels
            if inside
            else (*bucket.labels[:at], "other groups", *bucket.labels[at + 1 :])
        )
        folded[keys] += bucket.count
        labels[keys] = shown
    ordered = sorted(folded.items(), key=lambda kv: (-kv[1], tuple(k or "" for k in kv[0])))
    return [Bucket(keys, labels[keys], n) for keys, n in ordered]
