"""Tests for estimates of a group's strength (mosaic.extract.numbers.strength)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.numbers.strength import strength_findings
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import Count, StrengthFinding

pytestmark = pytest.mark.slow
Contexts = Callable[..., list[SentenceContext]]


def _found(contexts: Contexts, text: str) -> list[StrengthFinding]:
    return [f for c in contexts(text) for f in strength_findings(c, "test")]


def test_strength_a_group_has_a_range_of_fighters_says_a_source(contexts: Contexts) -> None:
    text = "The TTP has between 4,000 and 6,500 fighters, a UN monitoring team said."
    [found] = _found(contexts, text)
    assert found.group.name == "Tehreek-i-Taliban Pakistan"
    assert found.fighters == Count(4000, 6500)
    assert found.attributed_to is not None and "team" in found.attributed_to


def test_strength_fighters_named_with_their_group(contexts: Contexts) -> None:
    [found] = _found(contexts, "Some 1,200 ISKP fighters are based in the mountains.")
    assert found.group.name == "Islamic State Khorasan Province"
    assert found.fighters == Count(1200, 1200)


def test_strength_put_at(contexts: Contexts) -> None:
    [found] = _found(contexts, "Officials put the strength of the ALF at 800 fighters.")
    assert (found.group.name, found.fighters) == ("Alpha Liberation Front", Count(800, 800))


@pytest.mark.parametrize(
    "text",
    [
        "Troops killed 30 TTP fighters near the border.",
        "Police arrested 25 ISKP members in a raid.",
        "A squad of five ISKP fighters stormed the building.",
        "The report did not say how many fighters the TTP has.",
    ],
)
def test_strength_casualties_arrests_and_squads_are_no_estimate(
    contexts: Contexts, text: str
) -> None:
    assert _found(contexts, text) == []


def test_strength_reported_killed_is_no_estimate(contexts: Contexts) -> None:
    assert _found(contexts, "In May, 17 ISKP fighters were reported killed in a strike.") == []


def test_strength_a_described_branch_is_not_guessed(contexts: Contexts) -> None:
    text = "The TTP grew. Officials put the Khorasan branch's strength at about 900 fighters."
    assert _found(contexts, text) == []
