"""Tests for agents of noun triggers ("an attack by X") and unnamed state forces described by
their kind ("government troops") as perpetrators."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import EventFinding, EventType
from support.findings import of_type, perpetrator_names

pytestmark = pytest.mark.slow
Events = Callable[[str], list[EventFinding]]


def test_event_force_agents_noun_trigger_by_phrase_names_the_group(events: Events) -> None:
    found = events("A bombing by the Pakistani Taliban killed six guards at a checkpoint.")
    attack = of_type(found, EventType.ATTACK)[0]
    assert "Tehreek-i-Taliban Pakistan" in perpetrator_names(attack)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The ALF killed nine guards in an attack near Quetta on Monday.",
         ["Alpha Liberation Front"]),
        ("Nine guards were killed in an attack near Quetta on Monday.", []),
    ],
)  # fmt: skip
def test_event_force_agents_killers_carried_out_the_attack_they_killed_in(
    events: Events, text: str, names: list[str]
) -> None:
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert [ref.name for ref in attack.perpetrators] == names


def test_event_force_agents_by_phrase_of_a_place_names_no_one(events: Events) -> None:
    found = events("A bombing by the river killed six guards at a checkpoint.")
    attack = of_type(found, EventType.ATTACK)[0]
    assert attack.perpetrators == ()


def test_event_force_agents_described_troops_make_a_military_operation(events: Events) -> None:
    found = events("Government troops killed eleven militants near the border on Friday.")
    operation = of_type(found, EventType.MILITARY_OPERATION)[0]
    assert "Government troops" in perpetrator_names(operation)
    assert of_type(found, EventType.ATTACK) == []


def test_event_force_agents_described_police_make_the_arrest(events: Events) -> None:
    found = events("The provincial police arrested nine suspects in a dawn raid.")
    arrest = of_type(found, EventType.ARREST)[0]
    assert "provincial police" in perpetrator_names(arrest)


def test_event_force_agents_bare_force_noun_is_not_a_name(events: Events) -> None:
    found = events("Soldiers killed eleven militants near the border on Friday.")
    assert all(f.perpetrators == () for f in found)


def test_event_force_agents_force_as_target_is_not_the_perpetrator(events: Events) -> None:
    found = events("Gunmen attacked paramilitary troops guarding a bridge, killing two.")
    attack = of_type(found, EventType.ATTACK)[0]
    assert "paramilitary troops" not in perpetrator_names(attack)


def test_event_force_agents_sentence_initial_capital_is_no_ethnonym(events: Events) -> None:
    found = events("Militants stormed a police station and killed four officers.")
    attack = of_type(found, EventType.ATTACK)[0]
    assert "Militants" not in perpetrator_names(attack)


def test_event_force_agents_acting_state_is_not_the_place(events: Events) -> None:
    found = events("A militant commander was killed in a US strike, officials said.")
    operation = of_type(found, EventType.MILITARY_OPERATION)[0]
    assert "United States" in perpetrator_names(operation)
    assert operation.place is None


def test_event_force_agents_bare_army_is_the_reports_country_and_its_army(events: Events) -> None:
    text = (
        "Pakistan has seen attacks in Quetta, Peshawar and Hyderabad this year. Officials in "
        "Pakistan said more were feared in Peshawar. The army launched air strikes on hideouts "
        "near Quetta on Monday."
    )
    operation = of_type(events(text), EventType.MILITARY_OPERATION)[0]
    assert {"Pakistan", "Pakistani military"} <= perpetrator_names(operation)


def test_event_force_agents_bare_army_without_a_focus_names_no_one(events: Events) -> None:
    text = "The army launched air strikes on hideouts near Quetta and Kabul on Monday."
    operation = of_type(events(text), EventType.MILITARY_OPERATION)[0]
    assert operation.perpetrators == ()


def test_event_force_agents_designations_by_agent_on_the_object_and_conjoined(
    events: Events,
) -> None:
    text = (
        "The ALF was designated a terrorist organisation by the United States in May 2010, and "
        "was banned by Pakistan in June 2011."
    )
    designations = of_type(events(text), EventType.DESIGNATION)
    assert [perpetrator_names(d) & {"United States", "Pakistan"} for d in designations] == [
        {"United States"},
        {"Pakistan"},
    ]
    assert all("Alpha Liberation Front" in {t.name for t in d.targets} for d in designations)


def test_event_force_agents_added_to_a_sanctions_list_is_a_designation(events: Events) -> None:
    text = "The ALF was set up in 2001. The United States added it to its blacklist in 2012."
    found = events(text)
    [designation] = of_type(found, EventType.DESIGNATION)
    assert [t.name for t in designation.targets] == ["Alpha Liberation Front"]


def test_event_force_agents_envoys_at_a_meeting_stand_for_their_states(events: Events) -> None:
    text = "On Monday, officials from Russia and the United States met their Afghan counterparts."
    [meeting] = of_type(events(text), EventType.MEETING)
    assert {"Russia", "United States", "Afghanistan"} <= perpetrator_names(meeting)


def test_event_force_agents_coordinated_demonyms_are_each_a_state(events: Events) -> None:
    found = events("Afghan and Pakistani troops raided a militant hideout near the border.")
    operation = of_type(found, EventType.MILITARY_OPERATION)[0]
    assert {"Afghanistan", "Pakistan"} <= perpetrator_names(operation)


def test_event_force_agents_those_who_came_for_a_meeting_took_part(events: Events) -> None:
    text = (
        "On Tuesday, diplomats from Russia and the United States joined their Afghan "
        "counterparts in Kabul for what was called a meeting on border security."
    )
    [meeting] = of_type(events(text), EventType.MEETING)
    assert {"Russia", "United States", "Afghanistan"} <= perpetrator_names(meeting)


def test_event_force_agents_delegates_gathered_for_talks(events: Events) -> None:
    text = "Taliban delegates and Afghan officials gathered in Doha for talks on Sunday."
    [meeting] = of_type(events(text), EventType.MEETING)
    assert {"Afghan Taliban", "Afghanistan"} <= perpetrator_names(meeting)


def test_event_force_agents_a_purpose_phrase_of_another_verb_names_no_party(
    events: Events,
) -> None:
    text = "Police in Kabul stepped up checks for a meeting of tribal elders on Sunday."
    meetings = of_type(events(text), EventType.MEETING)
    assert all("Afghanistan" not in perpetrator_names(m) for m in meetings)


def test_event_force_agents_two_states_striking_each_other_are_two_acts(
    events: Events,
) -> None:
    text = "Afghanistan and Pakistan shelled each other's border posts in March, killing six."
    found = of_type(events(text), EventType.MILITARY_OPERATION)
    sides = {
        (frozenset(perpetrator_names(f)) & {"Afghanistan", "Pakistan"}, f.country) for f in found
    }
    assert sides == {(frozenset({"Afghanistan"}), "PK"), (frozenset({"Pakistan"}), "AF")}


def test_event_force_agents_two_states_striking_together_are_one_act(events: Events) -> None:
    text = "Afghanistan and Pakistan shelled the hideouts of militants in March, killing six."
    [operation] = of_type(events(text), EventType.MILITARY_OPERATION)
    assert {"Afghanistan", "Pakistan"} <= perpetrator_names(operation)


def test_event_force_agents_a_person_designated_a_terrorist(events: Events) -> None:
    text = "The ALF's leader, Mullah Omar, was designated a terrorist by the United States in 2012."
    [designation] = of_type(events(text), EventType.DESIGNATION)
    assert [t.name for t in designation.targets] == ["Mullah Omar"]
    assert "United States" in perpetrator_names(designation)


def test_event_force_agents_a_person_designated_a_successor_is_no_designation(
    events: Events,
) -> None:
    text = "The council designated Mullah Omar as its next chairman in 2012."
    assert of_type(events(text), EventType.DESIGNATION) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The ALF is a militant group. In 2004 the group carried out attacks in Quetta.",
         ["Alpha Liberation Front"]),
        ("The ALF is a militant group. In 2004 a group of gunmen attacked a bank in Quetta.", []),
    ],
)  # fmt: skip
def test_event_force_agents_the_group_is_the_group_named_before(
    events: Events, text: str, names: list[str]
) -> None:
    attack = of_type(events(text), EventType.ATTACK)[-1]
    assert [ref.name for ref in attack.perpetrators if ref.key] == names


@pytest.mark.parametrize(
    "text",
    [
        "Two suspects were detained by officers of the Counter Terrorism Department in Sukkur.",
        "Investigators of the Counter Terrorism Department arrested two suspects in Sukkur.",
    ],
)
def test_event_force_agents_officers_of_a_named_body_name_the_body(
    events: Events, text: str
) -> None:
    arrest = of_type(events(text), EventType.ARREST)[0]
    assert "Counter Terrorism Department" in perpetrator_names(arrest)
