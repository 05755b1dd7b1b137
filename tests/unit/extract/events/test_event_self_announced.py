"""Tests for a group announcing its own founding (mosaic.extract.events.self_announced)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import EventFinding, EventType

pytestmark = pytest.mark.slow

Events = Callable[..., list[EventFinding]]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Alpha Liberation Front announced its formation in a statement in March 2015.",
        "A new armed group, the Alpha Liberation Front, declared its founding in a video in 2015.",
    ],
)
def test_self_announced_group_announcing_its_formation_is_founded(
    events: Events, sentence: str
) -> None:
    found = [f for f in events(sentence) if f.type is EventType.FOUNDING]
    assert len(found) == 1
    assert [p.name for p in found[0].perpetrators] == ["Alpha Liberation Front"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Alpha Liberation Front announced its plans in a statement in March 2015.",
        "The Alpha Liberation Front marked its formation with a rally in March 2015.",
    ],
)
def test_self_announced_other_things_announced_found_no_group(
    events: Events, sentence: str
) -> None:
    found = [f for f in events(sentence) if f.type is EventType.FOUNDING]
    assert all("Alpha Liberation Front" not in {p.name for p in f.perpetrators} for f in found)
