import pytest

from mosaic.model import Count


def test_quantity_exact_count_formats_as_int() -> None:
    assert Count.exactly(17).to_format() == 17
    assert Count.from_format(17) == Count(17, 17)


def test_quantity_open_range_formats_with_null() -> None:
    assert Count.at_least(91).to_format() == [91, None]
    assert Count.from_format([1000, 3000]) == Count(1000, 3000)
    assert str(Count.at_least(91)) == "91+"


@pytest.mark.parametrize(("low", "high"), [(-1, 3), (5, 4)])
def test_quantity_rejects_impossible_ranges(low: int, high: int) -> None:
    with pytest.raises(ValueError):
        Count(low, high)
