"""Tests for number and count phrases (mosaic.extract.numbers.counts)."""

from __future__ import annotations

import pytest

from mosaic.extract.numbers.counts import add_counts, parse_count, parse_number
from mosaic.model import Count


@pytest.mark.parametrize(
    ("text", "value"),
    [("17", 17), ("1,000", 1000), ("seven", 7), ("twenty-five", 25), ("three hundred", 300),
     ("a dozen", 12), ("several", None), ("62%", None), ("", None)],
)  # fmt: skip
def test_numbers_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("phrase", "count"),
    [("17", Count(17, 17)), ("more than 90", Count(91, None)), ("over 100", Count(101, None)),
     ("at least 95", Count(95, None)), ("about 300", Count(300, 300)),
     ("between 1,000 and 3,000", Count(1000, 3000)), ("1,000 to 3,000", Count(1000, 3000)),
     ("dozens", Count(24, None)), ("hundreds", Count(200, None)), ("up to 40", Count(0, 40)),
     ("fewer than 10", Count(0, 9)), ("several", None)],
)  # fmt: skip
def test_numbers_parse_count(phrase: str, count: Count | None) -> None:
    assert parse_count(phrase) == count


def test_numbers_add_counts_keeps_open_ends() -> None:
    assert add_counts(Count(2, 2), Count(4, 4)) == Count(6, 6)
    assert add_counts(Count(2, 2), Count(4, None)) == Count(6, None)
