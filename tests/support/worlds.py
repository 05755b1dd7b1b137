"""Random worlds of organisations, sharing groups and marked records, and what each may see.

A world holds reports of several organisations, entities, events merged from
several reports' statements and relations, each with a random marking. Every
value a statement gives is unique in the world (a toll of 9870000 + k, a date in
the year 1900 + k, a sentence `snt-canary-s<k>`), and so are report titles and
texts, entity names, event and relation ids: a value the reader may not see is
a *canary*, which must appear in no answer they get. `expected` computes, from
the rule alone (`Visibility.admits`, `mosaic.resolve.seen`), what a reader sees.

Shared by the bounded run in the suite (`tests/e2e/api/test_api_visibility_worlds.py`)
and the longer run by hand (`benchmarks/visibility_worlds.py`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace

import sqlalchemy as sa
from hypothesis import strategies as st

from mosaic.model import (
    Count,
    Entity,
    EntityKind,
    Event,
    EventType,
    FuzzyDate,
    Mention,
    Relation,
    RelationType,
    Report,
    Statement,
    SubjectKind,
    Visibility,
)
from mosaic.model.sharing import GroupMember, SharingGroup
from mosaic.resolve.seen import Seen, event_as_told, how_seen, relation_as_told
from mosaic.store import schema
from mosaic.store.review import Decision, SqlReviewLog
from mosaic.store.sql import SqlRepository
from support.markings import GROUPS, ORGANISATIONS, markings

USERS = {"ann": "alpha", "ben": "bravo", "cat": "charlie"}
GROUP_COUNT, PLACE_COUNT = 4, 2
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
RECORD_TABLES = (
    *("statements", "event_participants", "events", "relations", "entity_names", "entities"),
    *("mentions", "report_bands", "near_duplicates", "reports"),
    *("sharing_group_members", "sharing_groups", "review_decisions"),
)


@dataclass
class World:
    groups: list[SharingGroup]
    reports: list[Report]
    entities: list[Entity]
    events: list[Event]
    relations: list[Relation]
    statements: list[Statement]
    mentions: list[Mention] = field(default_factory=list)

    def about(self, kind: SubjectKind, subject_id: str) -> list[Statement]:
        return [s for s in self.statements if s.subject_kind is kind and s.subject_id == subject_id]


@dataclass
class Sight:
    """What one organisation's reader may see of a world, and the canaries they must not."""

    reports: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    statements: set[str] = field(default_factory=set)
    events: dict[str, Event] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    relations_seen: int = 0
    """Relations seen whole or in part, whether or not both their ends are."""
    canaries: set[str] = field(default_factory=set)


def _groups() -> st.SearchStrategy[list[SharingGroup]]:
    members = st.frozensets(st.sampled_from(ORGANISATIONS)).map(
        lambda orgs: frozenset(GroupMember("local", o) for o in orgs)
    )
    one = st.tuples(st.sampled_from(ORGANISATIONS), members)
    return st.tuples(*(one for _ in GROUPS)).map(
        lambda drawn: [
            SharingGroup(name, owner, NOW, chosen)
            for name, (owner, chosen) in zip(GROUPS, drawn, strict=True)
        ]
    )


@st.composite
def worlds(draw: st.DrawFn) -> World:
    """A world of 1-5 reports, 6 entities, 1-4 events and 0-3 relations, marked at random."""
    reports = [
        Report(
            f"txt-canary-r{i:02d} a report",
            title=f"ttl-canary-r{i:02d}",
            published=dt.date(2020, 1, 1 + i),
            marking=draw(markings()),
        )
        for i in range(draw(st.integers(1, 5)))
    ]
    entities = [
        Entity(f"grp-{i}", EntityKind.ORGANIZATION, f"Grp-canary-{i}", marking=draw(markings()))
        for i in range(GROUP_COUNT)
    ] + [
        Entity(
            f"plc-{i}",
            EntityKind.PLACE,
            f"Plc-canary-{i}",
            latitude=30.0 + i,
            longitude=60.0 + i,
            marking=draw(markings()),
        )
        for i in range(PLACE_COUNT)
    ]
    world = World(draw(_groups()), reports, entities, [], [], [])
    world.mentions = [  # each report names one entity, which the reader may not see
        Mention(r.id, 0, 3, r.text[:3], "ORG", 0, len(r.text), draw(st.sampled_from(entities)).id)
        for r in reports
    ]
    for i in range(draw(st.integers(1, 4))):
        _add_event(draw, world, f"evt-canary-{i:02d}")
    for i in range(draw(st.integers(0, 3))):
        _add_relation(draw, world, f"rel-canary-{i:02d}")
    return world


def _claim_reports(draw: st.DrawFn, world: World) -> list[Report]:
    picked = draw(st.lists(st.integers(0, len(world.reports) - 1), max_size=3))
    return [world.reports[i] for i in picked]


def _statement(
    world: World, kind: SubjectKind, subject_id: str, prop: str, value: object, report: Report
) -> Statement:
    k = len(world.statements)
    statement = Statement(
        kind,
        subject_id,
        prop,
        json.dumps(value),
        report.id,
        k,
        k + 1,
        f"snt-canary-s{k:03d} said so",
        "test.worlds.v1",
        marking=report.marking,
    )
    world.statements.append(statement)
    return statement


def _unique_date(world: World) -> str:
    k = len(world.statements)
    return f"{1900 + k}-{1 + k % 12:02d}-{1 + k % 28:02d}"


