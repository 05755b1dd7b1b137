"""Tests for reading single date phrases (mosaic.extract.dates.phrases)."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.extract.dates.phrases import (
    DateContext,
    DateValue,
    clean_phrase,
    read_absolute,
    read_named_relative,
    read_offset,
    read_partial,
    read_stepped_month,
    read_weekday,
    year_of,
)
from mosaic.model import FuzzyDate

PUBLISHED = dt.date(2016, 1, 21)  # a Thursday
AT_PUBLICATION = DateContext(PUBLISHED, None)


@pytest.mark.parametrize(
    ("phrase", "cleaned"),
    [("on Tuesday", "tuesday"), ("in late November", "november"), ("mid-2015", "2015"),
     ("By January 2016,", "january 2016"), ("last month's", "last month")],
)  # fmt: skip
def test_date_phrases_clean_phrase_drops_modifiers(phrase: str, cleaned: str) -> None:
    assert clean_phrase(phrase) == cleaned


@pytest.mark.parametrize(
    ("text", "iso"),
    [("13 january 2016", "2016-01-13"), ("january 10, 2015", "2015-01-10"),
     ("jan. 10, 2015", "2015-01-10"), ("may 2011", "2011-05"), ("2015", "2015"),
     ("2016-01-13", "2016-01-13"), ("3 jan 90", "1990-01-03"),
     ("new year's day 2016", "2016-01-01")],
)  # fmt: skip
def test_date_phrases_read_absolute(text: str, iso: str) -> None:
    value = read_absolute(text, AT_PUBLICATION)
    assert value is not None and value.start.iso() == iso and value.explicit


@pytest.mark.parametrize("text", ["march 22", "1850", "2090", "62"])
def test_date_phrases_read_absolute_rejects_non_years(text: str) -> None:
    assert read_absolute(text, AT_PUBLICATION) is None


@pytest.mark.parametrize(
    ("text", "anchor", "iso"),
    [("january 13", None, "2016-01-13"), ("july", None, "2015-07"),
     ("april", FuzzyDate(2015, 1, 10), "2015-04"), ("july", FuzzyDate(2016, 1, 15), "2015-07"),
     ("13 january", None, "2016-01-13")],
)  # fmt: skip
def test_date_phrases_read_partial_takes_the_narrative_year(
    text: str, anchor: FuzzyDate | None, iso: str
) -> None:
    value = read_partial(text, DateContext(PUBLISHED, anchor))
    assert value is not None and value.start.iso() == iso and not value.explicit


def test_date_phrases_read_weekday_is_latest_on_or_before_publication() -> None:
    tuesday = read_weekday("tuesday", AT_PUBLICATION)
    thursday = read_weekday("thursday", AT_PUBLICATION)
    assert tuesday is not None and tuesday.start == FuzzyDate(2016, 1, 19)
    assert thursday is not None and thursday.start == FuzzyDate(2016, 1, 21)
    assert read_weekday("tuesday", DateContext(None, None)) is None


def test_date_phrases_last_weekday_of_the_publication_day_is_a_week_before() -> None:
    """Published on Thursday 21 January 2016: "last Thursday" is the 14th, "Thursday" today."""
    last_thursday = read_weekday("last thursday", AT_PUBLICATION)
    last_tuesday = read_weekday("last tuesday", AT_PUBLICATION)
    assert last_thursday is not None and last_thursday.start == FuzzyDate(2016, 1, 14)
    assert last_tuesday is not None and last_tuesday.start == FuzzyDate(2016, 1, 19)


@pytest.mark.parametrize(
    ("text", "iso"),
    [("two days later", "2015-03-20"), ("two days previously", "2015-03-16"),
     ("three years ago", "2013"), ("a year later", "2016")],
)  # fmt: skip
def test_date_phrases_read_offset_counts_from_anchor(text: str, iso: str) -> None:
    value = read_offset(text, DateContext(PUBLISHED, FuzzyDate(2015, 3, 18)))
    assert value is not None and value.start.iso() == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [("this year", "2016"), ("last year", "2015"), ("following year", "2016"),
     ("month before", "2015-02"), ("that month", "2015-03"), ("yesterday", "2016-01-20"),
     ("this week", "2016-01"), ("last week", "2016-01"), ("week before", "2015-03")],
)  # fmt: skip
def test_date_phrases_read_named_relative(text: str, iso: str) -> None:
    value = read_named_relative(text, DateContext(PUBLISHED, FuzzyDate(2015, 3, 18)))
    assert value is not None and value.start.iso() == iso


def test_date_phrases_two_digit_year_stays_before_publication() -> None:
    assert year_of("90", dt.date(1990, 5, 1)) == 1990
    assert year_of("'15", PUBLISHED) == 2015


@pytest.mark.parametrize(
    ("text", "iso"),
    [("october last year", "2015-10"), ("march of last year", "2015-03"),
     ("june this year", "2016-06"), ("january, this year", "2016-01")],
)  # fmt: skip
def test_date_phrases_month_with_a_stepped_year(text: str, iso: str) -> None:
    value = read_stepped_month(text, AT_PUBLICATION)
    assert value is not None and value.start.iso() == iso


def test_date_phrases_month_of_that_year_counts_from_the_narrative() -> None:
    after_a_recap = DateContext(PUBLISHED, FuzzyDate(2012, 5, 3))
    assert read_stepped_month("june that year", after_a_recap) == DateValue(FuzzyDate(2012, 6))


def test_date_phrases_month_with_a_stepped_year_leaves_other_words() -> None:
    assert read_stepped_month("last january", AT_PUBLICATION) is None  # this or last year's
    assert read_stepped_month("last august", AT_PUBLICATION) == DateValue(FuzzyDate(2015, 8))
    assert read_stepped_month("next tuesday", AT_PUBLICATION) is None
