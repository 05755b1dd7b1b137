"""Unnamed targets must be concrete: no days, areas, abstract nouns or bare quantities."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import EventFinding, EventType

pytestmark = pytest.mark.slow


def _targets(events: Callable[[str], list[EventFinding]], text: str) -> list[str]:
    attacks = [e for e in events(text) if e.type in (EventType.ATTACK, EventType.KILLING)]
    return [t.name.lower() for e in attacks for t in e.targets]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants bombed a crowded bus station in Quetta.", ["crowded bus station"]),
        ("Gunmen attacked a large number of trucks near Peshawar.", ["trucks"]),
        ("Rebels shelled residential areas of Kabul overnight.", []),
        ("The group vowed to continue its attack on freedom and democracy.", []),
        ("Insurgents attacked the police checkpoint on Wednesday.", ["police checkpoint"]),
    ],
)
def test_target_nouns_keep_concrete_targets_only(
    events: Callable[[str], list[EventFinding]], text: str, expected: list[str]
) -> None:
    assert _targets(events, text) == expected
