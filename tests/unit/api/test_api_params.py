"""Query parameters: accepted forms, and errors that name the parameter."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.api import params
from mosaic.errors import InputError
from mosaic.model import EventType, Tlp


def test_params_dates_take_first_and_last_day() -> None:
    assert params.first_day("2015", "since") == dt.date(2015, 1, 1)
    assert params.last_day("2016-02", "until") == dt.date(2016, 2, 29)
    assert params.first_day(None, "since") is None


@pytest.mark.parametrize("value", ["yesterday", "2015-13", "2015-02-30", "15-01-01"])
def test_params_bad_date_names_the_parameter(value: str) -> None:
    with pytest.raises(InputError, match=r"^since: not a date"):
        params.first_day(value, "since")


def test_params_choice_lists_accepted_values() -> None:
    assert params.choice("arrest", EventType, "type") is EventType.ARREST
    with pytest.raises(InputError, match="one of attack, military_operation"):
        params.choice("riot", EventType, "type")


@pytest.mark.parametrize(
    ("text", "tlp"),
    [("amber", Tlp.AMBER), ("TLP:RED", Tlp.RED), ("amber+strict", Tlp.AMBER_STRICT)],
)
def test_params_marking_accepts_short_and_full_labels(text: str, tlp: Tlp) -> None:
    assert params.marking(text) is tlp


def test_params_country_and_sort() -> None:
    assert params.country("pk") == "PK"
    with pytest.raises(InputError, match="alpha-2"):
        params.country("PAK")
    assert params.sort_key("-date", ("date",)) == ("date", True)
    assert params.sort_key(None, ("date",)) == ("date", False)
    with pytest.raises(InputError, match="cannot sort by 'name'"):
        params.sort_key("name", ("date",))
