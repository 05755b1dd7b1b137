"""Two reports of one attack ingested into a real SQLite file: where one states the toll and
the other only names a victim, the stored event's toll is the number stated, whichever
report comes first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mosaic.model import (
    Count,
    EventFinding,
    EventType,
    Evidence,
    FuzzyDate,
    Report,
    ReportExtraction,
)
from mosaic.services.ingest import store_report
from mosaic.store.ports import EventQuery
from mosaic.store.sql import SqlRepository, open_repository

TOLL = "A bomb killed 12 people at the gate on Monday."
NAMED = "A guard, Sami Noori, was killed as he opened the gate."


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[SqlRepository]:
    store = open_repository(str(tmp_path / "kb.db"))
    try:
        yield store
    finally:
        store.close()


def _report(text: str, killed: Count) -> tuple[Report, ReportExtraction]:
    report = Report(text=text)
    finding = EventFinding(
        EventType.ATTACK, Evidence(0, len(text), text), "test.v1",
        date=FuzzyDate(2021, 8, 23), country="AF", killed=killed, confidence=0.8,
    )  # fmt: skip
    return report, ReportExtraction(report.id, "test.v1", events=[finding])


@pytest.mark.parametrize("named_first", [True, False])
def test_services_ingest_a_stated_toll_outranks_a_victim_another_report_names(
    repo: SqlRepository, named_first: bool
) -> None:
    reports = [_report(TOLL, Count.exactly(12)), _report(NAMED, Count.of_named(1))]
    for report, extraction in reversed(reports) if named_first else reports:
        store_report(repo, report, extraction)
    [event] = repo.find_events(EventQuery(type=EventType.ATTACK))
    assert event.killed == Count.exactly(12) and not event.killed.named
