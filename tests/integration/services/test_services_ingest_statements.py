"""Storing a report runs as many SQL statements for twenty events, relations and new groups
as for two: each table is written in bulk, and what exists is read once per report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from mosaic.model import (
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    FuzzyDate,
    Mention,
    RelationFinding,
    RelationType,
    Report,
    ReportExtraction,
)
from mosaic.services.ingest import store_report
from mosaic.store.sql import SqlRepository, open_repository
from mosaic.store.sql import records as records_module
from support.stores import POSTGRES_URL, empty

STORES = ["sqlite", *(["postgres"] if POSTGRES_URL else [])]


@pytest.fixture(params=STORES)
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlRepository]:
    store = open_repository(str(tmp_path / "kb.db") if request.param == "sqlite" else POSTGRES_URL)
    empty(store)
    try:
        yield store
    finally:
        store.close()


def _group(n: int, batch: str) -> EntityRef:
    return EntityRef(f"Brigade {batch} {n}", EntityKind.ORGANIZATION)


def _report_of(size: int, batch: str) -> tuple[Report, ReportExtraction]:
    """A report naming `size` new groups, each behind an attack of its own day (one year) and
    pledged to the next."""
    report = Report(text=f"Report {batch}: " + " ".join(f"Group {n} struck." for n in range(size)))
    evidence = Evidence(0, 9, report.text)
    groups = [_group(n, batch) for n in range(size)]
    mentions = [
        (Mention(report.id, 2 * n, 2 * n + 1, "G", "ORG", 0, 9), group)
        for n, group in enumerate(groups)
    ]
    events = [
        EventFinding(
            EventType.ATTACK, Evidence(n, n + 1, report.text), "test.v1",
            date=FuzzyDate(2021, 1 + n % 12, 1 + n // 12), perpetrators=(group,),
        )
        for n, group in enumerate(groups)
    ]  # fmt: skip
    relations = [
        RelationFinding(RelationType.ALLEGIANCE, group, groups[(n + 1) % size], evidence, "test.v1")
        for n, group in enumerate(groups)
    ]
    return report, ReportExtraction(report.id, "test.v1", mentions, events, relations)


def _statements_storing(repo: SqlRepository, size: int, batch: str) -> int:
    report, extraction = _report_of(size, batch)
    ran = [0]

    def count(*_: Any) -> None:
        ran[0] += 1

    sa.event.listen(repo.engine, "before_cursor_execute", count)
    try:
        outcome = store_report(repo, report, extraction)
    finally:
        sa.event.remove(repo.engine, "before_cursor_execute", count)
    assert (outcome.events, outcome.relations) == (size, size)
    return ran[0]


def test_services_ingest_statements_do_not_grow_with_the_records_of_a_report(
    repo: SqlRepository,
) -> None:
    _statements_storing(repo, 3, "warm-up")  # the store holds records of another report
    few, many = _statements_storing(repo, 2, "a"), _statements_storing(repo, 20, "b")
    assert few == many
    assert many < 40  # 276 for twenty when each record was written on its own
    counts = repo.counts()
    assert (counts["events"], counts["relations"], counts["organizations"]) == (25, 25, 25)


def test_services_ingest_statements_a_failed_bulk_write_leaves_nothing_of_its_report(
    repo: SqlRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The held records are written in the report's transaction: when its last write fails,
    the entities, events and relations written before it go too, and the report stored
    before stays whole."""
    _statements_storing(repo, 3, "kept")
    before = repo.counts()

    def fail(*_: Any) -> set[tuple[str, str]]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(records_module, "write_statements", fail)
    report, extraction = _report_of(4, "lost")
    with pytest.raises(RuntimeError, match="disk full"):
        store_report(repo, report, extraction)
    assert repo.counts() == before
    assert repo.find_entities_by_name(_group(0, "lost").name) == []
