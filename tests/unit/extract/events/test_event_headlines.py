"""Tests for a headline's event folded into the prose's (mosaic.extract.events.headlines)."""

from __future__ import annotations

from dataclasses import replace

from mosaic.extract.events.headlines import fold_headlines
from mosaic.extract.events.merge import merge_events
from mosaic.extract.text.display_lines import find_display_lines
from mosaic.model import (
    AttackType,
    Count,
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    FuzzyDate,
)

TEXT = "Rebels Kill Ten Guards at Border Post\n\n" + "Ten guards were killed in an attack. " * 4
DISPLAY = find_display_lines(TEXT)
REBELS = EntityRef("Rebels", EntityKind.ORGANIZATION)
FRONT = EntityRef("Hill Front", EntityKind.ORGANIZATION, "org:hill-front")
BODY_START = TEXT.index("Ten guards")


def _within(_outer: str, _inner: str) -> bool:
    return False


def finding(start: int, kind: EventType = EventType.ATTACK, **slots: object) -> EventFinding:
    base = EventFinding(kind, Evidence(start, start + 30, TEXT[start : start + 30]), "test")
    return replace(base, confidence=0.6, **slots)  # type: ignore[arg-type]


HEADLINE = finding(0, EventType.KILLING, killed=Count(10, 10), perpetrators=(REBELS,),
                   country="AF", attack_type=AttackType.ARMED_ASSAULT)  # fmt: skip
BODY = finding(BODY_START, killed=Count(10, 10), perpetrators=(FRONT,), country="PK",
               date=FuzzyDate(2020, 3, 2))  # fmt: skip


def test_event_headlines_a_headline_of_another_type_folds_into_the_prose_toll() -> None:
    [event] = fold_headlines([HEADLINE, BODY], DISPLAY, 0.3, _within)
    assert event.type is EventType.ATTACK and event.country == "PK"
    assert event.perpetrators == (FRONT, REBELS)
    assert event.attack_type is AttackType.ARMED_ASSAULT and event.evidence == BODY.evidence
    assert len(merge_events([HEADLINE, BODY], 0.3)) == 2  # what the merge alone would keep


def test_event_headlines_another_toll_or_day_is_another_event() -> None:
    other_toll = replace(BODY, killed=Count(3, 3))
    assert fold_headlines([HEADLINE, other_toll], DISPLAY, 0.3, _within) == [HEADLINE, other_toll]
    dated = replace(HEADLINE, date=FuzzyDate(2020, 3, 9))
    assert len(fold_headlines([dated, BODY], DISPLAY, 0.3, _within)) == 2


def test_event_headlines_the_merge_joins_what_agrees_and_weak_prose_takes_nothing() -> None:
    same_kind = replace(HEADLINE, type=EventType.ATTACK, country="PK")
    assert fold_headlines([same_kind, BODY], DISPLAY, 0.3, _within) == [same_kind, BODY]
    weak = replace(BODY, confidence=0.1)
    assert fold_headlines([HEADLINE, weak], DISPLAY, 0.3, _within) == [HEADLINE, weak]


def test_event_headlines_a_retelling_too_far_below_for_the_merge_takes_the_headline() -> None:
    same_kind = replace(HEADLINE, type=EventType.ATTACK, country="PK")
    far = replace(BODY, evidence=Evidence(2000, 2030, "x"))
    assert len(merge_events([same_kind, far], 0.3)) == 2
    [event] = fold_headlines([same_kind, far], DISPLAY, 0.3, _within)
    assert event.evidence == far.evidence and event.perpetrators == (FRONT, REBELS)


def test_event_headlines_only_headline_findings_are_folded() -> None:
    prose = replace(HEADLINE, evidence=Evidence(BODY_START + 40, BODY_START + 70, "x"))
    assert fold_headlines([prose, BODY], DISPLAY, 0.3, _within) == [prose, BODY]
