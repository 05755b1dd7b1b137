"""Tests for which of a sentence's dates dates an event (mosaic.extract.events.dates)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import EventFinding, EventType

pytestmark = pytest.mark.slow

Events = Callable[..., list[EventFinding]]


@pytest.mark.parametrize(
    "sentence",
    ["Two bombs tore through a cathedral in Mardan during Sunday Mass, killing 20 people.",
     "Gunmen fired on worshippers in Mardan during Friday prayers, killing 12 people."],
)  # fmt: skip
def test_event_dates_the_weekday_of_the_rite_an_attack_struck_dates_it(
    events: Events, sentence: str
) -> None:
    """Published Thursday 21 January 2016: the Sunday and Friday before."""
    attacks = [f for f in events(sentence) if f.type is EventType.ATTACK]
    days = {"Sunday": "2016-01-17", "Friday": "2016-01-15"}
    expected = next(day for name, day in days.items() if name in sentence)
    assert [f.date.iso() for f in attacks if f.date] == [expected]


def test_event_dates_a_date_of_another_noun_dates_not_the_event(events: Events) -> None:
    found = events(
        "The rebels, who have vowed to disrupt the June 9 vote, have carried out bombings "
        "across the province, killing 12 people."
    )
    attacks = [f for f in found if f.type is EventType.ATTACK]
    assert attacks
    assert all(f.date is None or f.date.month != 6 for f in attacks)


def test_event_dates_a_date_in_the_events_phrase_still_dates_it(events: Events) -> None:
    found = events("Gunmen opened fire at a June 9 rally in Mardan, killing 12 people.")
    attacks = [f for f in found if f.type is EventType.ATTACK]
    assert [f.date.iso() for f in attacks if f.date] == ["2015-06-09"]


def test_event_dates_of_two_as_near_the_trigger_s_own_dates_it(events: Events) -> None:
    found = events("Police reported today that the judge was shot dead on Monday, 4 January.")
    attacks = [f for f in found if f.type is EventType.ATTACK]
    assert [f.date.iso() for f in attacks if f.date] == ["2016-01-04"]


def test_event_dates_a_datelines_day_yields_to_the_sentences_own(events: Events) -> None:
    found = events("MULTAN, 21 January 2016 — Gunmen shot dead a judge in Multan on Monday.")
    attacks = [f for f in found if f.type is EventType.ATTACK]
    assert [f.date.iso() for f in attacks if f.date] == ["2016-01-18"]


def test_event_dates_a_datelines_day_alone_still_dates_the_event(events: Events) -> None:
    found = events("MULTAN, 19 January 2016 — Gunmen shot dead a judge in Multan.")
    attacks = [f for f in found if f.type is EventType.ATTACK]
    assert [f.date.iso() for f in attacks if f.date] == ["2016-01-19"]


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from the hotel attack rose to 21 on Sunday.",
        "The toll of the market bombing climbed to 40 on Monday, officials said.",
    ],
)
def test_event_dates_the_day_a_toll_rose_dates_not_the_event(events: Events, text: str) -> None:
    attacks = [f for f in events(text) if f.type is EventType.ATTACK]
    assert attacks
    assert all(f.date is None for f in attacks)


def test_event_dates_a_toll_in_the_events_own_sentence_leaves_its_day(events: Events) -> None:
    found = events("A bomb killed nine people in Zhob on Sunday, and the toll rose on Monday.")
    attacks = [f for f in found if f.type is EventType.ATTACK]
    assert [f.date.iso() for f in attacks if f.date] == ["2016-01-17"]


@pytest.mark.parametrize(
    "text",
    [
        "Mourners met in Mardan on Sunday to mark two years since the bombing of the bazaar.",
        "It has been two years since the bombing of the bazaar in Mardan.",
    ],
)
def test_event_dates_a_time_counted_since_an_event_dates_it(events: Events, text: str) -> None:
    """Published 2016-01-21: the bombing lies two years before, not on the Sunday."""
    attacks = [f for f in events(text) if f.type is EventType.ATTACK]
    assert [f.date.iso() for f in attacks if f.date] == ["2014"]


def test_event_dates_a_date_in_the_phrase_counted_since_still_dates_it(events: Events) -> None:
    found = events("Mourners met on Sunday to mark the days since the bombing on 3 March 2015.")
    attacks = [f for f in found if f.type is EventType.ATTACK]
    assert [f.date.iso() for f in attacks if f.date] == ["2015-03-03"]


@pytest.mark.parametrize(
    "text",
    ["Gunmen shot dead a judge in Multan on Tuesday evening.",
     "A bomb killed two guards at a checkpoint in Multan at about 9 a.m. Tuesday."],
)  # fmt: skip
def test_event_dates_a_weekday_on_a_time_of_day_dates_the_event(events: Events, text: str) -> None:
    attacks = [f for f in events(text) if f.type is EventType.ATTACK]
    assert [f.date.iso() for f in attacks if f.date] == ["2016-01-19"]


def test_event_dates_an_event_a_day_after_another_dates_both(events: Events) -> None:
    text = "Police arrested four men in Multan on Tuesday, a day after gunmen attacked a bank."
    found = {f.type: f.date.iso() if f.date else None for f in events(text)}
    assert found == {EventType.ARREST: "2016-01-19", EventType.ATTACK: "2016-01-18"}


def test_event_dates_a_clause_counted_from_another_keeps_a_date_of_its_own(events: Events) -> None:
    text = (
        "Police arrested four men on Tuesday, two weeks after gunmen attacked a bank on January 5."
    )
    found = {f.type: f.date.iso() if f.date else None for f in events(text)}
    assert found == {EventType.ARREST: "2016-01-19", EventType.ATTACK: "2016-01-05"}


@pytest.mark.parametrize(
    "text",
    [
        "Officials said on Tuesday that a separatist front had organized an attack on a bus.",
        "In a statement on Tuesday, the front said two of its men had bombed a bus depot.",
    ],
)
def test_event_dates_a_tellings_date_dates_not_an_act_told_in_the_past_perfect(
    events: Events, text: str
) -> None:
    attacks = [f for f in events(text) if f.type is EventType.ATTACK]
    assert attacks
    assert all(f.date is None for f in attacks)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said on Tuesday that gunmen attacked a bus near the border.",
        "Police said on Tuesday they had arrested six men near the border.",
    ],
)
def test_event_dates_a_tellings_date_still_dates_an_act_told_as_done_or_the_tellers_own(
    events: Events, text: str
) -> None:
    found = events(text)
    assert found
    assert all(f.date is not None and f.date.iso().endswith("-19") for f in found)
