"""Tests for a state's missions abroad, whose state is no event's country
(mosaic.extract.events.country)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import EventFinding, EventType

pytestmark = pytest.mark.slow
Events = Callable[[str], list[EventFinding]]
_HARM = (EventType.ATTACK, EventType.KILLING)


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded near the American embassy on Monday, damaging its gate.",
        "The U.S. embassy said that two teachers were killed on Sunday.",
        "Gunmen fired on the British consulate overnight, wounding a guard.",
    ],
)
def test_mission_owner_is_not_the_event_country(events: Events, text: str) -> None:
    found = [e for e in events(text) if e.type in _HARM]
    assert found and all(e.country not in ("US", "GB") for e in found)


def test_mission_in_a_named_city_takes_the_city_country(events: Events) -> None:
    found = events("A bomb exploded outside the American embassy in Kabul on Monday.")
    assert [e.country for e in found if e.type in _HARM] == ["AF"]
