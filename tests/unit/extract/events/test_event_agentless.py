"""Tests for the state that did an arrest or a ban told with no agent
(mosaic.extract.events.agentless)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import EventFinding, EventType
from support.findings import of_type, perpetrator_names

pytestmark = pytest.mark.slow
Events = Callable[[str], list[EventFinding]]


def test_agentless_an_arrest_after_a_states_raid_is_that_states(events: Events) -> None:
    text = (
        "Russian troops killed a rebel commander in a raid on a farm outside Moscow on Monday. "
        "Three of his bodyguards were arrested."
    )
    arrest = of_type(events(text), EventType.ARREST)[0]
    assert "Russia" in perpetrator_names(arrest)


def test_agentless_a_ban_in_a_country_is_its_states(events: Events) -> None:
    found = events("The Alpha Liberation Front has been banned in Russia since 2003.")
    assert "Russia" in perpetrator_names(of_type(found, EventType.DESIGNATION)[0])


def test_agentless_an_arrest_by_a_named_party_is_left_to_it(events: Events) -> None:
    found = events("Taliban fighters arrested three men in Kabul on Monday.")
    assert "Afghanistan" not in {n for f in found for n in perpetrator_names(f)}


def test_agentless_officers_serve_in_the_force_told_before(events: Events) -> None:
    text = (
        "Russian troops raided a farm outside Moscow on Monday, killing two gunmen. "
        "Officers arrested three men at the farm."
    )
    arrest = of_type(events(text), EventType.ARREST)[0]
    assert "Russia" in perpetrator_names(arrest)


def test_agentless_an_arrest_near_the_police_told_of_is_the_countrys_police(
    events: Events,
) -> None:
    text = (
        "A police spokesman in Pakistan said officers had searched a market in Sukkur. "
        "Three of the ALF's men were arrested in Mardan on Friday, the spokesman said."
    )
    arrest = of_type(events(text), EventType.ARREST)[0]
    assert {"Pakistan", "Pakistani police"} <= perpetrator_names(arrest)


def test_agentless_a_ban_near_the_police_told_of_is_the_states_alone(events: Events) -> None:
    text = "Police guarded the court in Sukkur. The ALF has been banned in Pakistan since 2003."
    ban = of_type(events(text), EventType.DESIGNATION)[0]
    assert "Pakistani police" not in perpetrator_names(ban)


def test_agentless_an_arrest_in_a_report_naming_one_country_is_its_police(
    events: Events,
) -> None:
    text = (
        "A shopkeeper was shot dead in Quetta last week. "
        "Two men were arrested on Monday, a police spokesman said."
    )
    arrest = of_type(events(text), EventType.ARREST)[0]
    assert {"Pakistan", "Pakistani police"} <= perpetrator_names(arrest)


def test_agentless_an_arrest_in_a_report_naming_two_countries_is_no_ones(events: Events) -> None:
    text = (
        "A shopkeeper from Kabul was shot dead in Quetta last week. "
        "Two men were arrested on Monday, a police spokesman said."
    )
    arrest = of_type(events(text), EventType.ARREST)[0]
    assert not perpetrator_names(arrest)
