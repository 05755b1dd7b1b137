"""Tests for wire-report patterns: "shot dead" and "gunned down" as attacks, a breakdown after
"among them" that adds nothing to the dead, and the attack type of the clause a trailing
"killing ..." hangs on."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import AttackType, Count, EventFinding, EventType, PerpetratorStatus
from support.findings import of_type, perpetrator_names

pytestmark = pytest.mark.slow
Events = Callable[[str], list[EventFinding]]


def test_event_report_patterns_shot_dead_is_an_attack_with_its_dead(events: Events) -> None:
    found = events("Gunmen shot dead three guards at a checkpoint in Peshawar on Monday.")
    attack = of_type(found, EventType.ATTACK)[0]
    assert attack.killed == Count.exactly(3)
    assert attack.attack_type is AttackType.ARMED_ASSAULT


def test_event_report_patterns_gunned_down_is_an_attack(events: Events) -> None:
    found = events("Two teachers were gunned down outside a school in Quetta on Sunday.")
    assert of_type(found, EventType.ATTACK)


def test_event_report_patterns_among_them_does_not_add_to_the_dead(events: Events) -> None:
    text = (
        "A blast tore through a market in Kabul on Friday, killing eight people, among them two "
        "boys."
    )
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert attack.killed == Count.exactly(8)


def test_event_report_patterns_trailing_killing_takes_the_bomb_of_its_clause(
    events: Events,
) -> None:
    text = "A roadside bomb hit a van in Kabul on Friday, killing eight passengers."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert attack.attack_type is AttackType.BOMBING


def test_event_report_patterns_unknown_town_takes_the_country_of_its_context(
    events: Events,
) -> None:
    text = "Gunmen killed four traders near Zarkot in Nangarhar's Achin district on Sunday."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert attack.place is not None and attack.place.name == "Zarkot"
    assert attack.place.country == "AF" and attack.country == "AF"


def test_event_report_patterns_pronoun_agent_stands_for_the_group(events: Events) -> None:
    text = "The ALF said on Monday that they carried out the bombing of a police station."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert "Alpha Liberation Front" in perpetrator_names(attack)
    assert attack.perpetrator_status is PerpetratorStatus.CLAIMED


def test_event_report_patterns_attackers_are_not_the_attacks_targets(events: Events) -> None:
    found = events("All four attackers were killed by police after a long siege.")
    attack = of_type(found, EventType.ATTACK)[0]
    assert attack.targets == ()
    assert attack.attackers_killed == Count.exactly(4)


def test_event_report_patterns_killing_goes_to_the_strike_that_caused_it(events: Events) -> None:
    text = (
        "Militants avenged the bombing of a shrine to Mullah Omar, who had been killed by a "
        "US drone strike in 2016."
    )
    found = events(text)
    [killing] = of_type(found, EventType.KILLING)
    assert killing.date is not None and killing.date.year == 2016
    assert "United States" in perpetrator_names(killing)
    bombing = of_type(found, EventType.ATTACK)[0]
    assert bombing.date is None and bombing.killed is None


def test_event_report_patterns_an_attacked_rally_is_the_attacks_venue(events: Events) -> None:
    found = events("A suicide bomber struck a protest in Kabul on Monday, killing 20 people.")
    assert of_type(found, EventType.PROTEST) == []
    attack = of_type(found, EventType.ATTACK)[0]
    assert attack.place is not None and attack.place.name == "Kabul"


def test_event_report_patterns_a_rally_of_its_own_is_a_protest(events: Events) -> None:
    found = events("Thousands joined a rally in Kabul on Friday against the killings.")
    assert of_type(found, EventType.PROTEST)


def test_event_report_patterns_the_date_of_the_telling_is_not_the_events(events: Events) -> None:
    text = "The ALF claimed a rocket attack on a border post, its spokesman said on Thursday."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert attack.date is None


def test_event_report_patterns_a_captured_commander_is_an_arrest(events: Events) -> None:
    found = events("Their commander, Mullah Omar, was captured by police in Quetta in May.")
    assert of_type(found, EventType.ARREST)
    assert of_type(found, EventType.MILITARY_OPERATION) == []


def test_event_report_patterns_a_captured_town_is_no_arrest(events: Events) -> None:
    found = events("The militants captured Quetta after a week of fighting in May.")
    assert of_type(found, EventType.ARREST) == []
