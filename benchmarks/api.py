"""Latency of the API and the web pages over a large SQLite knowledge base.

Run by hand: `.venv/bin/python benchmarks/api.py [--events 100000] [--relations 20000]
[--repeat 25] [--db PATH]`. It generates a synthetic knowledge base (groups,
people, places, reports, events with statements, relations with dates) in a
SQLite file, written in bulk through the store's own row conversions, then
times each endpoint in-process (no network) and prints the median and p95.
Targets: p95 under 300 ms for every page, under 100 ms for the network as of a
date. A kept --db is reused, so the figures can be taken again without
regenerating. `--reader` times the same requests as a reader of another
organisation (the facts are CLEAR, shared with the community, so they see them
all, through the statements behind each): it adds an admin and that reader to
the database, so every later run of that file signs in too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher

from mosaic.api.app import create_app, settle_heap
from mosaic.model import (
    LOCAL_ORGANISATION,
    AttackType,
    Count,
    Entity,
    EntityKind,
    Event,
    EventType,
    FuzzyDate,
    Relation,
    RelationType,
    Report,
    Statement,
    SubjectKind,
)
from mosaic.model.accounts import Role
from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE
from mosaic.share.tokens import TokenHasher
from mosaic.store import rows, schema
from mosaic.store.sql import SqlRepository, open_repository, statement_markings
from mosaic.web.app import install_web

CHUNK = 5000
GROUPS, PEOPLE, PLACES, REPORTS = 300, 600, 2000, 5000
COUNTRIES = ["PK", "AF", "IQ", "SY", "NG", "SO", "ML", "YE", "LY", "EG"]


def chunks(items: Sequence[dict[str, Any]]) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def insert(engine: sa.Engine, table: sa.Table, items: list[dict[str, Any]]) -> None:
    with engine.begin() as connection:
        for part in chunks(items):
            connection.execute(sa.insert(table), list(part))


def entities(rng: random.Random) -> list[Entity]:
    made = [
        Entity(
            f"g{i:04d}",
            EntityKind.ORGANIZATION,
            f"Group {i} Front",
            (f"G{i}", f"Front {i}"),
            {},
            rng.choice(COUNTRIES),
        )
        for i in range(GROUPS)
    ]
    made += [Entity(f"p{i:04d}", EntityKind.PERSON, f"Person {i} Khan") for i in range(PEOPLE)]
    made += [
        Entity(
            f"pl{i:04d}",
            EntityKind.PLACE,
            f"Town {i}",
            (),
            {},
            rng.choice(COUNTRIES),
            round(rng.uniform(5, 40), 3),
            round(rng.uniform(-5, 75), 3),
        )
        for i in range(PLACES)
    ]
    return made


def reports(rng: random.Random) -> list[Report]:
    return [
        Report(
            f"Synthetic report {i}: fighters of Group {rng.randrange(GROUPS)} Front were "
            f"reported near Town {rng.randrange(PLACES)} by local officials.",
            title=f"Report {i} on regional security",
            publisher="Synthetic Wire",
            published=dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000)),
        )
        for i in range(REPORTS)
    ]


def events(rng: random.Random, count: int) -> list[Event]:
    weights = [1 / (i + 1) for i in range(GROUPS)]  # a few very active groups, a long tail
    made = []
    for i in range(count):
        day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
        group = rng.choices(range(GROUPS), weights)[0]
        made.append(
            Event(
                f"ev{i:06d}",
                EventType.ATTACK if rng.random() < 0.8 else EventType.ARREST,
                rng.choice(list(AttackType)),
                FuzzyDate.from_date(day),
                country=rng.choice(COUNTRIES),
                place_id=f"pl{rng.randrange(PLACES):04d}",
                perpetrators=(f"g{group:04d}",),
                killed=Count.exactly(rng.randrange(40)),
            )
        )
    return made


def relations(rng: random.Random, count: int) -> list[Relation]:
    made = []
    for i in range(count):
        start = dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(12000))
        end = start + dt.timedelta(days=rng.randrange(200, 4000)) if rng.random() < 0.7 else None
        kind = rng.choice(list(RelationType))
        people = kind in (RelationType.LEADER_OF, RelationType.MEMBER_OF)
        subject = f"p{rng.randrange(PEOPLE):04d}" if people else f"g{rng.randrange(GROUPS):04d}"
        made.append(
            Relation(
                f"rel{i:05d}",
                kind,
                subject,
                f"g{rng.randrange(GROUPS):04d}",
                FuzzyDate(start.year, start.month),
                FuzzyDate(end.year, end.month) if end else None,
            )
        )
    return made


def statement(
    kind: SubjectKind, subject: str, prop: str, value: object, report: Report, rng: random.Random
) -> Statement:
    return Statement(
        kind,
        subject,
        prop,
        json.dumps(value),
        report.id,
        0,
        20,
        report.text[:80],
        "synthetic.v1",
        confidence=round(rng.random(), 2),
    )


def generate(repo: SqlRepository, n_events: int, n_relations: int) -> None:
    """Write the synthetic knowledge base in bulk, in the store's own row format."""
    rng = random.Random(7)
    engine = repo.engine
    made = entities(rng)
    insert(engine, schema.entities, [rows.entity_row(e) for e in made])
    insert(engine, schema.entity_names, [r for e in made for r in rows.entity_name_rows(e)])
    texts = reports(rng)
    now = dt.datetime(2024, 1, 1)
    insert(engine, schema.reports, [{**rows.report_row(r, []), "ingested_at": now} for r in texts])
    found = events(rng, n_events)
    insert(engine, schema.events, [rows.event_row(e) for e in found])
    insert(
        engine,
        schema.event_participants,
        [{"event_id": e.id, "entity_id": p} for e in found for p in e.perpetrators],
    )
    links = relations(rng, n_relations)
    insert(engine, schema.relations, [rows.relation_row(r) for r in links])
    claims = [
        statement(SubjectKind.EVENT, e.id, prop, value, rng.choice(texts), rng)
        for e in found
        for prop, value in (("exists", "attack"), ("killed", e.killed.low if e.killed else 0))
    ]
    claims += [
        statement(SubjectKind.RELATION, r.id, "exists", r.type.value, rng.choice(texts), rng)
        for r in links
    ]
    insert(engine, schema.statements, [rows.statement_row(s) for s in claims])
    with engine.begin() as connection:  # written around the store: name each fact's markings
        statement_markings.refresh_all(connection)


