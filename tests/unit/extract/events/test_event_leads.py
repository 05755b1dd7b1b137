"""Tests for dating a news report's lead by its publication (mosaic.extract.events.leads)."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.extract.output import MIN_CONFIDENCE
from mosaic.extract.pipeline import Extractor
from mosaic.model import EventFinding, EventType, Report
from support.findings import extracted_events, of_type

pytestmark = pytest.mark.slow
PUBLISHED = dt.date(2016, 3, 9)


def _events(extractor: Extractor, text: str) -> list[EventFinding]:
    """The events the extraction output writes, those at or above its confidence cut."""
    found = extracted_events(extractor, text, PUBLISHED)
    return [f for f in found if f.confidence >= MIN_CONFIDENCE]


def test_event_leads_present_perfect_lead_takes_the_publication_day(extractor: Extractor) -> None:
    text = (
        "Blasts Hit Peshawar\n\n"
        "A wave of small bombs has struck markets in Peshawar. The blasts killed three "
        "people and wounded at least 20, police said.\n\n"
        "The city has seen such attacks before."
    )
    attacks = of_type(_events(extractor, text), EventType.ATTACK)
    assert [a.date.iso() if a.date else None for a in attacks] == ["2016-03-09"]


def test_event_leads_past_tense_lead_stays_undated(extractor: Extractor) -> None:
    text = (
        "Blasts Hit Peshawar\n\n"
        "A wave of small bombs hit markets across Peshawar and killed three people, police "
        "said in a statement to reporters."
    )
    attacks = of_type(extractor.extract(Report(text=text, published=PUBLISHED)).events,
                      EventType.ATTACK)  # fmt: skip
    assert attacks
    assert all(a.date is None for a in attacks)


def test_event_leads_later_paragraph_is_not_the_lead(extractor: Extractor) -> None:
    text = (
        "Police have detained two men in Quetta over a series of robberies in the old town.\n\n"
        "A bomb killed four soldiers near Peshawar, officials said in a brief statement."
    )
    attacks = of_type(extractor.extract(Report(text=text, published=PUBLISHED)).events,
                      EventType.ATTACK)  # fmt: skip
    assert attacks
    assert all(a.date is None for a in attacks)


def test_event_leads_an_event_dated_on_another_day_keeps_its_date(extractor: Extractor) -> None:
    text = (
        "Police have arrested a man in Quetta who they say planned the attack on a police "
        "station. He was arrested on Monday, an official said. He will appear in court soon."
    )
    arrests = of_type(_events(extractor, text), EventType.ARREST)
    assert [a.date.iso() if a.date else None for a in arrests] == ["2016-03-07"]


def test_event_leads_a_background_month_does_not_keep_the_date_off(extractor: Extractor) -> None:
    text = (
        "Police have arrested two men in Quetta over the bombing of a market, officials "
        "said.\n\nPolice arrested four other men in Peshawar in June."
    )
    arrests = of_type(_events(extractor, text), EventType.ARREST)
    assert "2016-03-09" in {a.date.iso() for a in arrests if a.date}
