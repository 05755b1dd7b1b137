"""An armed group that detains people is the arrest's perpetrator (events/rules ARREST)."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.extract.pipeline import Extractor
from mosaic.model import EventFinding, EventType, Report

pytestmark = pytest.mark.slow


def _arrest(extractor: Extractor, text: str) -> EventFinding:
    found = extractor.extract(Report(text=text, published=dt.date(2024, 5, 15))).events
    [arrest] = [e for e in found if e.type is EventType.ARREST]
    return arrest


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "The Pakistani Taliban detained five tribal elders in Peshawar on Tuesday, "
            "residents said.",
            "Tehreek-i-Taliban Pakistan",
        ),
        ("The Taliban arrested three journalists in Kabul on Monday.", "Afghan Taliban"),
    ],
)
def test_group_arrests_a_group_named_as_the_agent_made_the_arrest(
    extractor: Extractor, text: str, group: str
) -> None:
    assert group in {ref.name for ref in _arrest(extractor, text).perpetrators}


def test_group_arrests_a_pronoun_for_the_police_is_not_the_group_named_before(
    extractor: Extractor,
) -> None:
    text = (
        "Members of Tehreek-i-Taliban Pakistan attacked a checkpoint in Quetta on Monday. "
        "Pakistani police said they had detained three suspects."
    )
    names = {ref.name for ref in _arrest(extractor, text).perpetrators}
    assert "Tehreek-i-Taliban Pakistan" not in names
