"""Tests for a bare police force as the country's police, and for the force telling of an
agentless arrest as the one that made it (mosaic.extract.events.reporting_forces)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import EventFinding, EventType
from support.findings import of_type, perpetrator_names

pytestmark = pytest.mark.slow
Events = Callable[[str], list[EventFinding]]
FOCUS = "Pakistan closed roads in Quetta, Peshawar, Mardan and Sukkur on Sunday. "
"""A sentence giving the report its country of focus (five Pakistani places)."""


def test_reporting_forces_police_arresting_are_the_countrys_police(events: Events) -> None:
    arrest = of_type(events(FOCUS + "The police arrested four men in Quetta."), EventType.ARREST)[0]
    assert {"Pakistan", "Pakistan police", "police"} <= perpetrator_names(arrest)


def test_reporting_forces_the_army_is_the_state_and_its_army_not_police(events: Events) -> None:
    found = events(FOCUS + "The army arrested four men in Quetta.")
    arrest = of_type(found, EventType.ARREST)[0]
    names = perpetrator_names(arrest)
    assert {"Pakistan", "Pakistani military"} <= names and "Pakistan police" not in names


def test_reporting_forces_police_telling_of_an_agentless_arrest_made_it(events: Events) -> None:
    text = FOCUS + "Police said two men, detained near Quetta at the weekend, belong to the ALF."
    arrest = of_type(events(text), EventType.ARREST)[0]
    assert {"Pakistan", "police"} <= perpetrator_names(arrest)


def test_reporting_forces_officials_telling_of_an_arrest_did_not_make_it(events: Events) -> None:
    text = FOCUS + "Officials said two men, detained near Quetta at the weekend, belong to the ALF."
    arrest = of_type(events(text), EventType.ARREST)[0]
    assert "police" not in perpetrator_names(arrest)


def test_reporting_forces_police_telling_of_an_attack_did_not_carry_it_out(
    events: Events,
) -> None:
    text = FOCUS + "Police say the bus, attacked on Sunday near Quetta, carried eleven pilgrims."
    attacks = of_type(events(text), EventType.ATTACK)
    assert attacks
    assert all("police" not in perpetrator_names(attack) for attack in attacks)


def test_reporting_forces_no_country_of_focus_names_no_police(events: Events) -> None:
    text = "Police said two men, detained at the weekend, belong to the ALF."
    arrest = of_type(events(text), EventType.ARREST)[0]
    assert arrest.perpetrators == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The army said on Friday that its aircraft had bombed a rebel camp near Quetta.",
        "On Friday the army said it had bombed a rebel camp near Quetta.",
    ],
)
def test_reporting_forces_army_telling_of_its_own_strike_carried_it_out(
    events: Events, sentence: str
) -> None:
    strike = of_type(events(FOCUS + sentence), EventType.MILITARY_OPERATION)[0]
    assert "Pakistan" in perpetrator_names(strike)


def test_reporting_forces_army_telling_of_a_groups_strike_did_not_make_it(
    events: Events,
) -> None:
    text = FOCUS + "The army said the militants had bombed a police post near Quetta on Friday."
    assert all("Pakistan" not in perpetrator_names(e) for e in events(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "Pakistan said on Friday it had carried out strikes on rebel camps near Jalalabad.",
        "Pakistan said that it had struck rebel hideouts near Jalalabad on Friday.",
    ],
)
def test_reporting_forces_a_country_telling_of_its_own_strike_carried_it_out(
    events: Events, sentence: str
) -> None:
    strike = of_type(events(sentence), EventType.MILITARY_OPERATION)[0]
    assert {"Pakistan", "Pakistani military"} <= perpetrator_names(strike)


def test_reporting_forces_a_country_telling_of_its_own_arrest_is_the_state_alone(
    events: Events,
) -> None:
    arrest = of_type(events("Pakistan said it had arrested three men."), EventType.ARREST)[0]
    assert perpetrator_names(arrest) >= {"Pakistan"}
    assert "Pakistani military" not in perpetrator_names(arrest)


def test_reporting_forces_a_country_telling_of_others_strike_did_not_make_it(
    events: Events,
) -> None:
    text = "Pakistan said the militants had bombed a police post near Jalalabad on Friday."
    assert all("Pakistan" not in perpetrator_names(e) for e in events(text))
