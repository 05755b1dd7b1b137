"""Tests for an event named again as "the attack" folded into its first telling
(mosaic.extract.events.retellings)."""

from __future__ import annotations

from dataclasses import replace

from mosaic.extract.events.retellings import fold_retellings
from mosaic.model import (
    Count,
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    FuzzyDate,
)

FRONT = EntityRef("Hill Front", EntityKind.ORGANIZATION, "org:hill-front")
TOWN = EntityRef("Oldtown", EntityKind.PLACE, "place:pk:oldtown")
PORT = EntityRef("Newport", EntityKind.PLACE, "place:pk:newport")


def _within(_outer: str, _inner: str) -> bool:
    return False


def finding(start: int, kind: EventType = EventType.ATTACK, **slots: object) -> EventFinding:
    base = EventFinding(kind, Evidence(start, start + 30, "x" * 30), "test")
    return replace(base, confidence=0.6, **slots)  # type: ignore[arg-type]


FIRST = finding(0, date=FuzzyDate(2020, 3, 2), country="PK", place=TOWN, killed=Count(4, 4))


def test_event_retellings_a_retelling_lends_its_parties_not_its_sentences_date() -> None:
    undated = replace(FIRST, date=None)
    said = finding(3000, date=FuzzyDate(2020, 4, 9), retelling=True, perpetrators=(FRONT,),
                   killed=Count(6, 6))  # fmt: skip
    [event] = fold_retellings([undated, said], 0.3, _within)
    assert event.perpetrators == (FRONT,) and event.killed == Count(6, 6)
    assert event.date is None and event.place == TOWN and event.evidence == FIRST.evidence
    assert fold_retellings([FIRST, said], 0.3, _within) == [FIRST]  # another day: dropped


def test_event_retellings_a_retelling_another_town_contradicts_is_dropped() -> None:
    elsewhere = finding(3000, country="PK", place=PORT, retelling=True, perpetrators=(FRONT,))
    assert fold_retellings([FIRST, elsewhere], 0.3, _within) == [FIRST]


def test_event_retellings_what_stays_apart() -> None:
    abroad = finding(3000, country="ID", retelling=True)
    assert fold_retellings([FIRST, abroad], 0.3, _within) == [FIRST, abroad]
    other_type = finding(3000, EventType.ARREST, retelling=True)
    assert fold_retellings([FIRST, other_type], 0.3, _within) == [FIRST, other_type]
    told_first = finding(0, retelling=True)
    assert fold_retellings([told_first, FIRST], 0.3, _within) == [told_first, FIRST]
    not_retelling = finding(3000, country="PK", place=PORT)
    assert fold_retellings([FIRST, not_retelling], 0.3, _within) == [FIRST, not_retelling]


def test_event_retellings_weak_findings_neither_fold_nor_take_folds() -> None:
    weak_first = replace(FIRST, confidence=0.1)
    said = finding(3000, retelling=True)
    assert fold_retellings([weak_first, said], 0.3, _within) == [weak_first, said]
    weak_said = replace(said, confidence=0.1)
    assert fold_retellings([FIRST, weak_said], 0.3, _within) == [FIRST, weak_said]


def test_event_retellings_a_retelling_places_a_first_telling_with_no_place() -> None:
    unplaced = replace(FIRST, place=None)
    said = finding(300, retelling=True, country="PK", place=PORT)
    [event] = fold_retellings([unplaced, said], 0.3, _within)
    assert event.place == PORT and event.date == FIRST.date
    other = replace(said, country="AF")
    assert fold_retellings([unplaced, other], 0.3, _within)[0].place is None
