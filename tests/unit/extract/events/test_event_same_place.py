"""An event told "in the same city" as one before it happened where that one did
(events.same_place)."""

from __future__ import annotations

import pytest

from mosaic.extract.pipeline import Extractor
from support.findings import extracted_events

pytestmark = pytest.mark.slow

FIRST = "A roadside bomb killed five soldiers in Quetta on Monday, police said."


@pytest.mark.parametrize(
    "second",
    [
        "Last month, a suicide bomber killed 12 people in the same city.",
        "In December, gunmen shot dead three policemen at a checkpoint in the same area.",
    ],
)
def test_same_place_the_recapped_event_takes_the_place_before(
    extractor: Extractor, second: str
) -> None:
    first, recapped = sorted(
        extracted_events(extractor, f"{FIRST}\n\n{second}"), key=lambda e: e.evidence.start
    )
    assert first.place is not None and first.place.name == "Quetta"
    assert recapped.place is not None and recapped.place.name == "Quetta"


def test_same_place_other_wording_places_nothing(extractor: Extractor) -> None:
    text = f"{FIRST}\n\nLast month, a suicide bomber killed 12 people at the same time of day."
    first, recapped = sorted(extracted_events(extractor, text), key=lambda e: e.evidence.start)
    assert first.place is not None and recapped.place is None
