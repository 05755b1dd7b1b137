"""Tests for date resolution through a document (mosaic.extract.dates.document)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from mosaic.extract.dates.document import DateResolver, date_spans, dateline, doc_dates, heading_day
from mosaic.model import FuzzyDate


def iso_of(resolver: DateResolver, phrase: str) -> str | None:
    value = resolver.resolve(phrase)
    return value.start.iso() if value else None


def test_dates_narrative_year_carries_to_later_phrases() -> None:
    resolver = DateResolver(dt.date(2016, 1, 21))
    assert iso_of(resolver, "on January 10, 2015") == "2015-01-10"
    assert iso_of(resolver, "By April") == "2015-04"
    assert iso_of(resolver, "two days later") is None  # month precision cannot count days
    assert iso_of(resolver, "on July 31") == "2015-07-31"
    assert iso_of(resolver, "two days later") == "2015-08-02"


def test_dates_month_of_last_year_is_a_recap_not_the_narrative() -> None:
    resolver = DateResolver(dt.date(2016, 9, 21))
    assert iso_of(resolver, "In October last year") == "2015-10"
    assert iso_of(resolver, "In April") == "2016-04"


def test_dates_new_paragraph_returns_to_publication() -> None:
    resolver = DateResolver(dt.date(2016, 1, 21))
    assert iso_of(resolver, "in May 2013") == "2013-05"
    resolver.new_paragraph()
    assert iso_of(resolver, "In August") == "2015-08"


@pytest.mark.parametrize(
    "phrase", ["the 1990s", "the past three months", "Now aged 32", "two years", "62", "weeks"]
)
def test_dates_resolver_skips_what_is_no_date(phrase: str) -> None:
    assert DateResolver(dt.date(2016, 1, 21)).resolve(phrase) is None


def test_dates_resolver_reads_spans() -> None:
    resolver = DateResolver(dt.date(2016, 1, 21))
    value = resolver.resolve("between July and November")
    assert value is not None and value.start == FuzzyDate(2015, 7)
    assert value.end == FuzzyDate(2015, 11)
    days = resolver.resolve("October 15-30")
    assert days is not None and (days.start.iso(), str(days.end)) == ("2015-10-15", "2015-10-30")


def test_dates_resolver_falls_back_to_dateparser() -> None:
    value = DateResolver(dt.date(2016, 1, 21)).resolve("the 3rd of January 2015")
    assert value is not None and value.start == FuzzyDate(2015, 1, 3)


@pytest.mark.slow
def test_dates_component_reads_a_document(parse: Callable[..., Doc]) -> None:
    doc = parse("The group was formed on 3 March 2014.\nTwo days later it struck Kabul on Tuesday.")
    found = {doc.text[d.start : d.end]: d.value.start.iso() for d in doc_dates(doc)}
    assert found["3 March 2014"] == "2014-03-03"
    assert found.get("Tuesday") == "2016-01-19"
    assert "Two days later" not in found or found["Two days later"] == "2014-03-05"


@pytest.mark.slow
def test_dates_component_finds_explicit_dates_the_ner_splits(parse: Callable[..., Doc]) -> None:
    doc = parse("Posted 29 Mar 2024 by the desk.", dt.date(2024, 3, 30))
    assert [d.value.start.iso() for d in doc_dates(doc)] == ["2024-03-29"]


def test_dates_dateline_stands_in_for_a_missing_publication_date() -> None:
    assert dateline("San Salvador, 18 Feb 90 (DPA) -- [Text] Heavy fighting") == dt.date(
        1990, 2, 18
    )
    assert dateline("No date here, only 2015 later on.") is None


def test_dates_parts_of_the_day_count_from_publication() -> None:
    resolver = DateResolver(dt.date(1990, 2, 18))
    assert iso_of(resolver, "last night") == "1990-02-17"
    assert iso_of(resolver, "this morning") == "1990-02-18"


def test_dates_a_part_of_the_narrative_s_day_is_that_day() -> None:
    resolver = DateResolver(dt.date(2016, 1, 21))
    assert iso_of(resolver, "on 12 January") == "2016-01-12"
    assert iso_of(resolver, "that afternoon") == "2016-01-12"
    assert iso_of(resolver, "the same night") == "2016-01-12"
    resolver.new_paragraph()
    assert iso_of(resolver, "in the evening") == "2016-01-12"
    assert iso_of(resolver, "this morning") == "2016-01-21"
    assert iso_of(DateResolver(dt.date(2016, 1, 21)), "that evening") is None


@pytest.mark.slow
def test_dates_a_part_of_the_narrative_s_day_the_ner_missed(parse: Callable[..., Doc]) -> None:
    text = (
        "A bomb hit a bus in Quetta on 12 January. The driver was detained that evening.\n\n"
        "A guard was shot in the morning. Two men were held the same night, not the morning "
        "of 14 January."
    )
    doc = parse(text)
    found = [(doc.text[d.start : d.end], d.value.start.iso()) for d in doc_dates(doc)]
    assert ("that evening", "2016-01-12") in found
    assert ("the same night", "2016-01-12") in found
    assert [day for phrase, day in found if phrase == "the morning"] == ["2016-01-12"]
    assert found[-1][1] == "2016-01-14"


@pytest.mark.slow
def test_dates_friday_prayers_are_no_date_but_friday_morning_is(
    parse: Callable[..., Doc],
) -> None:
    text = "Gunmen attacked worshippers at Friday prayers and again on Friday morning."
    doc = parse(text)
    starts = [start for start, _ in date_spans(doc)]
    assert text.index("Friday") not in starts
    assert text.rindex("Friday") in starts


@pytest.mark.slow
def test_dates_span_leaves_out_the_line_breaks_after_a_dateline(
    parse: Callable[..., Doc],
) -> None:
    doc = parse("Kabul, 12 May 2022\n\nLast month a bomb exploded.")
    assert all(not doc.text[start:end].endswith("\n") for start, end in date_spans(doc))


def test_dates_heading_day_of_a_transcript_posted_later() -> None:
    text = "Transcripts\nBriefing | Mar. 9, 2016\nThe Minister Holds a Briefing Mar. 8, 2016\n\nHi."
    assert heading_day(text, dt.date(2016, 3, 9)) == dt.date(2016, 3, 8)
    assert heading_day("Minister Speaks Mar. 1, 2016\n\nHi.", dt.date(2016, 3, 9)) is None
    assert heading_day("A bomb went off on Mar. 8, 2016, in town.", dt.date(2016, 3, 9)) is None


@pytest.mark.slow
def test_dates_today_the_ner_missed_counts_from_the_heading_day(
    parse: Callable[..., Doc],
) -> None:
    doc = parse("Press Briefing Mar. 8, 2016\n\nThe city had a sad day today.", dt.date(2016, 3, 9))
    found = {doc.text[d.start : d.end]: d.value.start.iso() for d in doc_dates(doc)}
    assert found.get("today") == "2016-03-08"


@pytest.mark.slow
def test_dates_a_wrapped_line_keeps_the_paragraph_s_year(parse: Callable[..., Doc]) -> None:
    text = (
        "The council met in the old town hall in May 2013 to hear the complaints\n"
        "of the traders, who said that armed men had taken money from them for\n"
        "months, and it met there again in August to hear what the police did.\n"
        "\n"
        "   The traders said that nothing had changed since the first meeting\n"
        "and that the men still came to the market every week to collect it.\n"
    )
    doc = parse(text)
    found = {doc.text[d.start : d.end]: d.value.start.iso() for d in doc_dates(doc)}
    assert found.get("August") == "2013-08"


@pytest.mark.slow
def test_dates_a_weekday_takes_the_day_named_after_it(parse: Callable[..., Doc]) -> None:
    doc = parse("Gunmen shot a judge on Monday, 4 January, outside the court in Quetta.")
    found = {doc.text[d.start : d.end]: d.value.start.iso() for d in doc_dates(doc)}
    assert found == {"Monday, 4 January": "2016-01-04"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "day"),
    [("Rebels shelled the camp late Thursday, officials said.", "2016-01-21"),
     ("Rebels shelled the camp on Tuesday night, officials said.", "2016-01-19"),
     ("Rebels shelled the camp in the early hours of Wednesday.", "2016-01-20")],
)  # fmt: skip
def test_dates_a_weekday_the_ner_calls_a_time_is_a_date(
    parse: Callable[..., Doc], text: str, day: str
) -> None:
    doc = parse(text)
    assert [d.value.start.iso() for d in doc_dates(doc)] == [day]


def test_dates_the_weekend_is_its_month_when_both_days_lie_in_one() -> None:
    assert iso_of(DateResolver(dt.date(2016, 1, 18)), "over the weekend") == "2016-01"
    assert iso_of(DateResolver(dt.date(2016, 1, 21)), "last weekend") == "2016-01"
    assert DateResolver(dt.date(2016, 5, 2)).resolve("the weekend") is None  # Apr 30 - May 1


def test_dates_a_weekday_in_the_small_hours_is_that_day() -> None:
    assert iso_of(DateResolver(dt.date(2016, 1, 21)), "the small hours of Monday") == "2016-01-18"


def test_dates_offset_in_days_counts_from_the_last_day_past_a_year_in_passing() -> None:
    resolver = DateResolver(dt.date(2021, 10, 8))
    assert iso_of(resolver, "on Wednesday") == "2021-10-06"
    assert iso_of(resolver, "since 2014") == "2014"
    assert iso_of(resolver, "Three days earlier") == "2021-10-03"
    assert iso_of(resolver, "in May") == "2021-05"
    assert iso_of(resolver, "two days later") is None  # a month moves the narrative on


def test_dates_last_month_is_last_years_where_both_readings_agree() -> None:
    assert iso_of(DateResolver(dt.date(2019, 2, 11)), "last November") == "2018-11"
    assert iso_of(DateResolver(dt.date(2019, 8, 11)), "last November") == "2018-11"
    assert iso_of(DateResolver(dt.date(2019, 12, 11)), "last November") is None
    assert iso_of(DateResolver(dt.date(2019, 8, 11)), "last March") is None
