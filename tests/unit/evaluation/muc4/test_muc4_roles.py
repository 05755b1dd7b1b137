"""Reading a hand-built ReportExtraction as MUC-4 role fillers."""

from __future__ import annotations

from dataclasses import replace

from mosaic.evaluation.muc4.lexicon import find_attackers, find_weapons
from mosaic.evaluation.muc4.roles import role_fillers, surface_form
from mosaic.model import (
    EntityKind,
    EntityRef,
    EventFinding,
    EventType,
    Evidence,
    Mention,
    ReportExtraction,
)

TEXT = (
    "UNIDENTIFIED GUNMEN OF THE PEOPLE'S VANGUARD SET OFF A CAR BOMB OUTSIDE THE TOWN HALL. "
    "MAYOR ANA RUIZ AND TWO PEASANTS WERE KILLED. POLICE LATER ARRESTED A MAN WITH RIFLES."
)
VANGUARD = EntityRef(
    "People's Vanguard Movement", EntityKind.ORGANIZATION, key="org:pv", aliases=("PV",)
)
GUNMEN = EntityRef("unidentified gunmen", EntityKind.ORGANIZATION)
RUIZ = EntityRef("Ana Ruiz", EntityKind.PERSON)
HALL = EntityRef("town hall", EntityKind.OTHER)
PEASANTS = EntityRef("two peasants", EntityKind.OTHER)
FIRST = Evidence(0, 86, TEXT[:86])


def _extraction() -> ReportExtraction:
    bombing = EventFinding(
        type=EventType.ATTACK,
        evidence=FIRST,
        extractor="test",
        perpetrators=(VANGUARD, GUNMEN),
        targets=(HALL, RUIZ, PEASANTS),
    )
    killing = EventFinding(
        type=EventType.KILLING, evidence=Evidence(87, 131, TEXT[87:131]), extractor="test",
        perpetrators=(VANGUARD,), targets=(RUIZ,),
    )  # fmt: skip
    arrest = EventFinding(
        type=EventType.ARREST, evidence=Evidence(132, len(TEXT), TEXT[132:]), extractor="test",
        perpetrators=(EntityRef("police", EntityKind.ORGANIZATION),),
    )  # fmt: skip
    mention = Mention("r1", 27, 44, TEXT[27:44], "ORG", 0, 86)
    return ReportExtraction(
        "r1", "test", mentions=[(mention, VANGUARD)], events=[bombing, killing, arrest]
    )


def test_muc4_roles_maps_each_kind_to_its_role() -> None:
    fillers = role_fillers(_extraction(), TEXT, weapons_from_evidence=True)
    assert fillers == {
        "PerpInd": [["UNIDENTIFIED GUNMEN"]],
        "PerpOrg": [["PEOPLE'S VANGUARD"]],
        "Target": [["TOWN HALL"]],
        "Victim": [["ANA RUIZ"]],
        "Weapon": [["CAR BOMB"]],
    }


def test_muc4_roles_weapons_from_the_word_list_only_when_asked() -> None:
    assert role_fillers(_extraction(), TEXT)["Weapon"] == []


def test_muc4_roles_weapons_of_the_incident_count() -> None:
    extraction = _extraction()
    extraction.events[0] = replace(extraction.events[0], weapons=("car bomb", "Car Bomb"))
    assert role_fillers(extraction, TEXT)["Weapon"] == [["car bomb"]]


def test_muc4_roles_attackers_from_evidence_adds_descriptions() -> None:
    extraction = _extraction()
    extraction.events[0] = replace(extraction.events[0], perpetrators=())
    assert role_fillers(extraction, TEXT)["PerpInd"] == []
    fillers = role_fillers(extraction, TEXT, attackers_from_evidence=True)
    assert fillers["PerpInd"] == [["UNIDENTIFIED GUNMEN"]]


def test_muc4_roles_ignore_events_that_are_not_incidents() -> None:
    extraction = _extraction()
    extraction.events = extraction.events[2:]
    assert all(entities == [] for entities in role_fillers(extraction, TEXT).values())


def test_muc4_roles_surface_form_prefers_text_over_gazetteer_name() -> None:
    bare = ReportExtraction("r1", "test")
    assert surface_form(VANGUARD, _extraction(), TEXT) == "PEOPLE'S VANGUARD"
    alias_only = EntityRef("Vanguardia", EntityKind.ORGANIZATION, aliases=("TOWN HALL",))
    assert surface_form(alias_only, bare, TEXT) == "TOWN HALL"
    assert surface_form(EntityRef("Nowhere Front", EntityKind.ORGANIZATION), bare, TEXT) == (
        "Nowhere Front"
    )


