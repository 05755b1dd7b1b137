"""Tests for state forces and arms named without their state, and forces telling of a fight,
as the state whose forces they are (mosaic.extract.events.state_forces)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import EventFinding, EventType
from support.findings import of_type, perpetrator_names

pytestmark = pytest.mark.slow
Events = Callable[[str], list[EventFinding]]
FOCUS = "Pakistan closed roads in Quetta, Peshawar, Mardan and Sukkur on Sunday. "
"""A sentence giving the report its country of focus (five Pakistani places)."""


@pytest.mark.parametrize(
    "sentence",
    [
        "Military helicopters and warplanes were pounding rebel hideouts near Quetta on Monday.",
        "Security forces raided a hideout in Quetta on Friday, killing three suspected militants.",
        "Commandos stormed the hotel in Quetta on Sunday, killing four gunmen.",
        "Government troops launched an offensive near Mardan on Tuesday.",
        "Artillery shelled militant positions outside Sukkur overnight.",
    ],
)
def test_state_forces_unnamed_forces_act_for_the_reports_state(
    events: Events, sentence: str
) -> None:
    found = events(FOCUS + sentence)
    operation = of_type(found, EventType.MILITARY_OPERATION)[0]
    assert "Pakistan" in perpetrator_names(operation)
    assert of_type(found, EventType.ATTACK) == []


def test_state_forces_another_states_forces_stay_that_state(events: Events) -> None:
    found = events(FOCUS + "American drones struck a militant hideout near Quetta on Friday.")
    operation = of_type(found, EventType.MILITARY_OPERATION)[0]
    assert "Pakistan" not in perpetrator_names(operation)


def test_state_forces_a_militia_is_no_state(events: Events) -> None:
    found = events(FOCUS + "Tribal militiamen raided a village near Quetta on Friday.")
    assert of_type(found, EventType.MILITARY_OPERATION) == []
    attack = of_type(found, EventType.ATTACK)[0]
    assert "Pakistan" not in perpetrator_names(attack)


def test_state_forces_no_country_of_focus_names_no_state(events: Events) -> None:
    found = events("Military helicopters were pounding rebel hideouts on Monday.")
    operation = of_type(found, EventType.MILITARY_OPERATION)[0]
    assert operation.perpetrators == ()


@pytest.mark.parametrize(
    "teller", ["The Pakistani military says", "The army says", "Pakistani troops said"]
)
def test_state_forces_forces_telling_of_a_fight_fought_it(events: Events, teller: str) -> None:
    text = FOCUS + f"{teller} 40 militants and three soldiers were killed near Quetta on Monday."
    operation = of_type(events(text), EventType.MILITARY_OPERATION)[0]
    assert "Pakistan" in perpetrator_names(operation)


def test_state_forces_forces_telling_of_an_attack_did_not_carry_it_out(events: Events) -> None:
    text = FOCUS + "The army says two soldiers were killed in a bomb attack near Quetta on Monday."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert attack.perpetrators == ()


def test_state_forces_officials_telling_of_a_fight_did_not_fight_it(events: Events) -> None:
    text = (
        FOCUS + "Officials say 40 militants and three soldiers were killed near Quetta on Monday."
    )
    operation = of_type(events(text), EventType.MILITARY_OPERATION)[0]
    assert operation.perpetrators == ()


@pytest.mark.parametrize("act", ["counter-offensive", "counter-assault"])
def test_state_forces_a_counter_offensive_is_an_operation(events: Events, act: str) -> None:
    found = events(FOCUS + f"The army launched a {act} near Quetta on Tuesday.")
    operation = of_type(found, EventType.MILITARY_OPERATION)[0]
    assert {"Pakistan", "Pakistani military"} <= perpetrator_names(operation)
