"""The visibility rule in SQL selects exactly what `Visibility.admits` and `how_seen` say.

Random markings on reports, and random events with statements of random
markings, on a real SQLite file (and PostgreSQL when configured): the rows each
SQL condition keeps, and those its negation keeps, are the ones the Python rule
keeps and drops.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mosaic.model import Event, EventType, Marking, Report, Statement, SubjectKind, Visibility
from mosaic.resolve.seen import Seen, how_seen
from mosaic.store.schema import events, reports
from mosaic.store.sql import SqlRepository, open_repository
from mosaic.store.visibility import seen_at_all, seen_in_part, seen_whole, visible_in
from support.markings import markings, visibilities
from support.stores import POSTGRES_URL, empty

STORES = ["sqlite", *(["postgres"] if POSTGRES_URL else [])]
CHECKS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module", params=STORES)
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SqlRepository]:
    path = tmp_path_factory.mktemp("visibility") / "mosaic.db"
    repo = open_repository(str(path) if request.param == "sqlite" else POSTGRES_URL)
    try:
        yield repo
    finally:
        repo.close()


def _ids(repo: SqlRepository, table: sa.Table, condition: sa.ColumnElement[bool]) -> set[str]:
    with repo.engine.connect() as connection:
        return {row[0] for row in connection.execute(sa.select(table.c.id).where(condition))}


@CHECKS
@given(marked=st.lists(markings(), max_size=12), reader=visibilities())
def test_visibility_sql_keeps_what_the_rule_admits(
    store: SqlRepository, marked: list[Marking], reader: Visibility
) -> None:
    empty(store)
    stored = [Report(f"report {i}", marking=m) for i, m in enumerate(marked)]
    with store.transaction():
        for report in stored:
            store.add_report(report, [])
    admitted = {r.id for r in stored if reader.admits(r.marking)}
    assert _ids(store, reports, visible_in(reports, reader)) == admitted
    refused = _ids(store, reports, sa.not_(visible_in(reports, reader)))
    assert refused == {r.id for r in stored} - admitted


@CHECKS
@given(
    facts=st.lists(st.tuples(markings(), st.lists(markings(), max_size=3)), max_size=8),
    reader=visibilities(),
    statements_first=st.booleans(),
    remarked=st.lists(st.none() | markings(), max_size=8),
)
def test_visibility_sql_sees_facts_as_their_statements_allow(
    store: SqlRepository,
    facts: list[tuple[Marking, list[Marking]]],
    reader: Visibility,
    statements_first: bool,
    remarked: list[Marking | None],
) -> None:
    """Also when statements come before their fact, and after one is marked anew."""
    empty(store)
    expected: dict[Seen, set[str]] = {seen: set() for seen in Seen}
    with store.transaction():
        for i, (marking, behind) in enumerate(facts):
            event = Event(f"ev-{i}", EventType.ATTACK, marking=marking)
            statements = [
                Statement(
                    SubjectKind.EVENT, event.id, "killed", "1", f"r{j}", j, j, "", "t", marking=m
                )
                for j, m in enumerate(behind)
            ]
            _store_fact(store, event, statements, statements_first)
            new = remarked[i] if i < len(remarked) else None
            if new is not None and statements:
                store.set_marking("statement", statements[0].id, new)
                statements[0] = replace(statements[0], marking=new)
            expected[how_seen(marking, statements, reader)].add(event.id)
    assert _ids(store, events, seen_whole(events, reader)) == expected[Seen.WHOLE]
    assert _ids(store, events, seen_in_part(events, reader)) == expected[Seen.PART]
    assert (
        _ids(store, events, seen_at_all(events, reader))
        == expected[Seen.WHOLE] | expected[Seen.PART]
    )


def _store_fact(
    store: SqlRepository, event: Event, statements: list[Statement], statements_first: bool
) -> None:
    if statements_first:
        store.add_statements(statements)
    store.save_event(event)
    if not statements_first:
        store.add_statements(statements)
