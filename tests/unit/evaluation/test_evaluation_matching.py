"""Tests of eligibility and greedy one-to-one matching of events and relations."""

from __future__ import annotations

from typing import Any

from mosaic.evaluation.matching import (
    Candidate,
    event_eligible,
    greedy_match,
    match_events,
    match_relations,
    relation_eligible,
)

ISKP = ["Islamic State Khorasan Province", "ISKP"]
IS = ["Islamic State", "IS", "ISIS"]
TTP = ["Tehrik-i-Taliban Pakistan", "TTP"]


def _attack(**slots: Any) -> dict[str, Any]:
    return {"type": "attack", **slots}


def test_matching_event_needs_equal_type() -> None:
    assert event_eligible(_attack(), _attack())
    assert not event_eligible(_attack(), {"type": "arrest"})
    assert not event_eligible({}, {})


def test_matching_event_dates_compatible_at_coarser_precision() -> None:
    assert event_eligible(_attack(date="2015-08"), _attack(date="2015-08-14"))
    assert event_eligible(_attack(date="2015"), _attack(date="2015-12"))
    assert event_eligible(_attack(date="2015-08"), _attack())
    assert not event_eligible(_attack(date="2015-08"), _attack(date="2015-09-01"))


def test_matching_country_mismatch_blocks_only_when_both_given() -> None:
    assert not event_eligible(_attack(country="PK"), _attack(country="AF"))
    assert event_eligible(_attack(country="PK"), _attack())
    assert event_eligible(_attack(), _attack(country="AF"))


def test_matching_greedy_takes_best_score_first_even_if_not_optimal() -> None:
    # gold 0 fits system 1 best (2 slots) but could also take system 0 (0 slots);
    # gold 1 fits only system 1. Greedy by score gives system 1 to gold 0.
    gold = [
        _attack(place=["Quetta"], killed=5),
        _attack(date="2016-01", place=["Quetta"]),
    ]
    system = [_attack(date="2015-03"), _attack(place=["Quetta"], killed=5)]
    assert match_events(gold, system) == [(0, 1)]


def test_matching_greedy_is_one_to_one() -> None:
    gold = [_attack(place=["Quetta"])]
    system = [_attack(place=["Quetta"]), _attack(place=["Quetta"])]
    assert match_events(gold, system) == [(0, 0)]
    assert match_events(system, gold) == [(0, 0)]


def test_matching_ties_go_to_lower_gold_then_lower_system_index() -> None:
    candidates = [Candidate(1, 0, (1,)), Candidate(0, 1, (1,)), Candidate(0, 0, (1,))]
    assert greedy_match(candidates) == [(0, 0)]
    gold = [_attack(), _attack()]
    assert match_events(gold, [_attack(), _attack()]) == [(0, 0), (1, 1)]


def test_matching_tie_break_prefers_more_agreeing_minor_slots() -> None:
    gold = [_attack(targets=[["Shia mosque"]]), _attack(targets=[["Police post"]])]
    system = [_attack(targets=[["police post"]]), _attack(targets=[["Shia mosque"]])]
    assert match_events(gold, system) == [(0, 1), (1, 0)]


def test_matching_relation_type_subject_object() -> None:
    gold = {"type": "affiliate_of", "subject": ISKP, "object": IS}
    assert relation_eligible(gold, {"type": "affiliate_of", "subject": "iskp", "object": "ISIS"})
    assert not relation_eligible(gold, {"type": "split_from", "subject": ISKP, "object": IS})
    assert not relation_eligible(gold, {"type": "affiliate_of", "subject": IS, "object": ISKP})
    assert not relation_eligible(gold, {"type": "affiliate_of", "subject": ISKP, "object": TTP})


def test_matching_alliance_and_rivalry_match_either_order() -> None:
    for kind in ("alliance", "rivalry"):
        gold = {"type": kind, "subject": ISKP, "object": TTP}
        assert relation_eligible(gold, {"type": kind, "subject": TTP, "object": ISKP})
    allegiance = {"type": "allegiance", "subject": TTP, "object": IS}
    assert not relation_eligible(allegiance, {"type": "allegiance", "subject": IS, "object": TTP})


def test_matching_relations_one_to_one_prefers_agreeing_date() -> None:
    gold = [{"type": "member_of", "subject": ["Khan"], "object": TTP, "date": "2012"}]
    system = [
        {"type": "member_of", "subject": ["Khan"], "object": TTP, "date": "2011"},
        {"type": "member_of", "subject": ["Khan"], "object": TTP, "date": "2012"},
    ]
    assert match_relations(gold, system) == [(0, 1)]
