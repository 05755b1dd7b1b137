"""Attackers told by what they are, just after a sentence about a group, are that group's
(events.slots._attackers_of_the_group_before); in sentences written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import EventFinding
from support.findings import perpetrator_names

pytestmark = pytest.mark.slow

Events = Callable[..., list[EventFinding]]
ABOUT = "The TTP has claimed several of the deadliest attacks on the police this year. "


def _attack(found: list[EventFinding], word: str) -> EventFinding:
    [event] = [e for e in found if word in e.evidence.sentence]
    return event


@pytest.mark.parametrize(
    "instance",
    [
        "In July, militants stormed a police station in Bannu, killing six officers.",
        "In May, a suicide bomber killed four policemen at a checkpoint in Mardan.",
    ],
)
def test_attackers_after_a_sentence_about_a_group_are_its(events: Events, instance: str) -> None:
    event = _attack(events(ABOUT + instance), "killing" if "stormed" in instance else "Mardan")
    assert "Tehreek-i-Taliban Pakistan" in perpetrator_names(event)


@pytest.mark.parametrize(
    "text",
    [
        "A police officer said the search had begun. In July, militants stormed a police "
        "station in Bannu, killing six officers.",
        ABOUT + "In July, militants of another faction stormed a police station in Bannu, "
        "killing six officers.",
        ABOUT + "In July, Lashkar-e-Jhangvi militants stormed a police station in Bannu, "
        "killing six officers.",
    ],
)
def test_attackers_with_no_group_just_before_or_owned_are_not_its(
    events: Events, text: str
) -> None:
    event = _attack(events(text), "killing")
    assert "Tehreek-i-Taliban Pakistan" not in perpetrator_names(event)
