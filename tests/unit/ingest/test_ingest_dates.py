import datetime as dt

import pytest

from mosaic.errors import InputError
from mosaic.ingest import parse_published

JAN_21 = dt.date(2016, 1, 21)


@pytest.mark.parametrize(
    "value",
    [
        "2016-01-21",
        "2016-01-21T10:00:00Z",
        "2016-01-21T23:30:00-05:00",
        "2016-01-21 08:15",
        "21 January 2016",
        "21 Jan 2016",
        "21st January 2016",
        "Thursday, 21 January 2016",
        "January 21, 2016",
        "Jan 21, 2016",
        "Jan. 21, 2016",
        "Thu, 21 Jan 2016 10:00:00 +0000",
        "Thu, 21 Jan 2016 23:30:00 -0500",
        "D:20160121093000+05'00'",
        "2016/01/21",
        "  21   January 2016 ",
    ],
)
def test_dates_parse_published_accepts_stated_formats(value: str) -> None:
    assert parse_published(value, "a.txt") == JAN_21


def test_dates_parse_published_keeps_the_local_day_of_a_timestamp() -> None:
    assert parse_published("2016-01-21T23:30:00-05:00", "a.html") == JAN_21
    assert parse_published("2016-01-22T00:30:00+05:00", "a.html") == dt.date(2016, 1, 22)


def test_dates_parse_published_reads_sept_abbreviation() -> None:
    assert parse_published("Sept 3, 2015", "a.txt") == dt.date(2015, 9, 3)


@pytest.mark.parametrize(
    "value", ["yesterday", "03/04/2016", "2016-02-30", "2016-13-01", "", "2016", "Smarch 3 2016"]
)
def test_dates_parse_published_refuses_other_values_naming_the_source(value: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_published(value, "notes/a.md")
    assert caught.value.source == "notes/a.md"
    assert "is not a date" in str(caught.value)
    assert str(caught.value).startswith("notes/a.md: ")
