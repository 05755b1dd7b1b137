"""Entity linking, second round: whole multiword place names, English words and peoples'
names kept from places, surnames of people named earlier, the affiliate cue, name dashes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.entities.linker import EntityLinker
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.name_shapes import looks_like_armed_group, looks_like_place_name
from mosaic.extract.places.table import PlaceTable
from mosaic.extract.text.surface import prepare_text
from support.places import make_place as _place

TABLE = (
    _place("place:pk", "Pakistan", "PK", "country"),
    _place("place:af", "Afghanistan", "AF", "country"),
    _place("place:in", "India", "IN", "country"),
    _place("place:iq", "Iraq", "IQ", "country"),
    _place("place:af:mazar", "Mazar-i-Sharif", "AF", "city"),
    _place("place:pk:dik", "Dera Ismail Khan", "PK", "city"),
    _place("place:af:lashkar-gah", "Lashkar Gah", "AF", "city"),
    _place("place:af:kabul", "Kabul", "AF", "city"),
    _place("place:pk:quetta", "Quetta", "PK", "city"),
    _place("place:in:harvest", "Harvest", "IN", "town"),
    _place("place:pk:tarnol", "Tarnol", "PK", "town"),
    _place("place:pk:hazara", "Hazara", "PK", "district"),
    _place("place:iq:basra", "Basra", "IQ", "city"),
)
DEMONYMS = {"Pakistani": "PK", "Afghan": "AF", "Indian": "IN"}
COMMON = ("harvest", "suicide", "bombing", "attack", "festival")


@pytest.fixture(scope="module")
def linker(gazetteer: Gazetteer) -> EntityLinker:
    return EntityLinker(gazetteer, PlaceTable.from_places(TABLE, DEMONYMS, ()), COMMON)


def _link(parse: Callable[..., Doc], linker: EntityLinker, text: str) -> list[EntityMention]:
    return linker.link(parse(text))


def _places(mentions: list[EntityMention]) -> list[tuple[str, str | None]]:
    return [(m.text, m.ref.name if m.ref else None) for m in mentions if m.role is Role.PLACE]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "whole", "name"),
    [
        ("Two shops burned in Mazar-e-Sharif after the blast.", "Mazar-e-Sharif", "Mazar-i-Sharif"),
        ("A roadside mine hit a van near Dera Ismail Khan yesterday.", "Dera Ismail Khan",
         "Dera Ismail Khan"),
        ("Rockets landed in Lashkar-Gah overnight.", "Lashkar-Gah", "Lashkar Gah"),
    ],
)  # fmt: skip
def test_round2_multiword_place_is_matched_whole(
    parse: Callable[..., Doc], linker: EntityLinker, text: str, whole: str, name: str
) -> None:
    places = _places(_link(parse, linker, text))
    assert places == [(whole, name)]


@pytest.mark.slow
def test_round2_english_word_is_no_place(parse: Callable[..., Doc], linker: EntityLinker) -> None:
    mentions = _link(
        parse, linker, "Kabul Suicide Bombing\nA suicide bomber struck a bus in Kabul."
    )
    assert {name for _, name in _places(mentions)} == {"Kabul"}


@pytest.mark.slow
def test_round2_rare_place_named_by_english_word_outside_document_countries(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    text = "Pakistani police said the Harvest was late this year in Quetta and Tarnol."
    names = [name for _, name in _places(_link(parse, linker, text))]
    assert "Harvest" not in names
    assert "Quetta" in names


@pytest.mark.slow
def test_round2_people_word_modifying_people_is_no_place(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    text = "Police in Quetta said Hazara Shias were the targets of a Baloch separatist attack."
    assert _places(_link(parse, linker, text)) == [("Quetta", "Quetta")]


@pytest.mark.slow
def test_round2_surname_of_person_named_earlier_is_that_person(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    text = (
        "The militia was set up by Tariq Basra in 1994 in Punjab. "
        "Basra, its first commander, died in a shootout with police in 2001."
    )
    mentions = _link(parse, linker, text)
    people = [(m.text, m.ref.name) for m in mentions if m.role is Role.PERSON and m.ref]
    assert ("Basra", "Tariq Basra") in people
    assert not [m for m in mentions if m.role is Role.PLACE and m.text == "Basra"]


@pytest.mark.slow
def test_round2_surname_in_location_position_stays_place(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    text = "Ahmed Basra was born in 1970. Gunmen later attacked a market in Basra, Iraq."
    mentions = _link(parse, linker, text)
    assert [name for _, name in _places(mentions)] == ["Basra"]


@pytest.mark.slow
def test_round2_untagged_surname_becomes_the_person(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    text = "Qasim Yuldash founded the cell in 1998. Two years later Yuldash moved to Kabul."
    mentions = _link(parse, linker, text)
    people = [(m.text, m.ref.name) for m in mentions if m.role is Role.PERSON and m.ref]
    assert people[-1] == ("Yuldash", "Qasim Yuldash")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "group"),
    [
        ("Rashid Gulzar, named as the affiliate's new chief, was detained in Quetta.",
         "Rashid Gulzar", False),
        ("Police blamed Tanzeem Noor, a little-known al-Qaeda affiliate, for the blast.",
         "Tanzeem Noor", True),
        ("Bashir Akhtar, the commander of a Taliban faction, was killed in a drone strike.",
         "Bashir Akhtar", False),
        ("Officials said Zafar Lodhi met the affiliate's leaders in Quetta last month.",
         "Zafar Lodhi", False),
    ],
)  # fmt: skip
def test_round2_affiliate_cue_applies_to_the_name_it_describes(
    parse: Callable[..., Doc], text: str, name: str, group: bool
) -> None:
    ents = [e for e in parse(text).ents if e.text == name]
    assert ents, f"the NER missed {name!r}"
    assert looks_like_armed_group(ents[0]) is group


def test_round2_dash_inside_name_becomes_hyphen() -> None:
    text = "ISIS–K claimed it; fighting lasted 1996–2001 – a long war."
    prepared = prepare_text(text)
    assert len(prepared) == len(text)
    assert prepared.startswith("ISIS-K claimed")
    assert "1996–2001 – a" in prepared


@pytest.mark.slow
def test_round2_dashed_group_name_links_to_gazetteer(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    mentions = _link(parse, linker, "IS–K said it carried out the attack in Kabul.")
    groups = [m.ref.key for m in mentions if m.role is Role.GROUP and m.ref]
    assert groups == ["org:iskp"]


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("Tarnol", True),
        ("Born1975", False),
        ("HeadquartersKabul", False),
        ("Dera Ismail Khan", True),
    ],
)
def test_round2_looks_like_place_name(name: str, ok: bool) -> None:
    assert looks_like_place_name(name) is ok


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The cell has been led since June by Omar bin Salem al-Mansuri, police said.",
         "Omar bin Salem al-Mansuri"),
        ("The cell has been led since June by Hamza al-Mansuri, police said.", "Hamza al-Mansuri"),
        ("The cell has been led since June by Karim al-Mansuri, police said.", "Karim al-Mansuri"),
    ],
)  # fmt: skip
def test_round2_other_bearer_of_a_listed_surname_is_a_new_person(
    parse: Callable[..., Doc], linker: EntityLinker, text: str, name: str
) -> None:
    people = [m for m in _link(parse, linker, text) if m.role is Role.PERSON and m.ref]
    assert [(m.text, m.ref.name) for m in people] == [(name, name)]
