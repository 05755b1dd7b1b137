"""Tests for event slots read beyond the trigger's phrase: the country when no place is
named, the narrative's day, the dead of killings and beheadings, named affiliates."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.entities.gazetteer import ActorRecord, ActorRelation, Gazetteer
from mosaic.extract.events.finder import EventFinder
from mosaic.extract.output import MIN_CONFIDENCE
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import Count, EntityKind, EventFinding, EventType, FuzzyDate, RelationType

pytestmark = pytest.mark.slow
Contexts = Callable[..., list[SentenceContext]]
Events = Callable[[str], list[EventFinding]]


def _affiliated() -> Gazetteer:
    parent = ActorRecord("org:islamic-state", "Islamic State", EntityKind.ORGANIZATION,
                         "armed_group", ("IS",))  # fmt: skip
    branch = ActorRecord(
        "org:iskp", "Islamic State Khorasan Province", EntityKind.ORGANIZATION, "armed_group",
        ("IS Khorasan",), "AF",
        relations=(ActorRelation(RelationType.AFFILIATE_OF, "org:islamic-state"),),
    )  # fmt: skip
    return Gazetteer.from_records([parent, branch])


@pytest.fixture(scope="module")
def events(contexts: Contexts, places: PlaceTable) -> Events:
    finder = EventFinder(places, "test", _affiliated())

    def run(text: str) -> list[EventFinding]:
        found = [f for c in contexts(text) for f in finder.find(c)]
        return [f for f in found if f.confidence >= MIN_CONFIDENCE]

    return run


def _first(found: list[EventFinding], kind: EventType) -> EventFinding:
    return next(f for f in found if f.type is kind)


def test_event_slot_inference_country_of_a_state_acting_at_home(events: Events) -> None:
    found = events("In June 2014 the Pakistani army's crackdown on the militants began.")
    assert _first(found, EventType.MILITARY_OPERATION).country == "PK"


def test_event_slot_inference_no_country_from_a_strike_abroad(events: Events) -> None:
    found = events("On 4 May 2016 an American drone strike killed three militants.")
    assert all(f.country is None for f in found)


def test_event_slot_inference_country_from_a_place_named_elsewhere(events: Events) -> None:
    text = "On 9 May 2016 a bomber blew himself up at the house of a Jalalabad lawmaker."
    assert _first(events(text), EventType.ATTACK).country == "AF"


def test_event_slot_inference_no_country_from_where_attackers_came(events: Events) -> None:
    found = events("On 9 May 2016 gunmen from Russia stormed a police checkpoint.")
    assert _first(found, EventType.ATTACK).country is None


def test_event_slot_inference_the_narrative_day_carries_on(events: Events) -> None:
    text = "On 3 March 2015, a bomb exploded in Kabul. Another explosion hit a market in Quetta."
    attacks = [f for f in events(text) if f.type is EventType.ATTACK]
    assert [f.date for f in attacks] == [FuzzyDate(2015, 3, 3), FuzzyDate(2015, 3, 3)]


def test_event_slot_inference_a_month_does_not_carry_on(events: Events) -> None:
    text = "In March 2015, a bomb exploded in Kabul. Another explosion hit a market in Quetta."
    attacks = [f for f in events(text) if f.type is EventType.ATTACK]
    assert attacks[-1].date is None


def test_event_slot_inference_dead_of_a_killing_are_its_victims(events: Events) -> None:
    found = events("Mullah Omar and his driver were killed in Quetta in 2015.")
    assert _first(found, EventType.KILLING).killed == Count(2, 2)


def test_event_slot_inference_a_beheading_kills_its_target(events: Events) -> None:
    one = events("In June 2015 the militants beheaded a captive soldier in Nangarhar.")
    assert _first(one, EventType.ATTACK).killed == Count(1, 1)
    ten = events("In June 2015 the militants beheaded nine captive soldiers in Nangarhar.")
    assert _first(ten, EventType.ATTACK).killed == Count(9, 9)


def test_event_slot_inference_the_arrested_are_not_the_dead(events: Events) -> None:
    text = (
        "On 2 May 2016 gunmen attacked a post in Quetta. Four were killed and nine were arrested."
    )
    dead = [f.killed for f in events(text) if f.killed is not None]
    assert Count(4, 4) in dead and Count(9, 9) not in dead


def test_event_slot_inference_a_named_affiliate_joins_its_parent(events: Events) -> None:
    text = "On 2 May 2016 IS gunmen attacked a checkpoint in Jalalabad. IS Khorasan grew fast."
    keys = [p.key for p in _first(events(text), EventType.ATTACK).perpetrators]
    assert keys == ["org:islamic-state", "org:iskp"]
