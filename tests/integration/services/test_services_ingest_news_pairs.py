"""Two outlets' reports of one event, ingested together into a real SQLite file, make one
event with both reports as sources and each report's tolls side by side.

The pairs are the dev-news passages the issue names, read in place from
../shared/eval/dev-news/ the way `mosaic eval` reads them (skipped where absent).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from mosaic.evaluation import GoldDocument, load_gold_dir
from mosaic.extract.pipeline import Extractor, load_extractor
from mosaic.model import EventType, SubjectKind
from mosaic.services.evaluate import gold_report
from mosaic.services.ingest import store_report
from mosaic.store.ports import EventQuery
from mosaic.store.sql import SqlRepository, open_repository

pytestmark = pytest.mark.slow

DEV_NEWS = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "dev-news"
PAIRS = [
    # (first, second, type, day, {passage: killed each states})
    ("037", "038", EventType.ATTACK, dt.date(2005, 8, 17), {"037": 1, "038": 2}),
    ("039", "040", EventType.ATTACK, dt.date(2005, 10, 29), {"039": [20, None], "040": [60, None]}),
    ("028", "029", EventType.MILITARY_OPERATION, dt.date(2017, 4, 13), {"029": [91, None]}),
    ("032", "033", EventType.ATTACK, dt.date(2021, 8, 26), {"032": 12, "033": 13}),
]  # fmt: skip


@pytest.fixture(scope="module")
def documents() -> dict[str, GoldDocument]:
    if not DEV_NEWS.is_dir():
        pytest.skip(f"dev-news is not in {DEV_NEWS}")
    return {d.doc_id.removeprefix("news-"): d for d in load_gold_dir(DEV_NEWS)}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return load_extractor()


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[SqlRepository]:
    store = open_repository(str(tmp_path / "mosaic.db"))
    try:
        yield store
    finally:
        store.close()


@pytest.mark.parametrize(("first", "second", "kind", "day", "tolls"), PAIRS)
def test_services_ingest_news_pair_is_one_event_with_both_sources(
    documents: dict[str, GoldDocument],
    extractor: Extractor,
    repo: SqlRepository,
    first: str,
    second: str,
    kind: EventType,
    day: dt.date,
    tolls: dict[str, object],
) -> None:
    reports = {n: gold_report(documents[n]) for n in (first, second)}
    for report, extraction in zip(
        reports.values(), extractor.extract_many(reports.values()), strict=True
    ):
        store_report(repo, report, extraction)
    events = repo.find_events(EventQuery(type=kind, since=day, until=day))
    assert len(events) == 1, [(e.date, e.place_id) for e in events]
    statements = repo.statements_about(SubjectKind.EVENT, events[0].id)
    assert {s.report_id for s in statements} == {r.id for r in reports.values()}
    killed = {(s.report_id, s.value) for s in statements if s.prop == "killed"}
    for passage, count in tolls.items():
        assert (reports[passage].id, json.dumps(count)) in killed
