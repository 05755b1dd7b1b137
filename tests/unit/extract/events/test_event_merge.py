"""Tests for merging findings of one event within a report (mosaic.extract.events.merge)."""

from __future__ import annotations

from dataclasses import replace

from mosaic.extract.events.merge import (
    combine,
    compatible,
    drop_echoes,
    link_strength,
    merge_events,
)
from mosaic.model import (
    AttackType,
    Count,
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    FuzzyDate,
    PerpetratorStatus,
)

KABUL = EntityRef("Kabul", EntityKind.PLACE, "place:af:kabul", country="AF")
QUETTA = EntityRef("Quetta", EntityKind.PLACE, "place:pk:quetta", country="PK")
AFGHANISTAN = EntityRef("Afghanistan", EntityKind.PLACE, "place:af", country="AF")
ISKP = EntityRef("Islamic State Khorasan Province", EntityKind.ORGANIZATION, "org:iskp")


def finding(start: int, **slots: object) -> EventFinding:
    evidence = Evidence(start, start + 50, f"sentence at {start}")
    base = EventFinding(EventType.ATTACK, evidence, "test", confidence=0.6)
    return replace(base, **slots)  # type: ignore[arg-type]


def test_event_merge_same_day_and_place_merge_keeping_specific_slots() -> None:
    first = finding(0, date=FuzzyDate(2016, 1, 13), place=AFGHANISTAN, country="AF")
    second = finding(
        900, date=FuzzyDate(2016, 1, 13), place=KABUL, country="AF", killed=Count(17, 17),
        perpetrators=(ISKP,), perpetrator_status=PerpetratorStatus.CLAIMED,
        attack_type=AttackType.SUICIDE_BOMBING,
    )  # fmt: skip
    [merged] = merge_events([first, second], 0.3)
    assert merged.place == KABUL and merged.killed == Count(17, 17)
    assert merged.perpetrators == (ISKP,) and merged.attack_type is AttackType.SUICIDE_BOMBING


def test_event_merge_contradictions_keep_events_apart() -> None:
    kabul = finding(0, date=FuzzyDate(2016, 1, 13), place=KABUL, country="AF")
    assert len(merge_events([kabul, finding(100, date=FuzzyDate(2016, 1, 14))], 0.3)) == 2
    assert len(merge_events([kabul, finding(100, place=QUETTA, country="PK")], 0.3)) == 2
    other_type = replace(kabul, type=EventType.ARREST, evidence=Evidence(100, 150, "x"))
    assert not compatible(kabul, other_type)


def test_event_merge_dateless_follow_up_joins_the_event_before() -> None:
    event = finding(0, date=FuzzyDate(2018, 1, 27), place=KABUL, country="AF")
    claim = finding(80, perpetrators=(ISKP,), perpetrator_status=PerpetratorStatus.CLAIMED)
    far = finding(5000, perpetrators=(ISKP,))
    assert link_strength(event, claim) == 1 and link_strength(event, far) == 0
    merged = merge_events([event, claim, far], 0.3)
    assert len(merged) == 2 and merged[0].perpetrators == (ISKP,)


def test_event_merge_leaves_weak_findings_alone() -> None:
    weak = finding(60, confidence=0.2)
    assert len(merge_events([finding(0, place=KABUL), weak], 0.3)) == 2


def test_event_merge_later_toll_wins() -> None:
    merged = combine(finding(0, killed=Count(17, 17)), finding(100, killed=Count(20, 20)))
    assert merged.killed == Count(20, 20)


def test_event_merge_dateless_follow_up_joins_the_event_before_not_the_next() -> None:
    before = finding(0, date=FuzzyDate(2019, 3, 8), place=QUETTA, country="PK")
    claim = finding(80, perpetrators=(ISKP,), perpetrator_status=PerpetratorStatus.CLAIMED)
    after = finding(140, date=FuzzyDate(2019, 3, 13), place=KABUL, country="AF")
    merged = merge_events([before, claim, after], 0.3)
    assert [m.place for m in merged] == [QUETTA, KABUL]
    assert merged[0].perpetrators == (ISKP,) and merged[1].perpetrators == ()


