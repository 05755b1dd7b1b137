"""Tests for event dates: a date hung on a verb above a clause that tells who a noun is (the
search, the sketches, the manhunt) dates that verb's act, not the event the clause recalls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mosaic.model import EventFinding, EventType
from support.findings import of_type

Events = Callable[..., list[EventFinding]]
PUBLISHED = dt.date(2021, 10, 14)  # a Thursday


def _attack_dates(found: list[EventFinding]) -> list[str | None]:
    return [f.date.iso() if f.date else None for f in of_type(found, EventType.ATTACK)]


@pytest.mark.slow
def test_event_dates_outer_acts_sketches_of_suspects(events: Events) -> None:
    text = (
        "Police on Thursday released sketches of two men suspected of gunning down nine "
        "villagers near Bannu."
    )
    assert _attack_dates(events(text, PUBLISHED)) == [None]


@pytest.mark.slow
def test_event_dates_outer_acts_search_for_attackers(events: Events) -> None:
    text = (
        "Soldiers on Wednesday widened a hunt for gunmen who ambushed a police convoy near "
        "Tank, killing four officers."
    )
    assert _attack_dates(events(text, PUBLISHED)) == [None]


@pytest.mark.slow
def test_event_dates_outer_acts_clause_on_the_date_keeps_it(events: Events) -> None:
    text = (
        "It was the deadliest attack in the district since June 2019, when rebels ambushed a "
        "convoy near Sukma, killing 12 policemen."
    )
    assert "2019-06" in _attack_dates(events(text, PUBLISHED))


@pytest.mark.slow
def test_event_dates_outer_acts_date_inside_the_clause(events: Events) -> None:
    text = "Militants who on Monday stormed a checkpoint in Khyber killed three soldiers."
    assert _attack_dates(events(text, PUBLISHED)) == ["2021-10-11"]


@pytest.mark.slow
def test_event_dates_outer_acts_count_participle_is_no_clause(events: Events) -> None:
    text = (
        "On 3 May 2019, at least 12 people were killed and over 40 injured in a bombing that "
        "hit a bus station in Quetta."
    )
    assert "2019-05-03" in _attack_dates(events(text, PUBLISHED))


@pytest.mark.slow
def test_event_dates_outer_acts_date_after_the_clause_stays(events: Events) -> None:
    text = (
        "He was replaced by Abdul Karim, who was also killed, along with his driver, in a "
        "shootout in Multan in 2017."
    )
    found = events(text, PUBLISHED)
    dates = [f.date.iso() if f.date else None for f in found]
    assert "2017" in dates


@pytest.mark.slow
def test_event_dates_outer_acts_an_infinitive_on_a_noun_is_dated(events: Events) -> None:
    text = (
        "On March 18 the army deployed warplanes to hit rebel camps near Zhob, targeting the "
        "faction that had claimed the killing of seven soldiers two days previously."
    )
    found = of_type(events(text, PUBLISHED), EventType.MILITARY_OPERATION)
    assert "2021-03-18" in [f.date.iso() if f.date else None for f in found]
