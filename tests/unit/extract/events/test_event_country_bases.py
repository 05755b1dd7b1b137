"""Tests for a country joined by a hyphen to where a party has its base ("the Pakistan-based
ALF"), which says nothing of where the event it did happened (events.country)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mosaic.extract.pipeline import Extractor
from mosaic.model import EventFinding, EventType, Report
from support.findings import of_type

pytestmark = pytest.mark.slow
Events = Callable[[str], list[EventFinding]]


@pytest.mark.parametrize(
    "text",
    [
        "The Pakistan-based ALF said its fighters had killed the man.",
        "The ALF, a front for the Afghanistan-based TTP, said its men had attacked the post.",
    ],
)
def test_event_country_a_partys_base_is_no_place_of_its_act(events: Events, text: str) -> None:
    [attack] = of_type(events(text), EventType.ATTACK)
    assert attack.country is None


def test_event_country_a_claim_by_a_party_told_by_its_base_joins_the_event(
    extractor: Extractor,
) -> None:
    text = (
        "Gunmen shot dead a shopkeeper in Srinagar on Thursday evening. The ALF, which police "
        "call a front for the Pakistan-based TTP, said its fighters had killed the man."
    )
    [attack] = extractor.extract(Report(text=text, published=dt.date(2016, 1, 23))).events
    assert str(attack.date) == "2016-01-21"
    assert "Alpha Liberation Front" in [ref.name for ref in attack.perpetrators]
