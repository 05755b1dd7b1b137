"""Tests of perpetrator names counted one by one over a matched pair."""

from __future__ import annotations

from mosaic.evaluation.perpetrators import PerpetratorCounts, count_perpetrators


def test_perpetrators_extra_name_costs_precision_not_recall() -> None:
    gold = {"perpetrators": [["Red Brigades"]]}
    system = {"perpetrators": [["Red Brigades"], ["Harbour Police"]]}
    counts, extra = count_perpetrators(gold, system)
    assert (counts.matched, counts.system, counts.found, counts.gold) == (1, 2, 1, 1)
    assert (counts.precision, counts.recall) == (0.5, 1.0)
    assert extra == [["Harbour Police"]]


def test_perpetrators_match_by_any_alias() -> None:
    gold = {"perpetrators": [["Popular Front", "PF"], ["Northern Army"]]}
    system = {"perpetrators": [["the PF"]]}
    counts, extra = count_perpetrators(gold, system)
    assert (counts.matched, counts.system, counts.found, counts.gold) == (1, 1, 1, 2)
    assert extra == []


def test_perpetrators_stated_only_by_system_are_all_extra() -> None:
    counts, extra = count_perpetrators({}, {"perpetrators": [["Judge Carter"]]})
    assert (counts.matched, counts.system, counts.gold) == (0, 1, 0)
    assert counts.precision == 0.0
    assert extra == [["Judge Carter"]]


def test_perpetrators_nothing_to_count_is_one() -> None:
    counts, extra = count_perpetrators({}, {})
    assert (counts.precision, counts.recall) == (1.0, 1.0)
    assert extra == []


def test_perpetrators_counts_add_up() -> None:
    total = PerpetratorCounts(1, 2, 1, 1)
    total.add(PerpetratorCounts(0, 1, 0, 2))
    assert (total.matched, total.system, total.found, total.gold) == (1, 3, 1, 3)


def test_perpetrators_one_group_given_twice_is_one_right_and_one_extra() -> None:
    gold = {"perpetrators": [["Popular Front", "PF"]]}
    system = {"perpetrators": [["Popular Front"], ["PF"]]}
    counts, extra = count_perpetrators(gold, system)
    assert (counts.matched, counts.system, counts.found, counts.gold) == (1, 2, 1, 1)
    assert extra == [["PF"]]


def test_perpetrators_pairing_finds_the_most_pairs() -> None:
    # The first system name matches both gold groups; pairing it greedily with the first
    # would leave the second system name unpaired.
    gold = {"perpetrators": [["Northern Army", "NA"], ["Popular Front", "PF"]]}
    system = {"perpetrators": [["NA", "PF"], ["Northern Army"]]}
    counts, extra = count_perpetrators(gold, system)
    assert (counts.matched, counts.found) == (2, 2)
    assert extra == []
