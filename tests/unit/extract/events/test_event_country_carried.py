"""Tests for the country an event takes from the event told right before it."""

from __future__ import annotations

from dataclasses import replace

from mosaic.extract.events.country import carry_countries
from mosaic.model import EntityKind, EntityRef, EventFinding, EventType, Evidence

BANGKOK = EntityRef("Bangkok", EntityKind.PLACE, "place:th:bangkok")
TEXT = (
    "Bombers struck a shrine in Bangkok. The attackers were later arrested.\n\n"
    "Two men were arrested."
)


def _event(sentence: str, kind: EventType = EventType.ATTACK, **slots: object) -> EventFinding:
    start = TEXT.index(sentence)
    evidence = Evidence(start, start + len(sentence), sentence)
    return replace(EventFinding(kind, evidence, "test", confidence=0.8), **slots)  # type: ignore[arg-type]


BOMBING = _event("Bombers struck a shrine in Bangkok.", place=BANGKOK, country="TH")
ARREST = _event("The attackers were later arrested.", EventType.ARREST)
LATER_ARREST = _event("Two men were arrested.", EventType.ARREST)


def test_event_country_carried_from_the_event_in_the_sentence_before() -> None:
    assert carry_countries([BOMBING, ARREST], TEXT, 0.3)[1].country == "TH"


def test_event_country_carried_not_across_a_paragraph() -> None:
    assert carry_countries([BOMBING, LATER_ARREST], TEXT, 0.3)[1].country is None


def test_event_country_carried_not_over_its_own_country() -> None:
    own = replace(ARREST, country="MY")
    assert carry_countries([BOMBING, own], TEXT, 0.3)[1].country == "MY"


def test_event_country_carried_only_from_a_confident_placed_event() -> None:
    doubtful = replace(BOMBING, confidence=0.2)
    unplaced = replace(BOMBING, place=None)
    assert carry_countries([doubtful, ARREST], TEXT, 0.3)[1].country is None
    assert carry_countries([unplaced, ARREST], TEXT, 0.3)[1].country is None


def test_event_country_carried_not_from_a_meeting_or_to_one() -> None:
    meeting = replace(BOMBING, type=EventType.MEETING)
    assert carry_countries([meeting, ARREST], TEXT, 0.3)[1].country is None
    later_meeting = replace(ARREST, type=EventType.MEETING)
    assert carry_countries([BOMBING, later_meeting], TEXT, 0.3)[1].country is None
