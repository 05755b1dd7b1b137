"""Tests for the body a state acted through where the report names it by its country and a
noun (mosaic.extract.events.state_bodies)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.extract.entities.gazetteer import ActorRecord, Gazetteer
from mosaic.extract.events.state_bodies import StateBodies
from mosaic.extract.places.table import PlaceTable
from mosaic.model import EntityKind, EventFinding, EventType
from support.findings import of_type, perpetrator_names
from support.places import make_place

Events = Callable[[str], list[EventFinding]]
NEPAL = make_place("place:np", "Nepal", "NP", "country")
KENYA = make_place("place:ke", "Kenya", "KE", "country")
KENYA_GOVERNMENT = ActorRecord(
    "org:kenya-government", "Government of Kenya", EntityKind.ORGANIZATION, "government",
    ("Kenyan government",), "KE",
)  # fmt: skip
KENYA_FORCES = ActorRecord(
    "org:kenya-forces", "Kenya Defence Forces", EntityKind.ORGANIZATION, "state_force",
    ("Kenyan military", "Kenyan troops"), "KE",
)  # fmt: skip


@pytest.fixture(scope="module")
def bodies() -> StateBodies:
    demonyms = {"Nepali": "NP", "Nepalese": "NP", "Kenyan": "KE"}
    places = PlaceTable.from_places([NEPAL, KENYA], demonyms, ())
    return StateBodies(places, Gazetteer.from_records([KENYA_GOVERNMENT, KENYA_FORCES]))


def test_state_bodies_unlisted_government_is_named_as_governments_are(
    bodies: StateBodies,
) -> None:
    found = bodies.body("NP", "authorities")
    assert found is not None and found.name == "Government of Nepal"
    assert {"Nepal's government", "Nepali government", "government"} <= set(found.names)


def test_state_bodies_listed_government_is_the_record(bodies: StateBodies) -> None:
    found = bodies.body("KE", "government")
    assert found is not None and found.key == "org:kenya-government"


def test_state_bodies_police_by_the_countrys_adjective(bodies: StateBodies) -> None:
    found = bodies.body("NP", "police")
    assert found is not None and found.name == "Nepali police"
    assert {"Nepalese police", "Nepal police", "police"} <= set(found.names)


def test_state_bodies_an_unlisted_army_is_the_state_alone(bodies: StateBodies) -> None:
    assert bodies.body("NP", "army") is None


@pytest.mark.parametrize("noun", ["troops", "soldiers", "army", "jets"])
def test_state_bodies_a_force_is_the_armed_force_listed_for_the_country(
    bodies: StateBodies, noun: str
) -> None:
    found = bodies.body("KE", noun)
    assert found is not None and found.key == "org:kenya-forces"


@pytest.mark.slow
def test_state_bodies_soldiers_at_home_are_the_state_and_its_listed_army(
    events: Events,
) -> None:
    text = (
        "Pakistan closed roads in Quetta, Peshawar, Mardan and Sukkur on Sunday. "
        "Soldiers killed five militants in a raid on a hideout near Quetta on Monday."
    )
    found = of_type(events(text), EventType.MILITARY_OPERATION)[0]
    assert {"Pakistan", "Pakistani military"} <= perpetrator_names(found)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "kind", "body"),
    [
        ("Russia's government on Friday outlawed the Alpha Liberation Front.",
         EventType.DESIGNATION, "Government of Russia"),
        ("Russian police arrested three members of the Alpha Liberation Front in Moscow on "
         "Friday.", EventType.ARREST, "Russian police"),
    ],
)  # fmt: skip
def test_state_bodies_a_countrys_noun_names_the_body_that_acted(
    events: Events, sentence: str, kind: EventType, body: str
) -> None:
    found = of_type(events(sentence), kind)[0]
    assert {"Russia", body} <= perpetrator_names(found)


@pytest.mark.slow
def test_state_bodies_the_government_banning_is_the_reports_state(events: Events) -> None:
    text = (
        "Pakistan closed roads in Quetta, Peshawar, Mardan and Sukkur on Sunday. "
        "The government banned the Alpha Liberation Front on Monday."
    )
    found = of_type(events(text), EventType.DESIGNATION)[0]
    assert {"Pakistan", "Government of Pakistan"} <= perpetrator_names(found)


@pytest.mark.slow
def test_state_bodies_a_capital_acting_is_its_state(events: Events) -> None:
    found = events("In March 2004, Moscow outlawed the Alpha Liberation Front.")
    assert "Russia" in perpetrator_names(of_type(found, EventType.DESIGNATION)[0])


@pytest.mark.slow
def test_state_bodies_a_capital_naming_a_blast_is_where_it_went_off(events: Events) -> None:
    found = events("The Kabul bombing killed 12 people on Monday.")
    assert all("Afghanistan" not in perpetrator_names(f) for f in found)


@pytest.mark.slow
def test_state_bodies_the_government_attacking_names_no_incidents_actor(events: Events) -> None:
    text = (
        "Pakistan closed roads in Quetta, Peshawar, Mardan and Sukkur on Sunday. "
        "The government launched an attack on the smuggling gangs in Quetta on Monday."
    )
    found = [f for f in events(text) if f.type is not EventType.DESIGNATION]
    assert all("Government of Pakistan" not in perpetrator_names(f) for f in found)


@pytest.mark.slow
def test_state_bodies_a_country_in_a_groups_name_is_not_its_army(events: Events) -> None:
    text = (
        "PAKISTAN HAS SEEN ATTACKS IN QUETTA THIS YEAR. TWO ENGINEERS WERE KIDNAPPED BY "
        "PAKISTANI ARMY OF NATIONAL RENEWAL REBELS NEAR QUETTA ON MONDAY."
    )
    found = of_type(events(text), EventType.ATTACK)
    names = set().union(*(perpetrator_names(f) for f in found))
    assert "Army of National Renewal" in names
    assert names <= {"Pakistan", "Army of National Renewal", "ANR"}  # not "Pakistani military"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # the arrest's own place says the country
        "A shopkeeper was shot in Kabul last week. Two men were detained by police officers "
        "at a flat in Peshawar on Monday.",
        # the report names one country, too seldom for a focus
        "A shopkeeper was shot dead in Quetta last week. Police arrested two men on Monday.",
        # a dateline's country where the report names others too
        "QUETTA, Pakistan — A shopkeeper from Kabul was shot dead in Quetta last week, an "
        "Afghan official said. Police arrested two men on Monday.",
    ],
)
def test_state_bodies_police_arresting_at_home_with_no_focus_are_the_countrys(
    events: Events, text: str
) -> None:
    found = of_type(events(text), EventType.ARREST)[0]
    assert {"Pakistan", "Pakistani police", "police"} <= perpetrator_names(found)


@pytest.mark.slow
def test_state_bodies_a_bare_army_abroad_takes_no_country_from_the_place(
    events: Events,
) -> None:
    text = "A shopkeeper was shot in Quetta. The army struck a camp in Jalalabad on Monday."
    found = of_type(events(text), EventType.MILITARY_OPERATION)
    assert all("Afghanistan" not in perpetrator_names(f) for f in found)
