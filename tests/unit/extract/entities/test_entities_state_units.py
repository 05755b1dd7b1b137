"""A state unit known by its name's form and the words around it
(mosaic.extract.entities.state_units), and what the linker and the event rules make of it;
in sentences written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc, Span

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.entities.state_units import described_unit, state_unit
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EntityKind, EntityRef, EventFinding, EventType
from support.findings import perpetrator_names

Contexts = Callable[..., list[SentenceContext]]
Events = Callable[..., list[EventFinding]]
_COUNTRIES = {"pakistan": "PK", "pakistani": "PK", "indian": "IN", "peshawar": "PK",
              "khyber pakhtunkhwa": "PK"}  # fmt: skip


def _country_of(name: str) -> str | None:
    return _COUNTRIES.get(name.lower())


def _span(doc: Doc, name: str) -> Span:
    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    return span


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [("The Border Security Force arrested two smugglers on Monday.", "Border Security Force",
      None),
     ("Commandos of the Rapid Action Force stormed the hotel.", "Rapid Action Force", None),
     ("The Khyber Pakhtunkhwa Police detained three men.", "Khyber Pakhtunkhwa Police", "PK"),
     ("Officials of the National Directorate of Security met in the capital.",
      "National Directorate of Security", None),
     ("The Counter-Terrorism Department said the cell had been broken up.",
      "Counter-Terrorism Department", None),
     ("Pakistan's Zulu Special Guard was sent to the border.", "Zulu Special Guard", "PK"),
     ("The Zulu Special Guard arrested two men at the border.", "Zulu Special Guard", None),
     ("The provincial Levies manned the checkpoint.", "Levies", None)],
)  # fmt: skip
def test_state_units_a_state_unit_by_its_name_and_context(
    parse: Callable[..., Doc], text: str, name: str, country: str | None
) -> None:
    unit = state_unit(_span(parse(text), name), _country_of)
    assert unit is not None and unit.country == country


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [("The Zulu Martyrs Force claimed the bombing of a market.", "Zulu Martyrs Force"),
     ("Fighters of the Imam Zulu Battalion attacked a checkpoint.", "Imam Zulu Battalion"),
     ("The Zulu Liberation Force attacked a police post.", "Zulu Liberation Force"),
     ("The Islamic Zulu Guard bombed a shrine.", "Islamic Zulu Guard"),
     ("The Zulu Special Guard bombed a market.", "Zulu Special Guard"),
     ("The Omar Zulu Special Force raided a village.", "Omar Zulu Special Force"),
     ("The Zulu Brigade arrested two men.", "Zulu Brigade"),
     ("The Levies manned the checkpoint.", "Levies")],
)  # fmt: skip
def test_state_units_an_armed_groups_name_is_no_state_unit(
    parse: Callable[..., Doc], text: str, name: str
) -> None:
    assert state_unit(_span(parse(text), name), _country_of) is None


@pytest.mark.slow
def test_state_units_the_linker_makes_a_unit_a_state_body(contexts: Contexts) -> None:
    [context] = contexts("The Border Security Force arrested two smugglers near Peshawar.")
    [unit] = [m for m in context.mentions if "Security Force" in m.text]
    assert unit.role is Role.STATE and unit.ref is not None
    assert unit.ref.name == "Border Security Force" and unit.ref.key is None


@pytest.mark.slow
def test_state_units_a_units_raid_is_an_operation_by_the_unit(events: Events) -> None:
    found = events("Commandos of the Rapid Action Force stormed a hotel in Peshawar on Monday.")
    [raid] = [e for e in found if e.perpetrators]
    assert raid.type is EventType.MILITARY_OPERATION
    assert perpetrator_names(raid) == {"Rapid Action Force"}


@pytest.mark.slow
def test_state_units_a_units_initials_are_the_unit(contexts: Contexts) -> None:
    text = (
        "The Border Security Force (BSF) guarded the crossing near Peshawar. "
        "BSF personnel fired at two intruders, a BSF spokesman said."
    )
    initials = [m for c in contexts(text) for m in c.mentions if m.text == "BSF"]
    assert initials and all(m.role is Role.STATE for m in initials)
    assert all(m.ref is not None and m.ref.name == "Border Security Force" for m in initials)
    assert all(m.ref is not None and "BSF" in m.ref.aliases for m in initials)


@pytest.mark.slow
def test_state_units_a_unit_with_its_country_is_named_by_itself(events: Events) -> None:
    found = events("The Special Task Force of Pakistan raided a compound in Peshawar.")
    [raid] = [e for e in found if e.perpetrators]
    assert raid.type is EventType.MILITARY_OPERATION and raid.country == "PK"
    assert perpetrator_names(raid) == {"Special Task Force of Pakistan"}


def _body(name: str, role: Role = Role.STATE) -> EntityMention:
    ref = EntityRef(name=name, kind=EntityKind.ORGANIZATION, country="PK")
    return EntityMention(0, 1, 0, len(name), name, "ORG", role, ref, "PK")


@pytest.mark.parametrize(
    ("description", "bodies", "expected"),
    [("Counter-terrorism police", ["Punjab Counter Terrorism Department"],
      "Punjab Counter Terrorism Department"),
     ("border police", ["Zulu Border Police"], "Zulu Border Police"),
     ("special forces", ["Special Services Group"], None),
     ("border police", ["Border Security Force"], None),
     ("counter-terrorism police", ["Punjab Counter Terrorism Department",
                                   "Sindh Counter Terrorism Department"], None),
     ("police", ["Punjab Police"], None)],
)  # fmt: skip
def test_state_units_a_described_force_is_the_unit_named_by_its_words(
    description: str, bodies: list[str], expected: str | None
) -> None:
    found = described_unit(description, [_body(name) for name in bodies])
    assert (found.ref.name if found is not None and found.ref else None) == expected


def test_state_units_a_group_with_the_words_is_no_described_unit() -> None:
    group = _body("Zulu Counter Terrorism Front", Role.GROUP)
    assert described_unit("counter-terrorism fighters", [group]) is None


@pytest.mark.slow
def test_state_units_a_described_force_acts_as_the_unit_the_report_names(
    events: Events,
) -> None:
    found = events(
        "Counter-terrorism police killed four militants in a raid near Peshawar on Sunday. "
        "The Peshawar Counter Terrorism Department said the men opened fire."
    )
    [raid] = [e for e in found if e.perpetrators]
    assert perpetrator_names(raid) == {"Peshawar Counter Terrorism Department"}