def _add_event(draw: st.DrawFn, world: World, event_id: str) -> None:
    base = Event(event_id, EventType.ATTACK, marking=draw(markings()))
    claims: list[Statement] = []
    for report in _claim_reports(draw, world):
        group = draw(st.none() | st.integers(0, GROUP_COUNT - 1))
        place = draw(st.none() | st.integers(0, PLACE_COUNT - 1))
        claims.append(_statement(world, SubjectKind.EVENT, event_id, "exists", "attack", report))
        toll = 9_870_000 + len(world.statements)
        claims.append(_statement(world, SubjectKind.EVENT, event_id, "killed", toll, report))
        day = _unique_date(world)
        claims.append(_statement(world, SubjectKind.EVENT, event_id, "date", day, report))
        if group is not None:
            perpetrators = [f"grp-{group}"]
            claims.append(
                _statement(world, SubjectKind.EVENT, event_id, "perpetrators", perpetrators, report)
            )
        if place is not None:
            claims.append(
                _statement(world, SubjectKind.EVENT, event_id, "place", f"plc-{place}", report)
            )
    if not claims:  # an imported event: its figures are its own, and unique too
        k = len(world.statements) + 500 + len(world.events)
        unique = replace(base, killed=Count.exactly(9_870_000 + k), date=FuzzyDate(1400 + k, 1, 1))
        world.events.append(unique)
        return
    world.events.append(replace(event_as_told(base, claims), marking=base.marking))


def _add_relation(draw: st.DrawFn, world: World, relation_id: str) -> None:
    subject, object_ = draw(
        st.lists(st.integers(0, GROUP_COUNT - 1), min_size=2, max_size=2, unique=True)
    )
    base = Relation(
        relation_id,
        RelationType.ALLEGIANCE,
        f"grp-{subject}",
        f"grp-{object_}",
        marking=draw(markings()),
    )
    claims: list[Statement] = []
    for report in _claim_reports(draw, world):
        claims.append(
            _statement(world, SubjectKind.RELATION, relation_id, "exists", "allegiance", report)
        )
        start = _unique_date(world)
        claims.append(_statement(world, SubjectKind.RELATION, relation_id, "start", start, report))
    if not claims:
        k = len(world.statements) + 500 + len(world.relations)
        world.relations.append(replace(base, start=FuzzyDate(1400 + k, 2, 2)))
        return
    world.relations.append(replace(relation_as_told(base, claims), marking=base.marking))


def store_world(store: SqlRepository, world: World) -> None:
    """Replace the store's records and sharing groups with the world's (users stay)."""
    with store.engine.begin() as connection:
        for name in RECORD_TABLES:
            connection.execute(sa.delete(schema.metadata.tables[name]))
    with store.transaction():
        for group in world.groups:
            store.add_sharing_group(group)
        for report in world.reports:
            store.add_report(report, [])
        store.add_mentions(world.mentions)
        for entity in world.entities:
            store.save_entity(entity)
        for event in world.events:
            store.save_event(event)
        for relation in world.relations:
            store.save_relation(relation)
        store.add_statements(world.statements)
    log = SqlReviewLog(store.engine)
    for statement in world.statements[::3]:  # a reviewer's decision keeps the value it saw
        value = json.loads(statement.value)
        log.record(
            Decision(f"d-{statement.id}", "confirm", statement.id, "rev", NOW, {"value": value})
        )


def visibility_of(world: World, organisation: str) -> Visibility:
    groups = frozenset(g.name for g in world.groups if g.includes(organisation))
    return Visibility(organisation, groups)


def expected(world: World, organisation: str) -> Sight:
    """What a reader of `organisation` sees, by the rule alone, and what they must not."""
    reader = visibility_of(world, organisation)
    seen = Sight()
    for report in world.reports:
        if reader.admits(report.marking):
            seen.reports.add(report.id)
        else:
            seen.canaries |= {report.id, report.title or "", report.text}
    for entity in world.entities:
        if reader.admits(entity.marking):
            seen.entities.add(entity.id)
        else:
            seen.canaries.add(entity.name)
    for statement in world.statements:
        if reader.admits(statement.marking):
            seen.statements.add(statement.id)
        else:
            seen.canaries |= {statement.id, statement.sentence, *_figures(statement)}
    for event in world.events:
        _see_event(world, reader, event, seen)
    for relation in world.relations:
        _see_relation(world, reader, relation, seen)
    return seen


def _figures(statement: Statement) -> set[str]:
    """The values of a statement that no other record holds: its toll and its date."""
    value = json.loads(statement.value)
    return {str(value)} if statement.prop in ("killed", "date", "start") else set()


def _see_event(world: World, reader: Visibility, event: Event, seen: Sight) -> None:
    about = world.about(SubjectKind.EVENT, event.id)
    how = how_seen(event.marking, about, reader)
    if how is Seen.NONE:
        seen.canaries.add(event.id)
        if not about:  # its figures are its own
            seen.canaries |= {str(event.killed), event.date.iso() if event.date else ""} - {""}
        return
    shown = [s for s in about if reader.admits(s.marking)]
    seen.events[event.id] = event if how is Seen.WHOLE else event_as_told(event, shown)


def _see_relation(world: World, reader: Visibility, relation: Relation, seen: Sight) -> None:
    about = world.about(SubjectKind.RELATION, relation.id)
    how = how_seen(relation.marking, about, reader)
    if how is Seen.NONE:
        seen.canaries.add(relation.id)
        if not about and relation.start is not None:
            seen.canaries.add(relation.start.iso())
        return
    seen.relations_seen += 1
    shown = [s for s in about if reader.admits(s.marking)]
    view = relation if how is Seen.WHOLE else relation_as_told(relation, shown)
    if {view.subject_id, view.object_id} <= seen.entities:
        seen.relations[relation.id] = view
