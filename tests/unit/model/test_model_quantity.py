import pytest

from mosaic.model import Count, stated_first


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


def test_quantity_a_named_count_is_equal_to_the_stated_number() -> None:
    assert Count.of_named(2) == Count.exactly(2) and Count.of_named(2).named
    assert not Count.exactly(2).named and Count.of_named(2).to_format() == 2


TWELVE, THREE = Count.exactly(12), Count.exactly(3)
ONE_NAMED, TWO_NAMED = Count.of_named(1), Count.of_named(2)


@pytest.mark.parametrize(
    ("kept", "other", "winner"),
    [
        (ONE_NAMED, TWELVE, TWELVE),  # "12 killed ... X was killed as he ...": 12
        (TWELVE, ONE_NAMED, TWELVE),
        (THREE, TWELVE, THREE),  # two stated: the merge's own choice stands
        (TWO_NAMED, ONE_NAMED, TWO_NAMED),
        (None, ONE_NAMED, ONE_NAMED),
        (ONE_NAMED, None, ONE_NAMED),
    ],
)
def test_quantity_a_stated_number_outranks_a_count_of_people_named(
    kept: Count | None, other: Count | None, winner: Count
) -> None:
    assert stated_first(kept, other) is winner


CLAIMED_FORTY = Count(40, 40, claimed=True)


@pytest.mark.parametrize(
    ("kept", "other", "winner"),
    [
        (CLAIMED_FORTY, TWELVE, TWELVE),  # "12 killed ... the group said it killed 40": 12
        (TWELVE, CLAIMED_FORTY, TWELVE),
        (ONE_NAMED, CLAIMED_FORTY, CLAIMED_FORTY),  # a claimed number outranks one named
        (CLAIMED_FORTY, None, CLAIMED_FORTY),
    ],
)
def test_quantity_a_stated_number_outranks_the_killers_claim(
    kept: Count | None, other: Count | None, winner: Count
) -> None:
    assert stated_first(kept, other) is winner
