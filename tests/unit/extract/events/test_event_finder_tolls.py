"""The sentence's dead and wounded given to the event they belong to (events.finder)."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.extract.pipeline import Extractor
from mosaic.model import Count, EventType
from support.findings import extracted_events, only_of_type

pytestmark = pytest.mark.slow


def test_finder_an_arrest_beside_the_killing_leaves_the_toll_to_the_raid(
    extractor: Extractor,
) -> None:
    events = extracted_events(
        extractor,
        "The army said on Thursday that its soldiers had overrun a rebel base in the hills "
        "in a raid on Tuesday, killing nine fighters and capturing their commander.",
        published=dt.date(2019, 3, 8),
    )
    assert only_of_type(events, EventType.MILITARY_OPERATION).killed == Count.exactly(9)
    assert all(e.killed is None for e in events if e.type is EventType.ARREST)