def test_muc4_roles_weapon_lexicon_takes_longest_phrase() -> None:
    assert find_weapons("A CAR BOMB AND TWO HAND\nGRENADES, NOT A BOMBSHELL") == [
        "CAR BOMB",
        "HAND\nGRENADES",
    ]


def test_muc4_roles_attacker_lexicon_needs_a_modifier_for_vague_nouns() -> None:
    assert find_attackers("HEAVILY ARMED MEN AND URBAN GUERRILLAS MET THREE MEN") == [
        "HEAVILY ARMED MEN",
        "URBAN GUERRILLAS",
    ]


def test_muc4_roles_person_gets_fullest_name_without_possessive() -> None:
    text = "MARIA ELENA DIAZ PEREZ WAS SHOT. PEREZ'S CAR WAS BURNED."
    full = Mention("r2", 0, 22, text[:22], "PERSON", 0, 32)
    short = Mention("r2", 33, 40, text[33:40], "PERSON", 33, 55)
    perez = EntityRef("Perez", EntityKind.PERSON)
    extraction = ReportExtraction("r2", "test", mentions=[(full, None), (short, perez)])
    assert surface_form(perez, extraction, text) == "MARIA ELENA DIAZ PEREZ"
    assert surface_form(EntityRef("Perez", EntityKind.ORGANIZATION), extraction, text) == "PEREZ"


def test_muc4_roles_person_gets_the_fullest_name_an_incident_holds() -> None:
    text = "TOMAS IVAN REYES WAS SHOT AT HOME. REYES HAD RECEIVED THREATS."
    short = Mention("r3", 35, 40, text[35:40], "PERSON", 35, 62)
    reyes = EntityRef("Reyes", EntityKind.PERSON)
    full = EntityRef("Tomas Ivan Reyes", EntityKind.PERSON)
    shooting = EventFinding(
        type=EventType.ATTACK, evidence=Evidence(0, 34, text[:34]), extractor="test",
        targets=(full, reyes),
    )  # fmt: skip
    extraction = ReportExtraction("r3", "test", mentions=[(short, reyes)], events=[shooting])
    assert surface_form(reyes, extraction, text) == "Tomas Ivan Reyes"
    assert role_fillers(extraction, text)["Victim"] == [["TOMAS IVAN REYES"]]


def test_muc4_roles_military_forces_and_people_described_are_no_targets() -> None:
    from mosaic.evaluation.muc4.roles import target_role

    assert target_role(EntityRef("army positions", EntityKind.OTHER)) is None
    assert target_role(EntityRef("a patrol", EntityKind.OTHER)) is None
    assert target_role(EntityRef("civilian population", EntityKind.OTHER)) is None
    assert target_role(EntityRef("power pylons", EntityKind.OTHER)) == "Target"


def test_muc4_roles_military_and_police_installations_are_no_targets() -> None:
    from mosaic.evaluation.muc4.roles import target_role

    assert target_role(EntityRef("police post", EntityKind.OTHER)) is None
    assert target_role(EntityRef("5th infantry\nbrigade headquarters", EntityKind.OTHER)) is None
    assert target_role(EntityRef("an air force base", EntityKind.OTHER)) is None
    assert target_role(EntityRef("the armed forces staff offices", EntityKind.OTHER)) is None
    assert target_role(EntityRef("a forces radio mast", EntityKind.OTHER)) == "Target"
    assert target_role(EntityRef("guard house of a bank", EntityKind.OTHER)) == "Target"


def test_muc4_roles_a_name_inside_a_fuller_one_is_one_entity() -> None:
    text = "GUNMEN WORKING FOR RAUL VEGA TORRES FIRED A CAR BOMB. VEGA DENIED PLANTING THE BOMB."
    vega = EntityRef("Vega", EntityKind.OTHER)
    full = EntityRef("Raul Vega Torres", EntityKind.PERSON)
    bombing = EventFinding(
        type=EventType.ATTACK, evidence=Evidence(0, 53, text[:53]), extractor="test",
        perpetrators=(full, vega), weapons=("car bomb", "bomb", "car bombs"),
    )  # fmt: skip
    fillers = role_fillers(ReportExtraction("r4", "test", events=[bombing]), text)
    assert fillers["PerpInd"] == [["RAUL VEGA TORRES"]]
    assert fillers["Weapon"] == [["car bomb"], ["car bombs"]]
