"""An arrest told after an event "at the scene" of it takes that event's day and place
(events.scene_acts)."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.extract.pipeline import Extractor
from mosaic.model import EventFinding, EventType, Report

pytestmark = pytest.mark.slow

RAID = (
    "Police killed three militants in a raid on a farmhouse in the city of Multan on Tuesday, "
    "officials said."
)


def _arrest(extractor: Extractor, text: str) -> EventFinding:
    report = Report(text=text, published=dt.date(2021, 6, 10))
    events = extractor.extract(report).events
    return next(e for e in events if e.type is EventType.ARREST)


def test_scene_acts_an_arrest_after_the_event_keeps_no_date(extractor: Extractor) -> None:
    second = "Police have since arrested two suspects after the raid."
    arrest = _arrest(extractor, f"{RAID}\n\n{second}")
    assert arrest.date is None


@pytest.mark.parametrize(
    "second",
    [
        # at the scene
        "A constable was hurt in the firing, and officers arrested a fourth man at the scene.",
        "Two brothers who were hiding in the farmhouse were also arrested.",
        # going on the event before: more of its people, or the raid named again
        "A fourth man was detained.",
        "Two other suspects were detained in that raid, a spokesman said.",
    ],
)
def test_scene_acts_an_arrest_at_the_scene_or_going_on_the_event_before_takes_its_day_and_place(
    extractor: Extractor, second: str
) -> None:
    arrest = _arrest(extractor, f"{RAID}\n\n{second}")
    assert arrest.date is not None and str(arrest.date) == "2021-06-08"
    assert arrest.place is not None and arrest.place.name == "Multan"


def test_scene_acts_an_arrest_after_the_event_named_again_takes_its_place(
    extractor: Extractor,
) -> None:
    first = "Gunmen shot dead a shopkeeper in the city of Sukkur on Monday."
    arrest = _arrest(extractor, f"{first}\n\nPolice arrested two suspects after that killing.")
    assert arrest.place is not None and arrest.place.name == "Sukkur"
    assert arrest.date is None
