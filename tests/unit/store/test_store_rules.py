"""The rules both stores share: TLP clearance, review status on re-adding, pair identity."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.model import RelationType, ReviewStatus, Tlp
from mosaic.store import rules


def test_rules_allowed_tlps_up_to_the_given_rank() -> None:
    assert rules.allowed_tlps(Tlp.CLEAR) == (Tlp.CLEAR,)
    assert rules.allowed_tlps(Tlp.AMBER) == (Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER)
    assert rules.allowed_tlps(Tlp.RED) == tuple(Tlp)


@pytest.mark.parametrize(
    ("stored", "incoming", "kept"),
    [
        (ReviewStatus.UNREVIEWED, ReviewStatus.CONFIRMED, ReviewStatus.CONFIRMED),
        (ReviewStatus.CONFIRMED, ReviewStatus.UNREVIEWED, ReviewStatus.CONFIRMED),
        (ReviewStatus.REJECTED, ReviewStatus.CONFIRMED, ReviewStatus.REJECTED),
        (ReviewStatus.UNREVIEWED, ReviewStatus.UNREVIEWED, ReviewStatus.UNREVIEWED),
    ],
)
def test_rules_merged_status_keeps_review_decisions(
    stored: ReviewStatus, incoming: ReviewStatus, kept: ReviewStatus
) -> None:
    assert rules.merged_status(stored, incoming) is kept


def test_rules_canonical_pair_ignores_direction() -> None:
    assert rules.canonical_pair("b", "a") == rules.canonical_pair("a", "b") == ("a", "b")


def test_rules_relation_pairs_both_ways_only_when_symmetric() -> None:
    assert rules.relation_pairs(RelationType.RIVALRY, "a", "b") == [("a", "b"), ("b", "a")]
    assert rules.relation_pairs(RelationType.MEMBER_OF, "a", "b") == [("a", "b")]
    assert rules.relation_pairs(RelationType.ALLIANCE, "a", "a") == [("a", "a")]


def test_rules_year_bounds() -> None:
    assert rules.year_bounds(2016) == (dt.date(2016, 1, 1), dt.date(2016, 12, 31))
