"""Tests of slot comparison: dates, counts and slot agreement."""

from __future__ import annotations

import pytest

from mosaic.evaluation.slots import (
    as_count,
    counts_equal,
    dates_compatible,
    slot_agrees,
    states,
)


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("2015", "2015-08-03", True),
        ("2015-08", "2015-08-03", True),
        ("2015-08-03", "2015-08", True),
        ("2015-08-03", "2015-08-04", False),
        ("2015-07", "2015-08", False),
        ("2014", "2015-01", False),
        (None, "2015-01", True),
        ("2015-01", None, True),
        ("", "2015", True),
        ("May 2015", "2015-05", False),
        ("May 2015", "May 2015", True),
    ],
)
def test_slots_dates_compatible(a: str | None, b: str | None, compatible: bool) -> None:
    assert dates_compatible(a, b) is compatible


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        (17, 17, True),
        (17, [17, 17], True),
        ([17, 17], 17, True),
        ((17, 17), [17, 17], True),
        ([91, None], [91, None], True),
        ([91, None], 91, False),
        ([10, 20], [10, 21], False),
        (17, 16, False),
        (True, 1, False),
        ("17", 17, False),
        ([None, None], [None, None], False),
    ],
)
def test_slots_counts_equal(a: object, b: object, equal: bool) -> None:
    assert counts_equal(a, b) is equal


def test_slots_as_count_rejects_malformed_values() -> None:
    assert as_count([1, 2, 3]) is None
    assert as_count([1.5, 2]) is None
    assert as_count(4) == (4, 4)


def test_slots_states_treats_empty_values_as_not_stated() -> None:
    assert not states({"place": []}, "place")
    assert not states({"date": None}, "date")
    assert not states({}, "killed")
    assert states({"killed": 0}, "killed")


def test_slots_agreement_rules() -> None:
    gold = {"date": "2015-08", "place": ["Attock"], "killed": 17, "perpetrators": [["IS"], ["LJ"]]}
    system = {"date": "2015-08-01", "place": "attock", "killed": [17, 17], "perpetrators": ["LJ"]}
    assert not slot_agrees("date", gold, system)
    assert slot_agrees("place", gold, system)
    assert slot_agrees("killed", gold, system)
    assert not slot_agrees("perpetrators", gold, system)
    assert not slot_agrees("wounded", gold, {"wounded": 3})
