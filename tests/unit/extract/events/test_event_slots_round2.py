"""Tests for event slots, round 2: perpetrators named through responsibility phrases,
unnamed perpetrators described by who they are, meeting participants, counts qualified by
a head preposition, destinations as places, and the founded group's country."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from mosaic.extract.numbers.casualties import casualties
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import Count, EventFinding, EventType, PerpetratorStatus
from support.findings import of_type, perpetrator_names

pytestmark = pytest.mark.slow
Contexts = Callable[..., list[SentenceContext]]
Events = Callable[[str], list[EventFinding]]


def test_event_slots_round2_list_linked_to_a_group(events: Events) -> None:
    text = (
        "The TTP was set up in 2007. It has since been linked to the 2010 Quetta bombing, "
        "the kidnapping of a judge in 2012, and the bombing of a prison in Peshawar in 2013."
    )
    attacks = of_type(events(text), EventType.ATTACK)
    assert len(attacks) == 3
    for attack in attacks:
        assert "Tehreek-i-Taliban Pakistan" in perpetrator_names(attack)
        assert attack.perpetrator_status is PerpetratorStatus.SUSPECTED


def test_event_slots_round2_group_responsible_for(events: Events) -> None:
    text = "Officers arrested two men from the ALF, the group responsible for the 2011 bombing."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert "Alpha Liberation Front" in perpetrator_names(attack)


def test_event_slots_round2_believed_behind(events: Events) -> None:
    found = events("Mullah Omar is thought to have been behind the 2009 attack.")
    attack = of_type(found, EventType.ATTACK)[0]
    assert "Mullah Omar" in perpetrator_names(attack)
    assert attack.perpetrator_status is PerpetratorStatus.SUSPECTED


def test_event_slots_round2_suspected_of_taking_part(events: Events) -> None:
    text = "Police named three Chechen men suspected of taking part in the May 4 attack in Moscow."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert "three Chechen men" in perpetrator_names(attack)
    assert "Chechen men" in perpetrator_names(attack)


def test_event_slots_round2_nationality_subject(events: Events) -> None:
    text = "In March, exiled Uzbek dissidents from Russia bombed a bus depot in Kabul."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert {"exiled Uzbek dissidents", "Uzbek dissidents"} <= perpetrator_names(attack)


def test_event_slots_round2_separatist_attack(events: Events) -> None:
    text = "Guards at the depot came under a Sindhi separatist attack on June 2."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert "Sindhi separatists" in perpetrator_names(attack)


def test_event_slots_round2_plain_nouns_are_no_perpetrators(events: Events) -> None:
    attack = of_type(events("Unknown gunmen attacked a checkpoint in Quetta."), EventType.ATTACK)[0]
    assert attack.perpetrators == ()


def test_event_slots_round2_met_with(events: Events) -> None:
    text = "The TTP said its commanders had met with envoys of the Afghan Taliban near Quetta."
    meeting = of_type(events(text), EventType.MEETING)[0]
    assert {"Tehreek-i-Taliban Pakistan", "Afghan Taliban"} <= perpetrator_names(meeting)


def test_event_slots_round2_attending_a_meeting(events: Events) -> None:
    text = "Mullah Omar spoke to reporters after attending a tribal meeting in Quetta on Monday."
    meeting = of_type(events(text), EventType.MEETING)[0]
    assert "Mullah Omar" in perpetrator_names(meeting)


def test_event_slots_round2_destination_is_the_place(events: Events) -> None:
    text = "The envoy agreed to fly to Kabul in early May to co-host a regional conference."
    meeting = of_type(events(text), EventType.MEETING)[0]
    assert meeting.place is not None and meeting.place.name == "Kabul"
    assert meeting.country == "AF"


def test_event_slots_round2_founded_group_country(events: Events) -> None:
    founding = of_type(
        events("Militant commanders formed the TTP in December 2007."), EventType.FOUNDING
    )
    assert founding[0].country == "PK"


def test_event_slots_round2_over_as_head_of_count(parse: Callable[..., Doc]) -> None:
    found = casualties(parse("At least 12 people died and over 40 were injured.")[:])
    assert found.wounded == Count(41, None)


@pytest.mark.parametrize(
    "text",
    [
        "The ALF said its fighters stormed a police post in Quetta on Friday, killing two guards.",
        "The ALF said their commandos carried out the bombing of a bus in Quetta on Friday.",
        "The ALF said the group's fighters ambushed a convoy near Quetta on Friday.",
        "The ALF said one of its fighters bombed a bus in Quetta on Friday.",
        "The ALF said two of their commandos stormed a police post in Quetta on Friday.",
    ],
)
def test_event_slots_round2_a_group_acting_through_its_fighters(events: Events, text: str) -> None:
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert "Alpha Liberation Front" in perpetrator_names(attack)
    assert attack.perpetrator_status is PerpetratorStatus.CLAIMED


def test_event_slots_round2_one_of_its_victims_is_not_the_group(events: Events) -> None:
    found = events("The ALF said one of its supporters was shot in Quetta on Friday.")
    for attack in of_type(found, EventType.ATTACK):
        assert "Alpha Liberation Front" not in perpetrator_names(attack)


def test_event_slots_round2_a_groups_rivals_acting_are_not_the_group(events: Events) -> None:
    found = events("The ALF said its rivals stormed a police post in Quetta on Friday.")
    attack = of_type(found, EventType.ATTACK)[0]
    assert "Alpha Liberation Front" not in perpetrator_names(attack)
