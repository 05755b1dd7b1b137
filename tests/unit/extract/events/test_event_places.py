"""Tests for an event's place (mosaic.extract.events.places): one event told in several towns,
and places that describe a person rather than the event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mosaic.extract.pipeline import Extractor
from mosaic.model import EventFinding, EventType, Report
from support.findings import of_type

pytestmark = pytest.mark.slow
Events = Callable[..., list[EventFinding]]


def test_event_places_two_towns_coordinated_make_a_countrywide_event(events: Events) -> None:
    found = of_type(
        events(
            "Bombs killed a shopkeeper in the northern city of Mardan and a guard in the "
            "southern city of Sukkur."
        ),
        EventType.ATTACK,
    )
    assert [(f.place, f.country) for f in found] == [(None, "PK")]


def test_event_places_two_events_in_two_clauses_keep_their_towns(events: Events) -> None:
    found = events(
        "The militants said they killed a guard in Mardan on Sunday, and they also announced "
        "a shooting in Sukkur."
    )
    assert {f.place.name for f in found if f.place is not None} >= {"Sukkur"}


def test_event_places_a_speakers_town_is_not_the_events(events: Events) -> None:
    found = of_type(
        events("Sara Ahmed, a lawyer and commentator in Peshawar, says the blasts shocked people."),
        EventType.ATTACK,
    )
    assert found
    assert all(f.place is None for f in found)


def test_event_places_headline_place_run_on_into_the_event(extractor: Extractor) -> None:
    report = Report(
        text="Six Killed in Mardan Bomb Blasts\n\nThe city was quiet on Sunday.",
        published=dt.date(2016, 1, 21),
    )
    found = of_type(extractor.extract(report).events, EventType.ATTACK)
    assert [f.place.name if f.place else None for f in found] == ["Mardan"]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("A bomb went off on the outskirts of Mardan on Friday, killing four people.", "Mardan"),
        ("A grenade exploded in the heart of Sukkur on Friday, wounding six people.", "Sukkur"),
        ("Gunmen fired on a van on the edge of Mardan on Friday, killing two guards.", "Mardan"),
    ],
)
def test_event_places_a_part_of_a_town_places_the_event_in_the_town(
    events: Events, text: str, town: str
) -> None:
    found = of_type(events(text), EventType.ATTACK)
    assert [f.place.name for f in found if f.place is not None] == [town]
