"""Tests for event dates and casualty counts, round 3: relative phrases counted from the
narrative ("the year before", "a few days later", "earlier in the month"), asides after a
date, year spans, founding dates from a page's summary box, and counts stated as "N dead
and M injured", "a fifth", "along with" a named person, or attackers killed by the forces
of an operation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mosaic.extract.dates.document import DateResolver
from mosaic.extract.dates.phrases import DateContext, clean_phrase, read_offset
from mosaic.extract.events.founding_dates import box_start_date
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import Count, EventFinding, EventType, FuzzyDate
from support.findings import of_type

Contexts = Callable[..., list[SentenceContext]]
Events = Callable[..., list[EventFinding]]
PUBLISHED = dt.date(2019, 6, 30)


def _iso(resolver: DateResolver, phrase: str) -> str | None:
    value = resolver.resolve(phrase)
    return value.start.iso() if value else None


@pytest.mark.parametrize(
    ("phrase", "cleaned"),
    [("Later that year", "that year"), ("in late May", "may"), ("mid-2012", "2012")],
)
def test_event_dates_round3_leading_words_stop_at_word_end(phrase: str, cleaned: str) -> None:
    assert clean_phrase(phrase) == cleaned


@pytest.mark.parametrize(
    ("anchor", "phrase", "expected"),
    [
        (FuzzyDate(2018, 3, 10), "a few days later", "2018-03"),
        (FuzzyDate(2018, 3, 29), "a few days later", None),  # may fall in April
        (FuzzyDate(2018, 3, 10), "several days earlier", "2018-03"),
        (FuzzyDate(2018, 3), "a few days later", "2018-03"),
    ],
)
def test_event_dates_round3_few_days_give_a_month_when_sure(
    anchor: FuzzyDate, phrase: str, expected: str | None
) -> None:
    value = read_offset(phrase, DateContext(PUBLISHED, anchor))
    assert (value.start.iso() if value else None) == expected


def test_event_dates_round3_relatives_count_from_the_narrative() -> None:
    resolver = DateResolver(PUBLISHED)
    assert _iso(resolver, "12 March 2018") == "2018-03-12"
    assert _iso(resolver, "earlier in the month") == "2018-03"
    assert _iso(resolver, "later in the year") == "2018"


def test_event_dates_round3_relatives_survive_a_paragraph_break() -> None:
    resolver = DateResolver(PUBLISHED)
    assert _iso(resolver, "4 October 2017") == "2017-10-04"
    resolver.new_paragraph()
    assert _iso(resolver, "the next day") == "2017-10-05"
    resolver.new_paragraph()
    assert _iso(resolver, "in May") == "2019-05"  # a bare month is read afresh


def test_event_dates_round3_year_span_is_one_date() -> None:
    value = DateResolver(PUBLISHED).resolve("2005–2007")
    assert value is not None and value.end is not None
    assert (value.start.iso(), value.end.iso()) == ("2005", "2007")


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        ("Some Front\nActive 3 May 2009[2]–present\nIdeology Jihadism\n", "2009-05-03"),
        ("Some Front\nDates of operation2004–2016\n", "2004"),
        ("Some Front\n| Founded | June 1999 |\n", "1999-06"),
        ("Some Front\nActive regionsPakistan\nFormed in the hills, later\n", None),
    ],
)
def test_event_dates_round3_summary_box_start_date(box: str, expected: str | None) -> None:
    found = box_start_date(box)
    assert (found.iso() if found else None) == expected


@pytest.fixture(scope="module")
def events(events: Events) -> Events:
    """The shared `events` fixture, reading texts as published on PUBLISHED by default."""

    def run(text: str, published: dt.date = PUBLISHED) -> list[EventFinding]:
        return events(text, published)

    return run


def _dates(found: list[EventFinding]) -> list[str | None]:
    return [f.date.iso() if f.date else None for f in found]


@pytest.mark.slow
def test_event_dates_round3_the_month_before(events: Events) -> None:
    text = (
        "The TTP announced a new chief on 9 April 2014. The announcement came after "
        "twelve fighters had been killed the month before in an air strike near Peshawar."
    )
    operations = of_type(events(text), EventType.MILITARY_OPERATION)
    assert _dates(operations) == ["2014-03"]


@pytest.mark.slow
def test_event_dates_round3_aside_after_the_date(events: Events) -> None:
    text = (
        "Pakistan on June 3 - two days before the talks opened in Kabul - banned the "
        "Alpha Liberation Front."
    )
    assert _dates(of_type(events(text), EventType.DESIGNATION)) == ["2019-06-03"]


@pytest.mark.slow
def test_event_dates_round3_date_counted_back_yields(events: Events) -> None:
    text = (
        "The Pakistani army on May 20 bombed militant camps in Nangarhar, after the TTP had "
        "claimed the killing of nine soldiers at a checkpoint three days previously."
    )
    found = events(text)
    operations = of_type(found, EventType.MILITARY_OPERATION)
    assert _dates(operations) == ["2019-05-20"]


@pytest.mark.slow
def test_event_dates_round3_killing_date_reaches_the_bombing(events: Events) -> None:
    text = (
        "The TTP avenged its chief; a judge was killed in a car bombing outside his house in "
        "Quetta, along with his driver, in October."
    )
    attacks = of_type(events(text, dt.date(2016, 1, 21)), EventType.ATTACK)
    assert _dates(attacks) == ["2015-10"]


@pytest.mark.slow
def test_event_dates_round3_number_word_is_no_year(events: Events) -> None:
    text = (
        "On 2 May 2018, several explosions hit Kabul. A parcel bomb hit a bus in Kabul, "
        "killing nine passengers."
    )
    attacks = of_type(events(text), EventType.ATTACK)
    assert [a.date.iso() if a.date else None for a in attacks if a.killed] == ["2018-05-02"]


@pytest.mark.slow
def test_event_dates_round3_summary_box_dates_the_subject_founding(events: Events) -> None:
    text = (
        "Alpha Liberation Front\nActive 14 February 2011–present\n\n"
        "The Alpha Liberation Front is a militant group formed in 2011 by two former "
        "clerics. The ALF operates in Pakistan. The ALF bombed a market in Quetta in 2013."
    )
    foundings = of_type(events(text), EventType.FOUNDING)
    assert _dates(foundings) == ["2011-02-14"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("A bomb hit a checkpoint in Quetta, leaving 6 dead and 21 injured.", 6, 21),
        ("A mine hit a truck in Nangarhar, killing three guards and wounding a fourth.", 3, 1),
    ],
)
def test_event_dates_round3_counts(events: Events, text: str, killed: int, wounded: int) -> None:
    attacks = of_type(events(text), EventType.ATTACK)
    assert [(a.killed, a.wounded) for a in attacks] == [
        (Count.exactly(killed), Count.exactly(wounded))
    ]


@pytest.mark.slow
def test_event_dates_round3_along_with_after_a_relative_clause(events: Events) -> None:
    text = (
        "The front was later led by Mullah Omar, who was also killed, along with Mullah "
        "Mohammed Akbar, in a raid in Peshawar in 2017."
    )
    killings = of_type(events(text), EventType.KILLING)
    assert [k.killed for k in killings] == [Count.exactly(2)]


@pytest.mark.slow
def test_event_dates_round3_attackers_killed_by_an_operation(events: Events) -> None:
    text = (
        "The army began a rescue operation carried out by commandos of the Pakistan Army, "
        "who killed all four gunmen and freed 300 hostages."
    )
    found = events(text)
    assert not of_type(found, EventType.ATTACK)
    assert [o.killed for o in of_type(found, EventType.MILITARY_OPERATION)] == [Count.exactly(4)]


@pytest.mark.slow
def test_event_dates_round3_the_day_a_group_claims_an_event_told_before(events: Events) -> None:
    text = (
        "Gunmen stormed a police post in the town of Zarbat on Saturday, killing four officers. "
        "The Hill Brigades, a faction active in the Kalmar valley, claimed the attack on Monday."
    )
    attacks = of_type(events(text), EventType.ATTACK)
    assert [(a.date.iso() if a.date else None) for a in attacks] == ["2019-06-29", None]
    assert all(a.place is None or a.place.name != "Kalmar" for a in attacks)


@pytest.mark.slow
def test_event_dates_round3_a_claimed_event_keeps_a_day_in_its_own_words(events: Events) -> None:
    text = "The Hill Brigades claimed responsibility for Friday's attack on a police post."
    assert _dates(of_type(events(text), EventType.ATTACK)) == ["2019-06-28"]


@pytest.mark.slow
def test_event_dates_round3_a_claim_telling_the_event_keeps_its_day(events: Events) -> None:
    text = "The Hill Brigades claimed the attack on a police post in Zarbat on Friday."
    assert _dates(of_type(events(text), EventType.ATTACK)) == ["2019-06-28"]