def signed_in(repo: SqlRepository, reader: bool) -> dict[str, str]:
    """The Authorization header of a new token: the local admin's, or another organisation's
    reader's; no header while no user exists and `reader` is False (the lone analyst)."""
    if not reader and not repo.list_users():
        return {}
    hasher = TokenHasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    name, organisation, role = (
        ("bench-reader", "bench-partner", Role.READER)
        if reader
        else ("bench-admin", LOCAL_ORGANISATION, Role.ADMIN)
    )
    for org in {LOCAL_ORGANISATION, organisation}:
        if repo.get_organisation(org) is None:
            accounts.add_organisation(repo, org, COMMAND_LINE)
    if repo.get_user(name) is None:
        accounts.add_user(repo, hasher, name, organisation, role, COMMAND_LINE)
    _, token = accounts.issue_token(repo, hasher, name, COMMAND_LINE)
    return {"Authorization": f"Bearer {token}"}


def timed(client: Any, url: str, repeat: int, headers: dict[str, str]) -> tuple[float, float, int]:
    """Median and p95 in milliseconds (after one warm-up call), and the status code."""
    status = client.get(url, headers=headers).status_code
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url, headers=headers)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, status


TARGETS = [
    ("/api/events?limit=50", 300),
    ("/api/events?group=g0001&since=2010&sort=-date", 300),
    ("/api/events/ev000123", 300),
    ("/api/entities/g0000", 300),
    ("/api/search?q=Group%2012", 300),
    ("/api/network?as_of=2015-06-01", 100),
    ("/api/stats/events?by=month,group&type=attack", 300),
    ("/api/stats/events?by=country", 300),
    ("/api/map/events?limit=5000", 300),
    ("/api/review/queue?limit=50", 300),
    ("/", 300),
    ("/events", 300),
    ("/events/ev000123", 300),
    ("/entities/g0000", 300),
    ("/search?q=Group%2012", 300),
    ("/network?as_of=2015-06-01", 300),
    ("/timeline?entity=g0000", 300),
    ("/review", 300),
    ("/map", 300),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=25)
    parser.add_argument("--db", type=Path, help="SQLite file to create or reuse")
    parser.add_argument(
        "--reader", action="store_true", help="ask as a reader of another organisation"
    )
    args = parser.parse_args(argv)
    from fastapi.testclient import TestClient

    folder = tempfile.TemporaryDirectory(prefix="mosaic-bench-")
    path = args.db or Path(folder.name) / "bench.db"
    fresh = not path.exists()
    repo = open_repository(str(path))
    if fresh:
        start = time.perf_counter()
        generate(repo, args.events, args.relations)
        print(
            f"generated {args.events} events, {args.relations} relations "
            f"in {time.perf_counter() - start:.1f} s",
            file=sys.stderr,
        )
    headers = signed_in(repo, args.reader)
    client = TestClient(install_web(create_app(lambda: repo)), base_url="http://localhost")
    settle_heap()  # as `mosaic serve` does
    print(f"{'endpoint':52} {'median ms':>10} {'p95 ms':>8} {'target':>7}  status")
    failed = 0
    for url, target in TARGETS:
        median, p95, status = timed(client, url, args.repeat, headers)
        ok = p95 < target and status == 200
        failed += not ok
        print(f"{url:52} {median:10.1f} {p95:8.1f} {target:7d}  {status}{'' if ok else '  MISS'}")
    repo.close()
    folder.cleanup()
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
