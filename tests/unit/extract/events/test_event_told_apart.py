"""Tests for sentences that tell another event than those before them
(mosaic.extract.events.told_apart) and for merging that keeps them apart (events.merge)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mosaic.extract.events.merge import merge_events
from mosaic.extract.events.told_apart import told_apart
from mosaic.extract.pipeline import Extractor
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EventFinding, EventType, Evidence, Report

pytestmark = pytest.mark.slow

Contexts = Callable[..., list[SentenceContext]]
_LEAD = "Gunmen stormed a checkpoint in Balochistan, killing six soldiers. "


@pytest.mark.parametrize(
    "sentence",
    [
        "In a separate incident, a roadside bomb struck a police van in Turbat.",
        "In another attack, gunmen shot dead two teachers near Kohat.",
        "Separately, a grenade was thrown at a shop in Bannu.",
        "In a separate attack, gunmen killed a shopkeeper in Kohat, police said.",
        "In another raid on Monday, militants burned a school near Bannu, an official said.",
        "Earlier in August, a car bomb killed 14 people outside a police station in Quetta.",
        "Earlier this month, gunmen killed three guards at a bank in Turbat.",
    ],
)
def test_told_apart_a_sentence_opening_as_another_event(contexts: Contexts, sentence: str) -> None:
    found = contexts(
        "Gunmen stormed a checkpoint in Balochistan, killing six soldiers. " + sentence
    )
    assert [c.evidence for c in found[1:]] == list(told_apart(found))


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack was claimed by a separatist group.",
        "Police said the attackers had used another route to reach the post.",
        "The gunmen, who had hidden in a separate building, fled on foot, police said.",
        "Earlier on Tuesday, officials had put the toll at four.",
        "Earlier in the day, the attackers had fired on a patrol.",
    ],
)
def test_told_apart_not_a_sentence_that_goes_on_with_the_event(
    contexts: Contexts, sentence: str
) -> None:
    found = contexts(
        "Gunmen stormed a checkpoint in Balochistan, killing six soldiers. " + sentence
    )
    assert not told_apart(found)


def _attack(start: int) -> EventFinding:
    return EventFinding(EventType.ATTACK, Evidence(start, start + 60, "s"), "test", confidence=0.6)


def test_merge_a_dateless_finding_told_apart_joins_nothing_before_it() -> None:
    first, then = _attack(0), _attack(80)
    assert len(merge_events([first, then], 0.3)) == 1  # a dateless follow-up close behind
    assert len(merge_events([first, then], 0.3, apart={then.evidence})) == 2


def test_a_report_keeps_a_separate_incident_as_its_own_event(extractor: Extractor) -> None:
    text = (
        "Gunmen stormed a paramilitary checkpoint in Balochistan province, killing six "
        "soldiers, officials said.\n\nIn a separate incident, a roadside bomb struck a police "
        "van in Turbat, wounding five officers."
    )
    attacks = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    assert sorted((e.killed is not None, e.wounded is not None) for e in attacks) == [
        (False, True),
        (True, False),
    ]


def test_a_report_keeps_a_separate_attack_its_source_ends_as_its_own_event(
    extractor: Extractor,
) -> None:
    text = (
        "A bomb tore through a crowded market in Balochistan province on Friday, killing "
        "11 people, officials said.\n\nIn a separate attack on Friday, gunmen killed three "
        "policemen at a checkpoint in Turbat, a police official said."
    )
    attacks = extractor.extract(Report(text=text, published=dt.date(2016, 1, 23))).events
    assert sorted(e.killed.to_format() for e in attacks if e.killed) == [3, 11]
