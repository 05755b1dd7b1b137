"""The guard against one query per row: search, the network and events read in a few queries.

Each request is sent to a knowledge base in a real SQLite file holding a few
rows, then to one holding many (every search hit, event, perpetrator, report
and conflicting claim multiplied): the number of SQL statements it runs must
be the same on both, and under a fixed bound. Once as the local analyst, who
sees everything, and once as a reader whose policy is applied to every read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from mosaic.api.app import create_app
from mosaic.api.context import visible_repository
from mosaic.api.visible import VisibleRepository
from mosaic.model import (
    LOCAL_ORGANISATION,
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
    Tlp,
)
from mosaic.share.policy import AccessPolicy
from mosaic.store.ports import Repository
from mosaic.store.sql import SqlRepository, open_repository
from mosaic.web.app import install_web
from support.extractors import EmptyExtractor

pytestmark = pytest.mark.e2e

LOCAL = "http://localhost"
FEW, MANY = 2, 60
BOUND = 20  # SQL statements a request may run, BEGINs included (18 at most today)
# Each request, and whether its answer shows the rows (the network page is a shell).
REQUESTS = [
    ("/api/search?q=alpha&limit=50", True),
    ("/search?q=alpha", True),
    ("/api/network?as_of=2015-06-01", True),
    ("/network?as_of=2015-06-01", False),
    ("/api/events?limit=100", True),
    ("/events", True),
    ("/api/events/ev-0", True),
    ("/events/ev-0", True),
]


def fill(repo: SqlRepository, rows: int) -> None:
    """`rows` groups, places, reports and events; every report claims ev-0's perpetrator."""
    with repo.transaction():
        for n in range(rows):
            group, place = f"grp-{n}", f"pl-{n}"
            report = Report(f"Alpha Cell {n} attacked.", title=f"Alpha attack {n}")
            repo.add_report(report, list(range(8)))
            repo.save_entity(Entity(group, EntityKind.ORGANIZATION, f"Alpha Cell {n}"))
            repo.save_entity(Entity(place, EntityKind.PLACE, f"Town {n}", latitude=30))
            date = FuzzyDate.parse(f"2015-{n % 12 + 1:02d}-01")
            repo.save_event(
                Event(f"ev-{n}", EventType.ATTACK, date=date, place_id=place, perpetrators=(group,))
            )
            repo.save_relation(Relation(f"rel-{n}", RelationType.ALLIANCE, group, "grp-0"))
            repo.add_statements([claim(f"ev-{n}", "killed", str(n), report.id)])
            repo.add_statements([claim("ev-0", "perpetrators", f'["{group}"]', report.id)])


def claim(event_id: str, prop: str, value: str, report_id: str) -> Statement:
    return Statement(
        SubjectKind.EVENT, event_id, prop, value, report_id, 0, 5, "Alpha Cell attacked.", "test"
    )


# Cleared to GREEN, so every read is filtered; the records are their organisation's, so they
# see them all whatever the rule for others' records.
FILTERED = AccessPolicy(LOCAL_ORGANISATION, Tlp.GREEN)
Counted = tuple[SqlRepository, list[int]]


def counted(path: Path, rows: int) -> Iterator[Counted]:
    repo = open_repository(str(path))
    fill(repo, rows)
    statements = [0]

    def count(*_: Any) -> None:
        statements[0] += 1

    sa.event.listen(repo.engine, "before_cursor_execute", count)
    yield repo, statements
    repo.close()


@pytest.fixture(scope="module")
def few(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Counted]:
    yield from counted(tmp_path_factory.mktemp("few") / "kb.db", FEW)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Counted]:
    yield from counted(tmp_path_factory.mktemp("many") / "kb.db", MANY)


def client_of(repo: Repository, policy: AccessPolicy | None) -> TestClient:
    """The app over `repo`, read as the local analyst, or with `policy` applied."""
    app = install_web(create_app(lambda: repo, EmptyExtractor))
    if policy is not None:
        app.dependency_overrides[visible_repository] = lambda: VisibleRepository(repo, policy)
    return TestClient(app, base_url=LOCAL)


def statements_run(kb: Counted, policy: AccessPolicy | None, path: str) -> tuple[int, int]:
    """How many SQL statements answering `path` ran, and the answer's size."""
    repo, statements = kb
    client = client_of(repo, policy)
    client.get(path)  # the first request of an app opens what later ones share
    statements[0] = 0
    answer = client.get(path)
    assert answer.status_code == 200, answer.text
    return statements[0], len(answer.content)


@pytest.mark.parametrize("policy", [None, FILTERED], ids=["local", "filtered"])
@pytest.mark.parametrize(("path", "shows_rows"), REQUESTS)
def test_query_counts_do_not_grow_with_the_rows(
    few: Counted, many: Counted, policy: AccessPolicy | None, path: str, shows_rows: bool
) -> None:
    on_few, few_size = statements_run(few, policy, path)
    on_many, many_size = statements_run(many, policy, path)
    assert many_size > 4 * few_size or not shows_rows
    assert on_many == on_few
    assert on_many <= BOUND
