import datetime as dt

import pytest

from mosaic.model import FuzzyDate, Precision


@pytest.mark.parametrize(
    ("text", "precision"),
    [("2016-01-13", Precision.DAY), ("2015-08", Precision.MONTH), ("2002", Precision.YEAR)],
)
def test_dates_parse_and_iso_round_trip(text: str, precision: Precision) -> None:
    date = FuzzyDate.parse(text)
    assert date.precision is precision
    assert date.iso() == text


@pytest.mark.parametrize("text", ["2016-13", "2016-02-30", "16-01-01", "January 2016", ""])
def test_dates_parse_rejects_malformed(text: str) -> None:
    with pytest.raises(ValueError):
        FuzzyDate.parse(text)


def test_dates_compatible_at_coarser_precision() -> None:
    assert FuzzyDate(2016, 1, 13).compatible(FuzzyDate(2016, 1))
    assert FuzzyDate(2016).compatible(FuzzyDate(2016, 7, 4))
    assert not FuzzyDate(2016, 1, 13).compatible(FuzzyDate(2016, 1, 14))
    assert not FuzzyDate(2016, 2).compatible(FuzzyDate(2016, 1, 14))


def test_dates_first_and_last_day_span_the_precision() -> None:
    assert FuzzyDate(2016, 2).first_day() == dt.date(2016, 2, 1)
    assert FuzzyDate(2016, 2).last_day() == dt.date(2016, 2, 29)
    assert FuzzyDate(2015).last_day() == dt.date(2015, 12, 31)
    assert FuzzyDate(2015, 3, 9).last_day() == dt.date(2015, 3, 9)
