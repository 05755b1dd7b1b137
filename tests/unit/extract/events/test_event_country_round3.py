"""Tests for event country and perpetrators, round 3: "-led" agents, a gerund after "by",
partners in a carried-out act, events listed with "including", spokesmen claiming for
their group, a ban imposed, places nested under another event, a place naming a person's
home, and the report's country focus."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.events.focus import country_focus, focus_country
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EventFinding, EventType, PerpetratorStatus
from support.findings import of_type, perpetrator_names

pytestmark = pytest.mark.slow
Contexts = Callable[..., list[SentenceContext]]
Events = Callable[[str], list[EventFinding]]


def test_round3_led_modifier_names_the_state(events: Events) -> None:
    found = events("Dozens of fighters died in 2010 during the American-led invasion of Kunar.")
    operation = of_type(found, EventType.MILITARY_OPERATION)[0]
    assert "United States" in perpetrator_names(operation)


def test_round3_gerund_after_by_takes_clause_subject(events: Events) -> None:
    text = "The TTP shocked the valley by beheading four captured soldiers in May 2013."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert "Tehreek-i-Taliban Pakistan" in perpetrator_names(attack)


def test_round3_partner_shares_carried_out_act(events: Events) -> None:
    text = "The TTP worked with ISKP to carry out the bombing of a bus station in 2014."
    attack = of_type(events(text), EventType.ATTACK)[0]
    expected = {"Tehreek-i-Taliban Pakistan", "Islamic State Khorasan Province"}
    assert expected <= perpetrator_names(attack)


def test_round3_listed_event_inherits_claim(events: Events) -> None:
    text = (
        "The TTP has claimed responsibility for a wave of attacks on police, "
        "including two bombings that killed nine officers in Peshawar in 2012."
    )
    attacks = [a for a in of_type(events(text), EventType.ATTACK) if a.place is not None]
    bombing = next(a for a in attacks if a.place and a.place.name == "Peshawar")
    assert "Tehreek-i-Taliban Pakistan" in perpetrator_names(bombing)
    assert bombing.perpetrator_status is PerpetratorStatus.CLAIMED
    assert bombing.country == "PK"


def test_round3_listed_event_under_acting_verb(events: Events) -> None:
    text = "Since 2019 ISKP has repeatedly targeted Shia worshippers, including a mosque bombing."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert "Islamic State Khorasan Province" in perpetrator_names(attack)


def test_round3_listed_event_takes_host_country(events: Events) -> None:
    text = (
        "He is thought to have planned attacks in Pakistan including the assassination of a judge."
    )
    found = [f for f in events(text) if f.targets]
    assert [f.targets[0].name for f in found] == ["judge"]
    assert found[0].country == "PK"


def test_round3_spokesman_claims_for_his_group(events: Events) -> None:
    text = (
        "The TTP has grown in the north. "
        "Spokesman Abdul Wali claimed responsibility for the raid on the checkpoint."
    )
    attack = of_type(events(text), EventType.ATTACK)[-1]
    assert "Tehreek-i-Taliban Pakistan" in perpetrator_names(attack)
    assert "Abdul Wali" not in perpetrator_names(attack)


def test_round3_imposed_ban_names_the_state(events: Events) -> None:
    found = events("In March 2015 the Pakistani government imposed a ban on the ALF.")
    designation = of_type(found, EventType.DESIGNATION)[0]
    assert "Pakistan" in perpetrator_names(designation)


def test_round3_place_under_nested_event(events: Events) -> None:
    text = "In May 2014 gunmen carried out an attack on soldiers guarding operations in Quetta."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert attack.country == "PK"


def test_round3_place_naming_a_persons_home(events: Events) -> None:
    text = "On 3 May 2015 a suicide bomber attacked the office of a senior Jalalabad lawmaker."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert attack.country == "AF"


def _mention(country: str, role: Role = Role.PLACE) -> EntityMention:
    return EntityMention(0, 1, 0, 1, "x", "GPE", role, None, country)


def test_round3_country_focus_needs_a_clear_majority() -> None:
    assert country_focus([_mention("PK")] * 6 + [_mention("AF")]) == "PK"
    assert country_focus([_mention("PK")] * 5 + [_mention("AF")] * 4) is None
    assert country_focus([_mention("PK")] * 3) is None
    assert country_focus([_mention("PK", Role.DEMONYM)] * 9) is None


def test_round3_focus_only_for_events_that_happen_somewhere() -> None:
    mentions = [_mention("AF")] * 8
    assert focus_country(EventType.ATTACK, (), mentions) == "AF"
    assert focus_country(EventType.MEETING, (), mentions) is None
    foreign = [_mention("US", Role.STATE)]
    assert focus_country(EventType.MILITARY_OPERATION, foreign, mentions) is None
