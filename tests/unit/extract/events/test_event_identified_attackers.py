"""The attacker's name told in a sentence after the attack (events.identified_attackers)."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.extract.pipeline import Extractor
from mosaic.model import EventFinding, EventType, Report

pytestmark = pytest.mark.slow


def _attack(extractor: Extractor, text: str) -> EventFinding:
    found = extractor.extract(Report(text=text, published=dt.date(2024, 5, 15))).events
    [attack] = [e for e in found if e.type is EventType.ATTACK]
    return attack


def _names(event: EventFinding) -> set[str]:
    return {ref.name for ref in event.perpetrators}


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        (
            "A suicide bomber killed nine guests at a wedding in Nangarhar on Saturday. The "
            "bomber was identified as Abdul Wahid.",
            "Abdul Wahid",
        ),
        (
            "A teenage suicide bomber struck a police academy in Mardan on Monday, killing "
            "eight cadets. Officials named the attacker as Farhad Ali, 17.",
            "Farhad Ali",
        ),
        (
            "A man stabbed three policemen outside a shrine in Lahore on Thursday. The "
            "assailant, identified as Tariq Mehmood, was shot dead by guards.",
            "Tariq Mehmood",
        ),
        (
            "An assailant threw a grenade into a crowd in Chaman on Wednesday, wounding 11. "
            "He was later identified as Naqeebullah.",
            "Naqeebullah",
        ),
    ],
)
def test_identified_attackers_the_named_attacker_carried_out_the_attack(
    extractor: Extractor, text: str, attacker: str
) -> None:
    assert attacker in _names(_attack(extractor, text))


def test_identified_attackers_the_group_the_attacker_belongs_to_joins_him(
    extractor: Extractor,
) -> None:
    text = (
        "A suicide bomber killed nine guests at a wedding in Nangarhar on Saturday. The bomber "
        "was identified as Abdul Wahid, a member of the Islamic State."
    )
    assert {"Abdul Wahid", "Islamic State"} <= _names(_attack(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "A suicide bomber killed nine guests at a wedding in Nangarhar on Saturday. One of "
        "the victims was identified as Abdul Wahid, a shopkeeper.",
        "Gunmen shot dead a judge in Dera Ismail Khan on Tuesday. He was identified as "
        "Abdul Wahid.",
    ],
)
def test_identified_attackers_a_victim_named_is_no_attacker(
    extractor: Extractor, text: str
) -> None:
    assert "Abdul Wahid" not in _names(_attack(extractor, text))