def test_event_merge_attackers_dead_told_later_do_not_replace_the_victims() -> None:
    toll = finding(0, date=FuzzyDate(2014, 12, 16), place=QUETTA, killed=Count(148, 148))
    attackers = finding(60, killed=Count(7, 7), attackers_killed=Count(7, 7))
    [merged] = merge_events([toll, attackers], 0.3)
    assert merged.killed == Count(148, 148)
    assert merged.attackers_killed == Count(7, 7)


def test_event_merge_two_sources_tolls_stay_side_by_side() -> None:
    claim = finding(0, date=FuzzyDate(2022, 5, 3), killed=Count(24, None), attributed_to="rebels")
    army = finding(60, killed=Count(10, 10), attributed_to="the army")
    [merged] = merge_events([claim, army], 0.3)
    assert merged.killed == Count(10, 10)
    assert {(f.count, f.attributed_to) for f in merged.other_figures} == {
        (Count(24, None), "rebels"),
        (Count(10, 10), "the army"),
    }


def test_event_merge_one_source_revising_its_toll_is_no_conflict() -> None:
    first = finding(0, date=FuzzyDate(2022, 5, 3), killed=Count(40, 40), attributed_to="police")
    later = finding(60, killed=Count(54, 54), attributed_to="police")
    [merged] = merge_events([first, later], 0.3)
    assert merged.killed == Count(54, 54) and merged.other_figures == ()


BALOCHISTAN = EntityRef("Balochistan", EntityKind.PLACE, "place:pk:balochistan", country="PK")


def _balochistan_holds(outer: str, inner: str) -> bool:
    return (outer, inner) == ("place:pk:balochistan", "place:pk:quetta")


def test_event_merge_a_headlines_province_and_the_bodys_town_are_one_place() -> None:
    headline = finding(0, place=BALOCHISTAN, country="PK", killed=Count(20, 20))
    body = finding(60, date=FuzzyDate(2021, 5, 3), place=QUETTA, country="PK")
    [merged] = merge_events([headline, body], 0.3, _balochistan_holds)
    assert merged.place == QUETTA and merged.killed == Count(20, 20)


def test_event_merge_a_province_alone_does_not_link_two_dated_events() -> None:
    first = finding(0, date=FuzzyDate(2021, 5), place=BALOCHISTAN, country="PK")
    second = finding(900, date=FuzzyDate(2021, 5, 3), place=QUETTA, country="PK")
    assert len(merge_events([first, second], 0.3, _balochistan_holds)) == 2


def test_event_merge_drop_echoes_of_a_written_out_event_of_that_day() -> None:
    day = FuzzyDate(2016, 1, 21)
    strong = finding(0, date=day, place=KABUL, confidence=0.8)
    echo = finding(400, date=day, confidence=0.2)
    other_day = finding(800, date=FuzzyDate(2016, 1, 2), confidence=0.2)
    assert drop_echoes([strong, echo, other_day], threshold=0.3) == [strong, other_day]


def test_event_merge_an_armed_assault_with_bombs_stays_an_armed_assault() -> None:
    bombs = finding(0, attack_type=AttackType.BOMBING)
    guns = finding(100, attack_type=AttackType.ARMED_ASSAULT)
    assert combine(bombs, guns).attack_type is AttackType.ARMED_ASSAULT


def test_event_merge_the_attackers_dead_told_far_after_join_the_attack() -> None:
    attack = finding(0, date=FuzzyDate(2016, 1, 14), place=KABUL, country="AF")
    end = finding(3000, country="AF", killed=Count(4, 4), attackers_killed=Count(4, 4))
    [merged] = merge_events([attack, end], 0.3)
    assert merged.date == FuzzyDate(2016, 1, 14) and merged.killed == Count(4, 4)


def test_event_merge_victims_told_far_after_stay_apart() -> None:
    attack = finding(0, date=FuzzyDate(2016, 1, 14), place=KABUL, country="AF")
    other = finding(3000, country="AF", killed=Count(4, 4))
    assert len(merge_events([attack, other], 0.3)) == 2


