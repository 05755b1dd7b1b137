"""Where an event happened, told in a sentence of its own (events.place_sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.extract.pipeline import Extractor
from mosaic.model import EventFinding, EventType, Report

pytestmark = pytest.mark.slow


def _operations(extractor: Extractor, text: str) -> list[EventFinding]:
    events = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    return [e for e in events if e.type is EventType.MILITARY_OPERATION]


def test_place_sentences_the_event_named_again_is_placed(extractor: Extractor) -> None:
    [operation] = _operations(
        extractor,
        "Officials said on Monday that two drone strikes killed nine militants in "
        "Pakistan's northwest. The strikes took place near Mardan.",
    )
    assert operation.place is not None and operation.place.name == "Mardan"


@pytest.mark.parametrize(
    "second",
    [
        "Other strikes took place near Mardan.",  # not the event named again
        "In 2014 the strikes took place near Mardan.",  # a time of its own
    ],
)
def test_place_sentences_other_sentences_place_nothing(extractor: Extractor, second: str) -> None:
    first = "Officials said on Monday that two drone strikes killed nine militants in Pakistan."
    operations = _operations(extractor, f"{first} {second}")
    assert operations
    assert all(o.place is None or o.place.name != "Mardan" for o in operations[:1])
