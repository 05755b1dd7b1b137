"""Tests for name repairs (mosaic.extract.entities.name_repairs) and how the linker uses them: names
wrapped across lines, spaced dashes between places, possessive places, group-name cores."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from mosaic.extract.entities.gazetteer import ActorRecord, Gazetteer
from mosaic.extract.entities.linker import EntityLinker
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.name_repairs import (
    GroupCores,
    dash_parts,
    has_group_cue,
    is_possessive,
    name_core,
    wrapped_between,
)
from mosaic.extract.places.table import Place, PlaceTable
from mosaic.model import EntityKind

ORG, PERSON = EntityKind.ORGANIZATION, EntityKind.PERSON
GENERIC = {"front", "movement", "national", "liberation", "revolutionary", "popular", "army"}
RECORDS = (
    ActorRecord("org:condor", "Condor Vega Revolutionary Movement", ORG, "armed_group", ("CVRM",)),
    ActorRecord("org:lince", "Lince Popular Front", ORG, "armed_group", ()),
    ActorRecord("org:sol-a", "Ramon Sol National Front", ORG, "armed_group", ()),
    ActorRecord("org:sol-b", "Ramon Sol Liberation Army", ORG, "armed_group", ()),
    ActorRecord("person:ortiz", "Baltasar Ortiz Quiroga", PERSON, None, ("Ortiz Quiroga",)),
)
PLACES = (
    Place("place:af", "Afghanistan", (), "AF", None, "country", 33.0, 65.0),
    Place("place:pe", "Peru", (), "PE", None, "country", -9.2, -75.0),
    Place("place:af:kabul", "Kabul", (), "AF", None, "city", 34.5, 69.2),
    Place("place:af:nangarhar", "Nangarhar", (), "AF", None, "province", 34.2, 70.6),
    Place("place:af:achin", "Achin", (), "AF", None, "district", 34.1, 70.7),
    Place("place:af:pirzada", "Pirzada", ("Pir",), "AF", None, "city", 34.0, 70.0),
)


def _is_generic(word: str) -> bool:
    return word in GENERIC


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="module")
def linker() -> EntityLinker:
    places = PlaceTable.from_places(PLACES, {"Afghan": "AF", "Peruvian": "PE"}, stop_words=())
    return EntityLinker(Gazetteer.from_records(RECORDS), places, ("popular", "front"))


def _doc(nlp: Language, text: str, ents: dict[str, str]) -> Doc:
    """`text` parsed by a blank pipeline, with each name of `ents` (first occurrence) as an
    entity of the given label."""
    doc = nlp(text)
    spans = []
    for name, label in ents.items():
        match = re.search(re.escape(name), text)
        assert match is not None, name
        span = doc.char_span(match.start(), match.end(), label=label)
        assert span is not None, name
        spans.append(span)
    doc.ents = spans
    return doc


def _linked(mentions: list[EntityMention]) -> list[tuple[str, Role, str | None]]:
    return [(m.text, m.role, m.ref.name if m.ref else None) for m in mentions]


def test_name_repairs_dash_parts_split_at_spaced_dashes_only(blank: Language) -> None:
    doc = blank("Nangarhar - Achin and Kabul-Jalalabad")
    assert [p.text for p in dash_parts(doc[0:3])] == ["Nangarhar", "Achin"]
    assert [p.text for p in dash_parts(doc[4:7])] == ["Kabul-Jalalabad"]


def test_name_repairs_possessive_and_group_cue(blank: Language) -> None:
    doc = blank("Kabul's mayor met the Lince militants and Lince himself.")
    assert is_possessive(doc[0:1]) and not is_possessive(doc[2:3])
    assert has_group_cue(doc[5:6])  # "the Lince"
    assert not has_group_cue(doc[8:9])  # "and Lince himself"


def test_name_repairs_wrapped_between_needs_one_line_break(blank: Language) -> None:
    doc = blank("met Ana\nTorres and Luis\n\nVidal then Rosa\n  Paz")
    assert [t.text for t in doc[2:3]] == ["\n"]
    assert wrapped_between(doc, 2, 3)
    assert not wrapped_between(doc, 6, 7)  # a blank line: a new paragraph
    assert not wrapped_between(doc, 10, 11)  # an indented next line


def test_name_repairs_name_core_and_shared_cores() -> None:
    assert name_core("Condor Vega Revolutionary Movement", _is_generic) == "Condor Vega"
    assert name_core("National Liberation Army", _is_generic) is None
    assert name_core("Condor Vega", _is_generic) is None  # nothing left out
    cores = GroupCores(RECORDS, _is_generic)
    record = cores.group_of("condor vega")
    assert record is not None and record.key == "org:condor"
    assert cores.group_of("Ramon Sol") is None  # two groups share it


def test_name_repairs_linker_splits_spaced_dash_between_places(
    blank: Language, linker: EntityLinker
) -> None:
    text = "Fighters held two districts of Nangarhar - Achin and another - until May."
    doc = _doc(blank, text, {"Nangarhar - Achin": "ORG"})
    assert _linked(linker.link(doc)) == [
        ("Nangarhar", Role.PLACE, "Nangarhar"),
        ("Achin", Role.PLACE, "Achin"),
    ]


def test_name_repairs_linker_keeps_dash_span_with_an_unknown_part(
    blank: Language, linker: EntityLinker
) -> None:
    text = "Envoys of Nangarhar - Zorbek Holdings met on Monday."
    doc = _doc(blank, text, {"Nangarhar - Zorbek Holdings": "ORG"})
    assert [m.text for m in linker.link(doc)] == ["Nangarhar - Zorbek Holdings"]


def test_name_repairs_linker_reads_possessive_city_as_place(
    blank: Language, linker: EntityLinker
) -> None:
    text = "Afghan police said a mine went off in Kabul's old quarter on Friday."
    doc = _doc(blank, text, {"Afghan": "NORP", "Kabul": "PERSON"})
    assert _linked(linker.link(doc))[-1] == ("Kabul", Role.PLACE, "Kabul")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Afghan police said General Kabul's convoy was hit.", "Kabul"),  # a title
        ("Afghan police said Kabul left early on Friday.", "Kabul"),  # no possessive
        ("Afghan police said Pir's convoy was hit on Friday.", "Pir"),  # an alias only
    ],
)
def test_name_repairs_linker_keeps_other_persons(
    blank: Language, linker: EntityLinker, text: str, name: str
) -> None:
    doc = _doc(blank, text, {"Afghan": "NORP", name: "PERSON"})
    assert _linked(linker.link(doc))[-1][:2] == (name, Role.PERSON)


def test_name_repairs_linker_reads_possessive_as_place_named_elsewhere(
    blank: Language, linker: EntityLinker
) -> None:
    text = "Peruvian envoys flew to Pirzada. They praised Pirzada's market on Monday."
    doc = blank(text)
    doc.ents = [
        Span(doc, 0, 1, label="NORP"),
        Span(doc, 4, 5, label="GPE"),
        Span(doc, 8, 9, label="PERSON"),
    ]
    found = _linked(linker.link(doc))
    assert found[-1] == ("Pirzada", Role.PLACE, "Pirzada")


def test_name_repairs_linker_joins_name_wrapped_across_lines(
    blank: Language, linker: EntityLinker
) -> None:
    text = "The court summoned the banker Teodoro\nAlvear Mena to testify again on Monday."
    doc = _doc(blank, text, {"Teodoro": "PERSON", "Alvear Mena": "PERSON"})
    [person] = linker.link(doc)
    assert person.text == "Teodoro\nAlvear Mena" and person.role is Role.PERSON
    assert person.ref is not None and person.ref.name == "Teodoro Alvear Mena"


def test_name_repairs_linker_joined_name_finds_gazetteer_person(
    blank: Language, linker: EntityLinker
) -> None:
    text = "Prosecutors charged the financier Baltasar\nOrtiz Quiroga with fraud yesterday."
    doc = _doc(blank, text, {"Baltasar": "PERSON", "Ortiz Quiroga": "PERSON"})
    [person] = linker.link(doc)
    assert person.ref is not None and person.ref.key == "person:ortiz"


def test_name_repairs_linker_keeps_names_a_sentence_break_parts(
    blank: Language, linker: EntityLinker
) -> None:
    text = "Statement of Rosa Pinto\nLuis Vidal read it to the press on Monday"
    doc = blank.make_doc(text)
    for token in doc:
        token.is_sent_start = token.i == 0 or token.text == "Luis"
    doc.ents = [Span(doc, 2, 4, label="PERSON"), Span(doc, 5, 7, label="PERSON")]
    assert [m.text for m in linker.link(doc)] == ["Rosa Pinto", "Luis Vidal"]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Police blamed the Condor Vega for the bombing.", "Condor Vega", "Condor Vega"),
        ("Police blamed Condor Vega rebels for it.", "Condor Vega", "Condor Vega"),
        ("Police blamed the Lince popular front for it.", "Lince", "Lince popular front"),
    ],
)
def test_name_repairs_linker_reads_group_core_as_group(
    blank: Language, linker: EntityLinker, text: str, name: str, expected: str
) -> None:
    doc = _doc(blank, text, {name: "PERSON"})
    [group] = linker.link(doc)
    assert group.role is Role.GROUP and group.text == expected
    assert group.ref is not None and group.ref.key in ("org:condor", "org:lince")


def test_name_repairs_linker_core_needs_a_cue_or_the_full_name(
    blank: Language, linker: EntityLinker
) -> None:
    bare = _doc(blank, "Condor Vega spoke to reporters on Monday.", {"Condor Vega": "PERSON"})
    assert [m.role for m in linker.link(bare)] == [Role.PERSON]
    text = "The CVRM claimed it. Condor Vega spoke to reporters on Monday."
    named = _doc(blank, text, {"CVRM": "ORG", "Condor Vega": "PERSON"})
    assert [m.role for m in linker.link(named)] == [Role.GROUP, Role.GROUP]
    titled = "The CVRM claimed it. Colonel Condor Vega spoke on Monday."
    doc = _doc(blank, titled, {"CVRM": "ORG", "Condor Vega": "PERSON"})
    assert [m.role for m in linker.link(doc)] == [Role.GROUP, Role.PERSON]
