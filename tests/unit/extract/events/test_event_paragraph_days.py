"""Tests for the day a hard-wrapped paragraph goes on in (mosaic.extract.events.paragraph_days)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from mosaic.extract.events.paragraph_days import date_by_paragraph, paragraph_days
from mosaic.extract.pipeline import Extractor
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EventFinding, EventType, FuzzyDate
from support.findings import extracted_events

pytestmark = pytest.mark.slow
PUBLISHED = dt.date(2016, 3, 9)
_WRAPPED = (
    "Kabul, 9 Mar 2016 -- Yesterday morning about twenty armed men stopped a\n"
    "bus on the road to Jalalabad and took the money of its passengers.  In a\n"
    "village near the road, the same men shot dead a teacher in front of his\n"
    "pupils, the police said.\n"
    "\n"
    "   The governor said that the road would be closed for the rest of the\n"
    "week while soldiers searched the hills above the village for the men.\n"
)


def test_event_paragraph_days_a_wrapped_line_goes_on_in_the_day_named_before(
    extractor: Extractor,
) -> None:
    shootings = [
        e
        for e in extracted_events(extractor, _WRAPPED, published=PUBLISHED)
        if "teacher" in e.evidence.sentence
    ]
    assert shootings
    assert {e.date.iso() if e.date else None for e in shootings} == {"2016-03-08"}


def test_event_paragraph_days_a_new_paragraph_is_not_the_day_s(
    contexts: Callable[..., list[SentenceContext]],
) -> None:
    found = contexts(_WRAPPED, PUBLISHED)
    days = {c.sent.text.split()[0]: day.start.iso() for c in found
            if (day := paragraph_days(found).get(c.evidence.start)) is not None}  # fmt: skip
    assert days.get("In") == "2016-03-08"
    assert "The" not in days


def _finding(
    found: list[SentenceContext], word: str, confidence: float, **slots: object
) -> EventFinding:
    """A finding of the sentence with the word in it."""
    [context] = [c for c in found if word in c.sent.text]
    base = EventFinding(EventType.ATTACK, context.evidence, "test", confidence=confidence)
    return replace(base, **slots)  # type: ignore[arg-type]


def test_event_paragraph_days_a_doubtful_echo_of_that_day_s_event_takes_no_day(
    contexts: Callable[..., list[SentenceContext]],
) -> None:
    found = contexts(_WRAPPED, PUBLISHED)
    robbery = _finding(found, "bus", 0.8, date=FuzzyDate(2016, 3, 8), country="AF")
    echo = _finding(found, "teacher", 0.2)
    elsewhere = _finding(found, "teacher", 0.2, country="PK")
    dated = date_by_paragraph([robbery, echo, elsewhere], found, threshold=0.3)
    assert [e.date for e in dated] == [FuzzyDate(2016, 3, 8), None, FuzzyDate(2016, 3, 8)]


def test_event_paragraph_days_a_written_out_event_takes_the_day_beside_that_day_s(
    contexts: Callable[..., list[SentenceContext]],
) -> None:
    found = contexts(_WRAPPED, PUBLISHED)
    robbery = _finding(found, "bus", 0.8, date=FuzzyDate(2016, 3, 8), country="AF")
    shooting = _finding(found, "teacher", 0.5)
    kept = date_by_paragraph([robbery, shooting], found, threshold=0.3)
    assert [e.date for e in kept] == [FuzzyDate(2016, 3, 8), FuzzyDate(2016, 3, 8)]


_HOURS_LATER = (
    "Gunmen attacked a police post in the town of Karak on Tuesday, killing two officers, "
    "officials said on Wednesday.\n\n"
    "The police said the attackers fled into the hills.\n\n"
    "{opening}, a bomb exploded beside a bus in the town of Bannu, killing four passengers."
)


@pytest.mark.parametrize("opening", ["Hours later", "About two hours later"])
def test_event_paragraph_days_hours_later_goes_on_in_the_last_day_of_an_act(
    extractor: Extractor, opening: str
) -> None:
    text = _HOURS_LATER.format(opening=opening)
    [bus] = [
        e for e in extracted_events(extractor, text, PUBLISHED) if "Bannu" in e.evidence.sentence
    ]
    assert bus.date == FuzzyDate(2016, 3, 8)  # Tuesday, not the Wednesday it was told


def test_event_paragraph_days_a_new_paragraph_without_hours_is_not_the_day_s(
    extractor: Extractor,
) -> None:
    text = _HOURS_LATER.format(opening="In another attack")
    [bus] = [
        e for e in extracted_events(extractor, text, PUBLISHED) if "Bannu" in e.evidence.sentence
    ]
    assert bus.date is None
