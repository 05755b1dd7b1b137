"""Tests for captives killed after a kidnapping as the kidnapping's dead
(mosaic.extract.events.captives) and for a beheading of "him" killing one (events.killings)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import AttackType, Count, EventFinding, EventType
from support.findings import of_type

pytestmark = pytest.mark.slow
Events = Callable[[str], list[EventFinding]]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Militants kidnapped two engineers near Quetta on Friday and later killed them.", 2),
        ("A reporter was kidnapped in Peshawar on Monday and was found dead two days later.", 1),
        ("Rebels abducted three aid workers near Mardan and later shot them dead.", 3),
    ],
)
def test_captives_kidnapped_then_killed_are_the_kidnappings_dead(
    events: Events, text: str, dead: int
) -> None:
    [kidnapping] = of_type(events(text), EventType.ATTACK)
    assert kidnapping.killed == Count.exactly(dead)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Militants kidnapped two engineers near Quetta on Friday and later killed them.",
         AttackType.ARMED_ASSAULT),
        ("Six passengers were abducted and killed by gunmen near Mardan on Sunday.",
         AttackType.ARMED_ASSAULT),
        ("Rebels abducted three aid workers near Mardan and later shot them dead.",
         AttackType.ARMED_ASSAULT),
        ("Gunmen kidnapped a trader in Peshawar on Monday and beheaded him.",
         AttackType.BEHEADING),
        ("Gunmen kidnapped a trader in Peshawar on Monday and killed his driver.",
         AttackType.KIDNAPPING),
        ("A reporter was kidnapped in Peshawar on Monday and held for a ransom.",
         AttackType.KIDNAPPING),
        ("Gunmen abducted a shopkeeper in Mardan on Monday; his body was found in a canal.",
         AttackType.ARMED_ASSAULT),
        ("Masked men abducted a lawyer in Mardan on Monday. Her body was recovered on Friday.",
         AttackType.ARMED_ASSAULT),
        ("Rebels abducted a mechanic near Mardan on Monday. He was found dead a week later.",
         AttackType.ARMED_ASSAULT),
        ("Gunmen abducted a shopkeeper in Mardan on Monday; police found his car in a canal.",
         AttackType.KIDNAPPING),
        ("Rebels abducted a mechanic near Mardan. The body of a guard was found nearby.",
         AttackType.KIDNAPPING),
    ],
)  # fmt: skip
def test_captives_taken_to_be_killed_type_the_attack_by_the_killing(
    events: Events, text: str, kind: AttackType
) -> None:
    found = of_type(events(text), EventType.ATTACK)
    assert found and found[0].attack_type is kind


def test_captives_kidnapped_and_freed_are_no_dead(events: Events) -> None:
    text = "Militants kidnapped two engineers near Quetta on Friday and later released them."
    found = of_type(events(text), EventType.ATTACK)
    assert found
    assert all(f.killed is None for f in found)


def test_captives_beheading_him_kills_one(events: Events) -> None:
    text = "Gunmen abducted a teacher near Quetta on Monday and later beheaded him."
    found = of_type(events(text), EventType.ATTACK)
    beheading = next(f for f in found if f.attack_type is AttackType.BEHEADING)
    assert beheading.killed == Count.exactly(1)
