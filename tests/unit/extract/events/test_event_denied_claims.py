"""Tests for a claim another party denies as the claimant's statement, not a negated event
(mosaic.extract.events.denied_claims, text.modality.denied_claim), and for a toll told of a
weapon named again as the figure of the strike that used it (events.weapon_tolls)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.pipeline import Extractor
from mosaic.model import Count, EventFinding, EventType
from support.findings import extracted_events, of_type

pytestmark = pytest.mark.slow
Events = Callable[[str], list[EventFinding]]
STRIKE = "Pakistani jets dropped a heavy bomb on a militant camp near Quetta on Monday. "


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The rebels deny government claims that the raid killed 40 fighters near Quetta.",
         "government"),
        ("The rebels rejected the army's claim that 40 fighters were killed in the raid.",
         "army"),
    ],
)  # fmt: skip
def test_denied_claims_the_claim_stays_the_claimants(
    events: Events, text: str, source: str
) -> None:
    found = [f for f in events(text) if f.killed == Count.exactly(40)]
    assert found
    assert {f.attributed_to for f in found} == {source}


def test_denied_claims_a_denied_attack_is_still_negated(events: Events) -> None:
    found = events("The rebels denied that they attacked the convoy near Quetta.")
    assert of_type(found, EventType.ATTACK) == []


def test_weapon_tolls_a_toll_of_the_bomb_is_the_strikes(extractor: Extractor) -> None:
    text = STRIKE + "The rebels deny army claims that the bomb killed 40 fighters."
    found = extracted_events(extractor, text)
    operation = of_type(found, EventType.MILITARY_OPERATION)[0]
    assert operation.killed == Count.exactly(40)
    assert [(f.count, f.attributed_to) for f in operation.other_figures] == [
        (Count.exactly(40), "army")
    ]
    assert of_type(found, EventType.ATTACK) == []


def test_weapon_tolls_a_new_bomb_is_an_event_of_its_own(extractor: Extractor) -> None:
    text = STRIKE + "A bomb killed 40 people at a market in Peshawar on Friday."
    found = extracted_events(extractor, text)
    operation = of_type(found, EventType.MILITARY_OPERATION)[0]
    assert operation.killed is None
    assert of_type(found, EventType.ATTACK)[0].killed == Count.exactly(40)
