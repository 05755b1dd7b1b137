"""Tests for the country a demonym gives an event when it locates a place ("the Afghan capital")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import EventFinding

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "country"),
    [("A car bomb shook the Afghan capital on Monday, killing six people.", "AF"),
     ("Gunmen killed five police officers in a remote Pakistani village on Monday.", "PK")],
)  # fmt: skip
def test_event_country_a_demonym_before_a_settlement_gives_the_country(
    events: Callable[[str], list[EventFinding]], text: str, country: str
) -> None:
    assert {e.country for e in events(text)} == {country}


def test_event_country_a_demonym_of_people_gives_no_country(
    events: Callable[[str], list[EventFinding]],
) -> None:
    found = events("One Afghan was killed in the blast on Monday.")
    assert found and all(e.country is None for e in found)
