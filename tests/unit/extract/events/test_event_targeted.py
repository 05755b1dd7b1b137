"""Tests for one person killed by attackers as an assassination (mosaic.extract.events.targeted)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import AttackType, EventFinding, EventType

pytestmark = pytest.mark.slow

Events = Callable[..., list[EventFinding]]


def _attack_types(found: list[EventFinding]) -> list[AttackType | None]:
    return [f.attack_type for f in found if f.type is EventType.ATTACK]


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen shot dead a tailor outside his shop in Quetta on Monday.",
        "Masked men killed a village elder in Mardan late on Sunday.",
    ],
)
def test_targeted_one_civilian_killed_by_gunmen_is_an_assassination(
    events: Events, sentence: str
) -> None:
    assert _attack_types(events(sentence)) == [AttackType.ASSASSINATION]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Gunmen shot dead a policeman at a checkpoint in Quetta on Monday.",
         AttackType.ARMED_ASSAULT),
        ("Gunmen shot dead three tailors in Quetta on Monday.", AttackType.ARMED_ASSAULT),
        ("A roadside bomb killed a tailor in Quetta on Monday.", AttackType.BOMBING),
    ],
)  # fmt: skip
def test_targeted_forces_many_or_bombs_keep_their_kind(
    events: Events, sentence: str, kind: AttackType
) -> None:
    assert _attack_types(events(sentence)) == [kind]
