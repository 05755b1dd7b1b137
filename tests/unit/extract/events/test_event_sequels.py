"""Tests for sentences that set the event told before beside an earlier one
(mosaic.extract.events.sequels): "The attack came a day after gunmen shot ...".

The sentences are written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mosaic.extract.events.sequels import tells_a_sequel
from mosaic.extract.events.told_apart import told_apart
from mosaic.extract.pipeline import Extractor
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EventFinding, EventType, Report

pytestmark = pytest.mark.slow

Contexts = Callable[..., list[SentenceContext]]
Events = Callable[..., list[EventFinding]]
_LEAD = "A bomb ripped through a bus in Sukkur on Friday, killing eight passengers. "


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack came a day after gunmen shot dead four guards at a bank in Mardan.",
        "The bombing came two days after militants stormed a police post in Kohat.",
        "It came hours after a grenade was thrown at a shop in Bannu.",
        "The blast followed a suicide attack on a court in Mardan last week.",
    ],
)
def test_sequels_a_sentence_setting_the_event_after_another_is_apart(
    contexts: Contexts, sentence: str
) -> None:
    found = contexts(_LEAD + sentence)
    assert tells_a_sequel(found[1].sent)
    assert told_apart(found) == {found[1].evidence}


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack was claimed by a separatist group.",
        "Police came to the scene after the blast.",
        "The wounded were taken to hospital after the attack.",
    ],
)
def test_sequels_not_a_sentence_that_goes_on_with_the_event(
    contexts: Contexts, sentence: str
) -> None:
    assert not tells_a_sequel(contexts(_LEAD + sentence)[1].sent)


def test_sequels_the_event_told_before_lends_no_trigger(events: Events) -> None:
    """ "The raid" is the report's raid told again: the toll of the bombing after "after"
    is no raid's."""
    found = events(
        "The raid came two days after a suicide bomber drove a car packed with explosives "
        "into an army post in Bannu, killing six soldiers."
    )
    assert [f.type for f in found] == [EventType.ATTACK]


def test_a_report_keeps_the_earlier_attack_as_its_own_event(extractor: Extractor) -> None:
    text = (
        "A bomb ripped through a crowded market in Sukkur on Friday, killing nine people, "
        "police said.\n\nThe attack came a day after gunmen shot dead five police officers "
        "at a checkpoint in Shikarpur."
    )
    attacks = extractor.extract(Report(text=text, published=dt.date(2016, 1, 23))).events
    assert sorted(e.killed.low for e in attacks if e.killed is not None) == [5, 9]
