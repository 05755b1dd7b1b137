"""Tests for an attack's country read from the homes of the armed groups it involves."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import EventFinding, EventType
from support.findings import of_type

pytestmark = pytest.mark.slow
Events = Callable[[str], list[EventFinding]]


def test_event_country_parties_groups_with_one_home(events: Events) -> None:
    found = events("In June, IS beheaded ten captured Taliban fighters.")
    assert [a.country for a in of_type(found, EventType.ATTACK)] == ["AF"]


def test_event_country_parties_the_attackers_home(events: Events) -> None:
    found = events("The TTP claimed an attack on a convoy in June.")
    assert [a.country for a in of_type(found, EventType.ATTACK)] == ["PK"]


def test_event_country_parties_groups_of_two_homes_say_nothing(events: Events) -> None:
    found = events("In June, the TTP attacked ISKP fighters.")
    assert [a.country for a in of_type(found, EventType.ATTACK)] == [None]


def test_event_country_parties_another_state_in_the_sentence_says_nothing(
    events: Events,
) -> None:
    found = events("Talks stalled after the TTP's attack and the Russian army's response.")
    assert [a.country for a in of_type(found, EventType.ATTACK)] == [None]
