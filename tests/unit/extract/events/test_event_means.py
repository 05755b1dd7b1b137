"""Tests for an act told with the act it was done by (mosaic.extract.events.means)."""

from __future__ import annotations

import pytest

from mosaic.extract.pipeline import Extractor
from mosaic.model import EventType
from support.findings import extracted_events

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested three men in a raid on a house in Zhob on Tuesday.",
        "The commander was detained in a raid in Zhob on Tuesday, officials said.",
        "On Tuesday, police raided two houses in Zhob and detained three men, officials said.",
    ],
)
def test_event_means_an_arrest_made_in_a_raid_is_one_dated_arrest(
    extractor: Extractor, text: str
) -> None:
    [event] = extracted_events(extractor, text)
    assert event.type is EventType.ARREST
    assert event.date is not None and event.date.iso() == "2016-01-19"


def test_event_means_a_raid_told_beside_an_arrest_stays_its_own(extractor: Extractor) -> None:
    found = extracted_events(
        extractor,
        "Police arrested three men in Zhob on Tuesday, and troops killed four militants in a "
        "raid on a camp in Kohlu on Wednesday.",
    )
    assert sorted(e.type.value for e in found) == ["arrest", "military_operation"]


def test_event_means_a_raid_with_its_own_dead_stays_its_own(extractor: Extractor) -> None:
    found = extracted_events(
        extractor,
        "Troops raided a camp in Zhob on Tuesday, killing five militants, and arrested two.",
    )
    assert EventType.MILITARY_OPERATION in {e.type for e in found}
