"""Tests for which events a sentence states, their type and where a type places them
(mosaic.extract.events: types, killings, country, finder)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.output import MIN_CONFIDENCE
from mosaic.model import AttackType, EventFinding, EventType

pytestmark = pytest.mark.slow
Events = Callable[[str], list[EventFinding]]


def confident(found: list[EventFinding]) -> list[EventFinding]:
    return [f for f in found if f.confidence >= MIN_CONFIDENCE]


def types(found: list[EventFinding]) -> list[EventType]:
    return [f.type for f in confident(found)]


@pytest.mark.parametrize(
    "text",
    [
        "American warplanes struck three depots of the ALF near Quetta on Monday.",
        "Two supply depots of the ALF were hit by US drones near Quetta on Monday.",
        "Russia said on Monday it had struck four ALF depots near Quetta.",
    ],
)
def test_typing_a_state_striking_something_runs_an_operation(events: Events, text: str) -> None:
    assert types(events(text)) == [EventType.MILITARY_OPERATION]


@pytest.mark.parametrize(
    "text",
    [
        "A heavy storm struck Quetta on Monday.",
        "ALF fighters struck a police post near Quetta on Monday.",
        "The ALF said it had hit its fundraising goal on Monday.",
    ],
)
def test_typing_others_striking_run_no_operation(events: Events, text: str) -> None:
    assert EventType.MILITARY_OPERATION not in types(events(text))


def test_typing_a_person_seized_by_gunmen_is_kidnapped(events: Events) -> None:
    found = confident(events("Ahmed Karim was seized by gunmen outside Quetta in March 2015."))
    assert [(f.type, f.attack_type) for f in found] == [(EventType.ATTACK, AttackType.KIDNAPPING)]
    arrested = confident(events("Ahmed Karim was seized by police outside Quetta in March 2015."))
    assert [f.type for f in arrested] == [EventType.ARREST]


@pytest.mark.parametrize(
    "text",
    [
        "The ALF carried out a dynamite attack on a power station near Quetta on Monday.",
        "ALF fighters attacked a power station near Quetta with dynamite on Monday.",
    ],
)
def test_typing_a_dynamite_attack_is_a_bombing(events: Events, text: str) -> None:
    found = confident(events(text))
    assert [(f.type, f.attack_type) for f in found] == [(EventType.ATTACK, AttackType.BOMBING)]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("ALF militants set fire to a girls' school in Quetta on Monday.", "a girls' school"),
        ("ALF militants set the police station on fire in Quetta on Monday.", "police station"),
        ("Two buses were torched by ALF militants near Quetta on Monday.", "buses"),
        ("THE REBELS BURNED THE MUNICIPAL OFFICE IN QUETTA ON MONDAY.", "municipal office"),
        ("ALF militants set ablaze three power pylons near Quetta on Monday.", "power pylons"),
    ],
)
def test_typing_fire_set_to_a_building_or_vehicle_is_a_facility_attack(
    events: Events, text: str, target: str
) -> None:
    found = confident(events(text))
    assert [(f.type, f.attack_type) for f in found] == [
        (EventType.ATTACK, AttackType.FACILITY_ATTACK)
    ]
    assert target in [t.name for t in found[0].targets]


@pytest.mark.parametrize(
    "text",
    [
        "Two men were burned to death in Quetta on Monday.",
        "A man set himself on fire outside the court in Quetta on Monday.",
        "Protesters burned the flag of the ALF in Quetta on Monday.",
        "Gunmen opened fire on a police station in Quetta on Monday.",
    ],
)
def test_typing_other_fires_are_no_facility_attack(events: Events, text: str) -> None:
    assert AttackType.FACILITY_ATTACK not in [f.attack_type for f in confident(events(text))]


def test_typing_a_kidnapping_at_a_rally_is_no_protest(events: Events) -> None:
    found = events("Ahmed Karim was seized by militants at a campaign rally in Quetta in May 2014.")
    assert types(found) == [EventType.ATTACK]


@pytest.mark.parametrize(
    "text",
    [
        "A US drone strike killed his predecessor in Kabul in May 2015.",
        "The group's founder was killed by an American drone in Kabul in 2012.",
    ],
)
def test_typing_a_leader_killed_is_a_killing(events: Events, text: str) -> None:
    assert types(events(text)) == [EventType.KILLING]


def test_typing_counted_dead_are_no_killing(events: Events) -> None:
    found = events("A US drone strike killed four fighters in Kabul in May 2015.")
    assert EventType.KILLING not in types(found)


def test_typing_a_plan_to_attack_is_no_event(events: Events) -> None:
    assert types(events("Russian police foiled a plan to bomb a railway station in Moscow.")) == []
    assert types(events("Police in Moscow uncovered a plot to kill the mayor.")) == []


def test_typing_an_arrest_a_reward_seeks_is_no_event(events: Events) -> None:
    text = "The US offered a reward for information leading to the arrest of the ALF's chief."
    assert EventType.ARREST not in types(events(text))


def test_typing_a_designation_happens_where_the_state_rules(events: Events) -> None:
    text = "The United States on Monday designated the ALF's wing in Afghanistan a terrorist group."
    found = [f for f in confident(events(text)) if f.type is EventType.DESIGNATION]
    assert [(f.country, f.place) for f in found] == [("US", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Police picked up 20 suspects in Peshawar on Monday.",
        "Police rounded up five members of the ALF in Quetta on Monday.",
        "Police took three men into custody in Quetta on Monday.",
    ],
)
def test_typing_arrests_told_by_a_phrase(events: Events, text: str) -> None:
    assert types(events(text)) == [EventType.ARREST]


def test_typing_picking_up_no_one_is_no_arrest(events: Events) -> None:
    assert types(events("The ALF picked up support in Quetta on Monday.")) == []


def test_typing_setting_off_a_bomb_is_a_bombing(events: Events) -> None:
    found = confident(events("Two men set off a bomb outside a mosque in Quetta in May 2015."))
    assert [(f.type, f.attack_type) for f in found] == [(EventType.ATTACK, AttackType.BOMBING)]
    assert types(events("The delay set off protests in Quetta in May 2015.")) != [EventType.ATTACK]


def test_typing_declaring_a_group_terrorist_is_a_designation(events: Events) -> None:
    text = "The United States on Friday declared the ALF a terrorist organization."
    assert types(events(text)) == [EventType.DESIGNATION]
    assert types(events("The ALF declared a ceasefire in Quetta on Friday.")) == []
    act = events("Officials declared the shooting in Quetta a terrorist act on Friday.")
    assert EventType.DESIGNATION not in types(act)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ALF fighters throwing grenades and firing automatic weapons attacked a bank in Quetta.",
         AttackType.ARMED_ASSAULT),
        ("ALF fighters attacked a bank in Quetta on Monday, lobbing grenades and firing at guards.",
         AttackType.ARMED_ASSAULT),
        ("ALF fighters attacked a bank in Quetta on Monday, firing rockets and grenades at it.",
         AttackType.BOMBING),
        ("Gunmen blew up a railway bridge near Quetta on Monday.", AttackType.BOMBING),
        ("Gunmen blew up the gate of a jail near Quetta and then opened fire on the guards.",
         AttackType.ARMED_ASSAULT),
    ],
)  # fmt: skip
def test_typing_shots_fired_make_an_assault_and_gunmen_alone_no_bombing_one(
    events: Events, text: str, kind: AttackType
) -> None:
    found = [f for f in confident(events(text)) if f.type is EventType.ATTACK]
    assert found and found[0].attack_type is kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rangers began an operation against ALF cells near Quetta on Thursday.",
         [EventType.MILITARY_OPERATION]),
        ("The charity launched an operation to feed flood victims in Quetta on Thursday.", []),
    ],
)  # fmt: skip
def test_typing_an_operation_against_someone_is_a_military_one(
    events: Events, text: str, expected: list[EventType]
) -> None:
    assert types(events(text)) == expected


def test_typing_an_opening_participle_is_said_of_the_subject(events: Events) -> None:
    """ "Designated ... in 2003, X is ...": the participle's object is the main clause's
    subject, the group designated or founded."""
    text = "Designated a terrorist organization in 2003, the ALF is active in Quetta."
    [designation] = [f for f in confident(events(text)) if f.type is EventType.DESIGNATION]
    assert [t.name for t in designation.targets] == ["Alpha Liberation Front"]
    founded = confident(events("Formed in 2014, the ALF pledged allegiance to the TTP."))
    [founding] = [f for f in founded if f.type is EventType.FOUNDING]
    assert [p.name for p in founding.perpetrators] == ["Alpha Liberation Front"]


@pytest.mark.parametrize(
    "text",
    [
        "Members of the cell hacked two farmers to death near Mardan on Monday.",
        "Rebel fighters killed nine guards at a farm near Mardan on Monday.",
        "Two guards were killed by insurgents at a farm near Mardan on Monday.",
    ],
)
def test_typing_people_killing_with_no_bomb_named_is_an_armed_assault(
    events: Events, text: str
) -> None:
    found = confident(events(text))
    assert [(f.type, f.attack_type) for f in found] == [
        (EventType.ATTACK, AttackType.ARMED_ASSAULT)
    ]


def test_typing_people_killing_with_shells_is_no_armed_assault(events: Events) -> None:
    found = confident(events("Rebels killed nine guards with mortar fire near Mardan on Monday."))
    assert [f.attack_type for f in found if f.type is EventType.ATTACK] == [None]
