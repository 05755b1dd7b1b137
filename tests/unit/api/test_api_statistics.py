"""Event figures through the reader's repository over the memory store, and their folding.

The SQL store answers the same reads: `tests/integration/store/test_store_contract_reads.py`.
"""

from __future__ import annotations

import pytest

from mosaic.api.sample import build_sample
from mosaic.api.statistics import fold_groups
from mosaic.api.visible import VisibleRepository
from mosaic.model import EventType, ReviewStatus
from mosaic.share.policy import AccessPolicy
from mosaic.store.ports import EventQuery
from support.memory import MemoryRepository


@pytest.fixture
def visible() -> VisibleRepository:
    repo = MemoryRepository()
    build_sample(repo)
    return VisibleRepository(repo, AccessPolicy.local())


def test_statistics_counts_by_group_once_per_group(visible: VisibleRepository) -> None:
    buckets = visible.event_counts(("group",), EventQuery(type=EventType.ATTACK))
    assert [(b.keys, b.count) for b in buckets] == [(("ttp",), 2), (("imu",), 1), (("jua",), 1)]
    assert buckets[0].labels == ("Tehrik-i-Taliban Pakistan",)


def test_statistics_counts_by_year_and_country(visible: VisibleRepository) -> None:
    buckets = visible.event_counts(("year", "country"), EventQuery())
    assert [(b.keys, b.count) for b in buckets] == [(("2014", "PK"), 3)]


def test_statistics_rejects_unknown_dimension(visible: VisibleRepository) -> None:
    with pytest.raises(ValueError, match="unknown dimension 'weather'"):
        visible.event_counts(("weather",), EventQuery())


def test_statistics_queue_and_relation_years(visible: VisibleRepository) -> None:
    queue = visible.statements_with_status(ReviewStatus.UNREVIEWED, limit=4, offset=0)
    assert [s.prop for s in queue] == ["killed"] * 4
    assert visible.relation_years() == (2009, 2014)


def test_statistics_fold_groups_sums_the_rest_as_other(visible: VisibleRepository) -> None:
    buckets = visible.event_counts(("group",), EventQuery())
    folded = fold_groups(buckets, ("group",), keep=1)
    assert {b.keys: (b.labels, b.count) for b in folded} == {
        ("ttp",): (("Tehrik-i-Taliban Pakistan",), 2),
        ("other",): (("other groups",), 2),
    }