def test_event_merge_a_suicide_blast_told_later_is_part_of_an_assault() -> None:
    day = FuzzyDate(2016, 1, 13)
    for kind in (AttackType.ARMED_ASSAULT, AttackType.ASSASSINATION):
        first = finding(0, date=day, place=QUETTA, attack_type=kind)
        later = finding(300, date=day, place=QUETTA, attack_type=AttackType.SUICIDE_BOMBING)
        [merged] = merge_events([first, later], 0.3)
        assert merged.attack_type is kind
        clause = replace(first, evidence=Evidence(0, 40, "They carried out the attack;"))
        manner = replace(later, evidence=Evidence(41, 90, "he was killed in a bombing."))
        [told] = merge_events([clause, manner], 0.3)
        assert told.attack_type is AttackType.SUICIDE_BOMBING  # one sentence: the manner


def test_event_merge_a_suicide_blast_told_later_refines_a_bombing() -> None:
    day = FuzzyDate(2016, 1, 13)
    first = finding(0, date=day, place=QUETTA, attack_type=AttackType.BOMBING)
    later = finding(300, date=day, place=QUETTA, attack_type=AttackType.SUICIDE_BOMBING)
    [merged] = merge_events([first, later], 0.3)
    assert merged.attack_type is AttackType.SUICIDE_BOMBING


def test_event_merge_a_stated_toll_outranks_a_victim_named_after_it() -> None:
    toll = finding(0, date=FuzzyDate(2021, 8, 26), killed=Count.exactly(12))
    named = finding(60, date=FuzzyDate(2021, 8, 26), killed=Count.of_named(1))
    for order in ([toll, named], [named, toll]):
        [merged] = merge_events(order, 0.3)
        assert merged.killed == Count.exactly(12) and not merged.killed.named


def test_event_merge_a_stated_wounded_outranks_a_wounded_person_named() -> None:
    toll = finding(0, date=FuzzyDate(2021, 8, 26), wounded=Count.exactly(15))
    named = finding(60, date=FuzzyDate(2021, 8, 26), wounded=Count.of_named(1))
    assert combine(toll, named).wounded == Count.exactly(15)
    assert combine(named, toll).wounded == Count.exactly(15)


def test_event_merge_a_named_victim_is_kept_over_the_attackers_dead() -> None:
    named = finding(0, date=FuzzyDate(2021, 8, 26), killed=Count.of_named(1))
    attackers = finding(60, killed=Count.exactly(3), attackers_killed=Count.exactly(3))
    assert combine(named, attackers).killed == Count.of_named(1)


def test_event_merge_a_victim_named_by_another_source_is_no_conflicting_toll() -> None:
    toll = finding(0, date=FuzzyDate(2021, 8, 26), killed=Count.exactly(12), attributed_to="police")
    named = finding(60, date=FuzzyDate(2021, 8, 26), killed=Count.of_named(1), attributed_to="AP")
    [merged] = merge_events([toll, named], 0.3)
    assert merged.killed == Count.exactly(12) and merged.other_figures == ()


def test_event_merge_a_part_told_later_does_not_revise_the_toll() -> None:
    day = FuzzyDate(2022, 4, 9)
    toll = finding(0, date=day, killed=Count.at_least(40), wounded=Count.exactly(16))
    part = Count(1, 1, part=True)
    detail = finding(60, date=day, killed=part, wounded=part)
    merged = combine(toll, detail)
    assert (merged.killed, merged.wounded) == (Count.at_least(40), Count.exactly(16))


def test_event_merge_a_larger_part_or_a_new_toll_still_revises() -> None:
    day = FuzzyDate(2022, 4, 9)
    toll = finding(0, date=day, killed=Count.exactly(3))
    larger = finding(60, date=day, killed=Count(5, 5, part=True))
    revised = finding(60, date=day, killed=Count.exactly(2))
    assert combine(toll, larger).killed == Count.exactly(5)
    assert combine(toll, revised).killed == Count.exactly(2)
