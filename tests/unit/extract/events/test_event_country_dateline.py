"""Tests for the report's country focus read from its dateline (mosaic.extract.events.focus)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.events.focus import country_focus, focus_country
from mosaic.extract.places.datelines import Dateline
from mosaic.extract.places.table import Place
from mosaic.model import EventFinding, EventType

QUETTA = Dateline(Place("place:pk:quetta", "Quetta", (), "PK", None, "city", 30.2, 67.0), 30)


def _mention(country: str, role: Role = Role.PLACE, at: int = 100) -> EntityMention:
    return EntityMention(0, 1, at, at + 1, "x", "GPE", role, None, country)


def test_dateline_country_is_the_focus_few_mentions_leave_open() -> None:
    assert country_focus([_mention("PK")], dateline=QUETTA) == "PK"
    assert country_focus([_mention("PK", Role.DEMONYM)], dateline=QUETTA) == "PK"
    us = _mention("US", Role.COUNTRY)
    assert country_focus([_mention("PK")] * 2 + [us] * 2, dateline=QUETTA) == "PK"
    assert country_focus([_mention("PK")] * 2) is None


def test_dateline_country_must_be_named_again_after_the_dateline() -> None:
    assert country_focus([], dateline=QUETTA) is None
    assert country_focus([_mention("PK", at=0)], dateline=QUETTA) is None


def test_dateline_country_yields_to_a_country_with_more_mentions() -> None:
    us = _mention("US", Role.COUNTRY)
    assert country_focus([_mention("PK")] + [us] * 3, dateline=QUETTA) is None
    assert country_focus([_mention("AF")] * 8, dateline=QUETTA) == "AF"


def test_dateline_country_yields_to_a_place_named_abroad() -> None:
    assert country_focus([_mention("PK"), _mention("AF")], dateline=QUETTA) is None


def test_dateline_focus_only_for_events_that_happen_somewhere() -> None:
    mentions = [_mention("PK")]
    assert focus_country(EventType.ATTACK, (), mentions, dateline=QUETTA) == "PK"
    assert focus_country(EventType.MEETING, (), mentions, dateline=QUETTA) is None


@pytest.mark.slow
def test_dateline_gives_an_unplaced_attack_its_country(
    events: Callable[[str], list[EventFinding]],
) -> None:
    text = (
        "Quetta, June 4 (Wire) -- Traders closed their shops in Quetta on Tuesday in "
        "protest. Unidentified gunmen had killed a shopkeeper the night before, the police "
        "said."
    )
    attacks = [e for e in events(text) if e.type in (EventType.ATTACK, EventType.KILLING)]
    assert attacks and all(e.country == "PK" for e in attacks)
