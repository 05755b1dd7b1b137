"""Place names the NER takes for people or organisations, linked as places
(mosaic.extract.entities.misread_places through the linker), on sentences parsed by the
pipeline's model."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from mosaic.extract.entities.gazetteer import ActorRecord, Gazetteer
from mosaic.extract.entities.linker import EntityLinker
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.misread_places import MisreadPlaces
from mosaic.extract.places.table import Place, PlaceTable
from mosaic.model import EntityKind
from support.places import make_place

TABLE = (
    make_place("place:pk", "Pakistan", "PK", "country"),
    make_place("place:af", "Afghanistan", "AF", "country"),
    make_place("place:ru", "Russia", "RU", "country"),
    Place("place:pk:peshawar", "Peshawar", (), "PK", None, "city", 34.01, 71.58),
    Place("place:pk:quetta", "Quetta", (), "PK", None, "city", 30.19, 67.01),
    Place("place:pk:sukkur", "Sukkur", (), "PK", None, "city", 27.7, 68.86),
    Place("place:af:jalalabad", "Jalalabad", (), "AF", None, "city", 34.43, 70.45),
    make_place("place:pk:zhob", "Zhob", "PK", "district"),
    make_place("place:ru:rostov", "Rostov", "RU", "city"),
)
DEMONYMS = {"Pakistani": "PK", "Afghan": "AF", "Russian": "RU"}
PEOPLE = (
    ActorRecord("person:rahim-khan", "Rahim Khan", EntityKind.PERSON, None, (), "AF"),
    ActorRecord(
        "org:islamic-state", "Islamic State", EntityKind.ORGANIZATION, "armed_group", ("IS",)
    ),
)


@pytest.fixture(scope="module")
def linker() -> EntityLinker:
    table = PlaceTable.from_places(TABLE, DEMONYMS, ())
    return EntityLinker(Gazetteer.from_records(PEOPLE), table)


def _mentions(linker: EntityLinker, doc: Doc) -> dict[str, EntityMention]:
    return {m.text: m for m in linker.link(doc)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "country", "town"),
    [
        ("Witnesses said the blast hit the crowded Qissa Khwani Bazaar area of Peshawar.",
         "Qissa Khwani Bazaar", "PK", "Peshawar"),
        ("Gunmen attacked the Sadiq Akbar Hotel in Quetta, killing four guards.",
         "Sadiq Akbar Hotel", "PK", "Quetta"),
        ("Two bombs went off at Qadir Bakhsh International Airport in Sukkur on Tuesday.",
         "Qadir Bakhsh International Airport", "PK", "Sukkur"),
    ],
)  # fmt: skip
def test_entities_facility_names_are_places_in_their_town(
    parse: Callable[..., Doc], linker: EntityLinker, text: str, name: str, country: str, town: str
) -> None:
    mention = _mentions(linker, parse(text))[name]
    holder = linker.places.resolve(town)
    assert mention.role is Role.PLACE and mention.ref is not None
    assert mention.ref.name == name and mention.country == country
    assert holder is not None and mention.ref.latitude == holder.latitude


@pytest.mark.slow
def test_entities_facility_nothing_places_has_no_country(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    text = "Pakistani police said the explosion tore through Bannu Market on Saturday."
    mention = _mentions(linker, parse(text))["Bannu Market"]
    assert mention.role is Role.PLACE and mention.country is None
    assert mention.ref is not None and mention.ref.latitude is None


@pytest.mark.slow
def test_entities_known_place_taken_for_an_organisation_is_the_place(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    text = "Zhob is a poor district where smugglers move goods across the border, officials said."
    mention = _mentions(linker, parse(text))["Zhob"]
    assert mention.role is Role.PLACE
    assert mention.ref is not None and mention.ref.key == "place:pk:zhob"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Soldiers raided a compound at Ghulam Shah in the Jalalabad district on Sunday.",
         "Ghulam Shah", "AF"),
        ("Heavy fighting was reported in Azam Warsak, Zhob, on Friday.", "Azam Warsak", "PK"),
    ],
)  # fmt: skip
def test_entities_unknown_name_in_a_place_slot_is_a_new_place(
    parse: Callable[..., Doc], linker: EntityLinker, text: str, name: str, country: str
) -> None:
    mention = _mentions(linker, parse(text))[name]
    assert mention.role is Role.PLACE and mention.country == country
    assert mention.ref is not None and mention.ref.key is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a first name the gazetteer's people bear
        ("Police found the bodies at Rahim Dad, Nangarhar, on Friday.", "Rahim Dad"),
        # a speaker
        ("Azam Warsak said the talks had failed.", "Azam Warsak"),
        # "on" takes a person as often as a place
        ("Police said an attack on Azam Warsak had failed.", "Azam Warsak"),
    ],
)  # fmt: skip
def test_entities_person_cues_keep_a_person(
    parse: Callable[..., Doc], linker: EntityLinker, text: str, name: str
) -> None:
    assert _mentions(linker, parse(text))[name].role is Role.PERSON


@pytest.mark.slow
def test_entities_area_of_a_larger_place_splits_at_of(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    text = "Fighting spread to the Rostov Oblast of Southern Russia last week."
    mentions = _mentions(linker, parse(text))
    assert mentions["Rostov Oblast"].ref is not None
    assert mentions["Rostov Oblast"].ref.key == "place:ru:rostov"
    assert mentions["Southern Russia"].role is Role.COUNTRY


@pytest.mark.slow
def test_entities_group_province_is_no_place(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    mentions = linker.link(parse("Islamic State – Sahel Province claimed the attack."))
    assert not [m for m in mentions if m.role is Role.PLACE]


@pytest.mark.slow
def test_entities_unplaced_new_place_has_no_country_even_in_a_one_country_report(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    text = (
        "Pakistan has sent troops to the border, and Pakistan says the border is calm. "
        "Heavy fighting was reported in Azam Warsak on Tuesday."
    )
    mention = _mentions(linker, parse(text))["Azam Warsak"]
    assert mention.role is Role.PLACE and mention.country is None


def _hand_doc(words: list[str], heads: list[int], deps: list[str], ents: list[str]) -> Doc:
    pos = ["PROPN" if word[:1].isupper() else "VERB" for word in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=ents, pos=pos)


def test_entities_name_cut_from_a_longer_name_has_a_person_cue() -> None:
    misread = MisreadPlaces(Gazetteer.from_records(PEOPLE), PlaceTable.from_places(TABLE))
    # "written by Juan Ortega [Zhob]": the NER's PERSON "Zhob" runs on from other names
    cut = _hand_doc(
        ["written", "by", "Juan", "Ortega", "Zhob"], [0, 0, 4, 4, 1],
        ["ROOT", "agent", "compound", "compound", "pobj"], ["O", "O", "O", "O", "B-PERSON"],
    )  # fmt: skip
    alone = _hand_doc(
        ["fighting", "near", "Zhob"], [0, 0, 1], ["ROOT", "prep", "pobj"], ["O", "O", "B-PERSON"]
    )
    assert misread.has_person_cue(cut[4:5])
    assert not misread.has_person_cue(alone[2:3])


@pytest.mark.slow
def test_entities_unlisted_place_named_like_an_earlier_person_is_that_person(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    text = (
        "Tariq Zorwal founded the cell in 1998. "
        "Washington put a $5 million bounty on Zorwal in 2005."
    )
    doc = parse(text)
    assert [e.label_ for e in doc.ents if e.text == "Zorwal"] == ["GPE"]  # the NER's place
    mention = _mentions(linker, doc)["Zorwal"]
    assert mention.role is Role.PERSON
    assert mention.ref is not None and mention.ref.name == "Tariq Zorwal"


@pytest.mark.parametrize(
    ("words", "heads", "deps", "ents", "label", "expected"),
    [
        # "Marlow , Kandahar": a person's name there is a place's, an organisation's not
        (["Marlow", ",", "Kandahar"], [0, 0, 0], ["ROOT", "punct", "appos"],
         ["B-PERSON", "O", "B-GPE"], "PERSON", True),
        (["Marlow", ",", "Kandahar"], [0, 0, 0], ["ROOT", "punct", "appos"],
         ["B-ORG", "O", "B-GPE"], "ORG", False),
        # "Marlow district": whatever the NER took it for
        (["Marlow", "district"], [1, 1], ["compound", "ROOT"], ["B-ORG", "O"], "ORG", True),
    ],
)  # fmt: skip
def test_entities_organisation_names_are_places_only_in_a_settlement_slot(
    words: list[str],
    heads: list[int],
    deps: list[str],
    ents: list[str],
    label: str,
    expected: bool,
) -> None:
    misread = MisreadPlaces(Gazetteer.from_records(PEOPLE), PlaceTable.from_places(TABLE))
    doc = _hand_doc(words, heads, deps, ents)
    ent = doc.ents[0]
    assert ent.label_ == label
    assert (misread.slot_place(ent, "Marlow", ()) is not None) is expected


@pytest.mark.slow
def test_entities_unlabelled_name_in_a_settlement_slot_is_a_new_place(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    text = "Maoists attacked a police post in the western district of Doti before dawn on Saturday."
    mention = _mentions(linker, parse(text))["Doti"]
    assert mention.role is Role.PLACE
    assert mention.ref is not None and mention.ref.key is None and mention.ref.name == "Doti"
