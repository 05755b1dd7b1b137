"""The attackers' arms told in a sentence of their own after the attack
(events.arms_sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.extract.pipeline import Extractor
from mosaic.model import AttackType, EventFinding, EventType, Report

pytestmark = pytest.mark.slow


def _attacks(extractor: Extractor, text: str) -> list[EventFinding]:
    found = extractor.extract(Report(text=text, published=dt.date(2016, 1, 21))).events
    return [e for e in found if e.type is EventType.ATTACK]


@pytest.mark.parametrize(
    "text",
    [
        "At least 20 people were killed in the attacks in Mardan on Monday. The attackers, "
        "who were armed with rifles, held dozens of guests for hours.",
        "Eleven people were killed in Tuesday's attack in Quetta. The gunmen fled on "
        "motorbikes, witnesses said.",
    ],
)
def test_arms_sentences_guns_of_the_attackers_make_an_armed_assault(
    extractor: Extractor, text: str
) -> None:
    [attack] = _attacks(extractor, text)
    assert attack.attack_type is AttackType.ARMED_ASSAULT


def test_arms_sentences_guns_of_others_type_nothing(extractor: Extractor) -> None:
    text = (
        "At least 20 people were killed in the attacks in Mardan on Monday. Police, who were "
        "armed with rifles, sealed off the area."
    )
    [attack] = _attacks(extractor, text)
    assert attack.attack_type is None
