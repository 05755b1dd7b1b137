"""Tests for events found in one sentence (mosaic.extract.events.finder, killings, event_slots)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mosaic.extract.output import MIN_CONFIDENCE
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import AttackType, Count, EventFinding, EventType, FuzzyDate, PerpetratorStatus

pytestmark = pytest.mark.slow
Contexts = Callable[..., list[SentenceContext]]


def confident(found: list[EventFinding]) -> list[EventFinding]:
    return [f for f in found if f.confidence >= MIN_CONFIDENCE]


def test_events_attack_with_its_slots(events: Callable[[str], list[EventFinding]]) -> None:
    text = "On 12 March 2015, TTP gunmen stormed a school in Peshawar, killing 17 people."
    found = confident(events(text))
    attack = next(f for f in found if f.type is EventType.ATTACK)
    assert attack.date == FuzzyDate(2015, 3, 12)
    assert attack.place is not None and attack.place.name == "Peshawar" and attack.country == "PK"
    assert [p.key for p in attack.perpetrators] == ["org:ttp"]
    assert attack.perpetrator_status is PerpetratorStatus.ATTRIBUTED
    assert attack.killed == Count(17, 17) and attack.attack_type is AttackType.ARMED_ASSAULT
    assert attack.evidence.sentence == text


def test_events_claimed_and_suspected(events: Callable[[str], list[EventFinding]]) -> None:
    claimed = confident(events("The ISKP claimed responsibility for the bombing in Kabul."))
    assert claimed[0].perpetrator_status is PerpetratorStatus.CLAIMED
    assert claimed[0].perpetrators[0].key == "org:iskp"
    suspected = confident(events("A suspected TTP suicide bomber blew himself up in Quetta."))
    assert suspected[0].perpetrator_status is PerpetratorStatus.SUSPECTED
    assert suspected[0].attack_type is AttackType.SUICIDE_BOMBING


def test_events_killing_absorbs_the_strike(events: Callable[[str], list[EventFinding]]) -> None:
    found = confident(events("Mullah Omar was killed in an American drone strike in July 2016."))
    assert [f.type for f in found] == [EventType.KILLING]
    assert found[0].date == FuzzyDate(2016, 7)
    assert found[0].targets[0].key == "person:omar"
    assert found[0].perpetrators[0].name == "United States"


def test_events_state_forces_run_operations(events: Callable[[str], list[EventFinding]]) -> None:
    found = confident(events("Pakistani troops killed 30 militants in Nangarhar in June 2015."))
    assert found[0].type is EventType.MILITARY_OPERATION and found[0].killed == Count(30, 30)
    assert found[0].country == "AF"


@pytest.mark.parametrize(
    "text",
    [
        "Attacks such as bombings are common in the region.",
        "The TTP plans to attack the city.",
        "Officials denied that any bombing took place.",
        "The threat of attacks remains high.",
    ],
)
def test_events_generic_or_hypothetical_stay_below_threshold(
    events: Callable[[str], list[EventFinding]], text: str
) -> None:
    assert confident(events(text)) == []


def test_events_founding_needs_a_group(events: Callable[[str], list[EventFinding]]) -> None:
    assert confident(events("The ISKP was founded in January 2015."))[0].type is EventType.FOUNDING
    assert not [
        f for f in events("They formed a human chain in 2015.") if f.type is EventType.FOUNDING
    ]


def test_events_each_trigger_keeps_its_own_date(
    events: Callable[[str], list[EventFinding]],
) -> None:
    found = confident(events(
        "The bombing in Kabul on 3 January 2016 followed the arrest of two men in Quetta in 2014."
    ))  # fmt: skip
    by_type = {f.type: f for f in found}
    assert by_type[EventType.ATTACK].date == FuzzyDate(2016, 1, 3)
    assert by_type[EventType.ARREST].date == FuzzyDate(2014)
    arrest_place = by_type[EventType.ARREST].place
    assert arrest_place is not None and arrest_place.name == "Quetta"


def test_events_victims_nationality_is_not_the_events_country(
    events: Callable[[str], list[EventFinding]],
) -> None:
    found = events("Eight American soldiers have been killed in the attack, officials said.")
    assert found
    assert all(f.country != "US" for f in found)


def test_events_a_states_command_named_for_a_country_is_that_states(
    events: Callable[[str], list[EventFinding]],
) -> None:
    found = confident(
        events(
            "Yesterday U.S. Forces Afghanistan carried out a strike against a compound "
            "outside Kabul."
        )
    )
    operation = next(f for f in found if f.type is EventType.MILITARY_OPERATION)
    assert "United States" in {p.name for p in operation.perpetrators}
    assert "Afghanistan" not in {p.name for p in operation.perpetrators}


def test_events_a_time_since_the_event_runs_to_the_telling(
    events: Callable[..., list[EventFinding]],
) -> None:
    text = "Two months after the Pakistani army dropped bombs on Quetta, the rebels remain active."
    found = [
        f for f in events(text, dt.date(2016, 3, 30)) if f.type is EventType.MILITARY_OPERATION
    ]
    assert [f.date for f in found] == [FuzzyDate(2016, 1)]
    past = "Two months after the army dropped bombs on Quetta, the rebels fled to Kabul."
    assert all(f.date is None for f in events(past, dt.date(2016, 3, 30)))


def test_events_a_countrys_name_on_a_blast_is_its_place(
    events: Callable[[str], list[EventFinding]],
) -> None:
    found = confident(events("Five Dead in Pakistan Bomb Blast"))
    assert [(f.type, f.perpetrators, f.country) for f in found] == [(EventType.ATTACK, (), "PK")]
