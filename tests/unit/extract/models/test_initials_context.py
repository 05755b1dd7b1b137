"""Tests for initials read as a group only where they stand in a group's place
(mosaic.extract.models.initials_context) and for a describing word that is no group's name."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.entities.linker import EntityLinker
from mosaic.extract.entities.mentions import Role
from mosaic.extract.models.actor_spans import NEW_GROUP
from mosaic.extract.places.table import PlaceTable

pytestmark = pytest.mark.slow
Parse = Callable[..., Doc]


def _new_groups(doc: Doc) -> set[str]:
    return {ent.text for ent in doc.ents if ent.kb_id_ == NEW_GROUP}


@pytest.mark.parametrize(
    "text",
    [
        "Militants fired an RPG at a police checkpoint in Kunar on Monday.",
        "A Taliban commander told the BBC that the militants would keep fighting.",
        "Militants armed with rocket-propelled grenades (RPG) attacked a checkpoint.",
        "The truck the militants drove was packed with TNT, officials said.",
    ],
)
def test_initials_context_weapons_and_broadcasters_are_no_groups(parse: Parse, text: str) -> None:
    assert not any(name.isupper() for name in _new_groups(parse(text)))


def test_initials_context_initials_claiming_are_a_group(parse: Parse) -> None:
    doc = parse("The ZLF claimed responsibility for the attack on a police station in Kunar.")
    assert "ZLF" in _new_groups(doc)


def test_initials_context_a_use_elsewhere_in_the_report_counts(parse: Parse) -> None:
    text = (
        "Militants of the ZLF stormed a police post in Kunar on Monday. "
        "The ZLF claimed responsibility for the attack."
    )
    assert "ZLF" in _new_groups(parse(text))


def test_initials_context_an_adjective_before_a_noun_is_no_group(parse: Parse) -> None:
    text = "Police said militants from another Islamic group had joined the Zulu Front."
    assert "Islamic" not in _new_groups(parse(text))


def _groups_of(doc: Doc, gazetteer: Gazetteer, places: PlaceTable) -> list[str]:
    """The new groups the linker finds in the doc, by name."""
    mentions = EntityLinker(gazetteer, places).link(doc)
    return [m.text for m in mentions if m.role is Role.GROUP and m.ref and not m.ref.key]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zorab Haram militants attacked a village near Quetta on Monday.", "Zorab Haram"),
        ("Zorab Ahl al-Huq, an Iran-backed militia, denied any part in it.", "Zorab Ahl al-Huq"),
        ("Members of Zorabi Sath were arrested in Quetta on Monday.", "Zorabi Sath"),
        ("Tariq Zorab, the spiritual leader of Zorabi Sath, was jailed.", "Zorabi Sath"),
        ("Police blamed ZORABCO, an alliance of Zorab militias, for the raid.", "ZORABCO"),
    ],
)
def test_initials_context_a_name_used_as_a_groups_is_a_new_group(
    parse: Parse, gazetteer: Gazetteer, places: PlaceTable, text: str, name: str
) -> None:
    assert name in _groups_of(parse(text), gazetteer, places)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tariq Zorab, a senior commander, was arrested in Quetta.", "Tariq Zorab"),
        ("Tariq Zorab claimed responsibility for the attack in Quetta.", "Tariq Zorab"),
        ("The son of Tariq Zorab was killed in Quetta on Monday.", "Tariq Zorab"),
        ("Interior Ministry spokesman Tariq Zorab said so.", "Interior Ministry"),
        ('Zorabi Sath (lit. "Sons of Zorab") was a militant group in Quetta.', "Sons of Zorab"),
        (
            "The Zorab Shield group bombed a bus. "
            "The group is led by Bongani Mthembu Khoza, a former teacher.",
            "Bongani Mthembu Khoza",
        ),
        ("The Zorab Shield was formed by Sipho Dlamini Ndlovu in 2015.", "Sipho Dlamini Ndlovu"),
    ],
)
def test_initials_context_a_persons_name_acting_as_people_do_stays_a_person(
    parse: Parse, gazetteer: Gazetteer, places: PlaceTable, text: str, name: str
) -> None:
    assert name not in _groups_of(parse(text), gazetteer, places)


def test_initials_context_words_holding_an_adjective_of_the_noun_after_are_no_group(
    parse: Parse, gazetteer: Gazetteer, places: PlaceTable
) -> None:
    text = (
        "Hostages were held at the Cedar Centre, the offices of Beit Tova, an Orthodox "
        "Jewish group, on Monday."
    )
    assert "Orthodox Jewish" not in _groups_of(parse(text), gazetteer, places)
