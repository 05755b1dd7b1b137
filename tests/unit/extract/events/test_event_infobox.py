"""Tests for perpetrators named by an infobox (mosaic.extract.events.infobox)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.events.infobox import (
    attach_infobox_perpetrators,
    infobox_perpetrators,
    is_name_shaped,
)
from mosaic.model import EntityKind, EventFinding, EventType, Evidence, PerpetratorStatus

GAZETTEER = Gazetteer.from_yaml_text(
    """
- {key: org:alpha, name: Alpha Front, kind: organization, category: armed_group,
   aliases: [Jabhat Alpha]}
- {key: org:bravo, name: Bravo Army of the North and South, kind: organization,
   category: armed_group}
""",
    "small.yaml",
)
BOX = """= 2031 Harbour bombing =

Infobox
- Date: 3 May 2031
- Perpetrators: Jabhat Alpha, Zulu Brigade (claimed)
- Assailants: Tom Ode and Ann Ray

On 3 May 2031, a bomb went off at the harbour, killing nine people.
"""


def _names(text: str) -> list[tuple[str, str | None, EntityKind]]:
    refs, _, _ = infobox_perpetrators(text, GAZETTEER)
    return [(ref.name, ref.key, ref.kind) for ref in refs]


def test_event_infobox_reads_known_new_and_person_items() -> None:
    assert _names(BOX) == [
        ("Alpha Front", "org:alpha", EntityKind.ORGANIZATION),
        ("Zulu Brigade", None, EntityKind.ORGANIZATION),
        ("Tom Ode", None, EntityKind.PERSON),
        ("Ann Ray", None, EntityKind.PERSON),
    ]
    assert infobox_perpetrators(BOX, GAZETTEER)[1] is PerpetratorStatus.CLAIMED


@pytest.mark.parametrize(
    "line",
    [
        "Perpetrators Alpha Front",
        "PerpetratorsAlpha Front",
        "| Perpetrator | Alpha Front",
        "Perps: Alpha Front[3]",
    ],
)
def test_event_infobox_reads_the_field_however_written(line: str) -> None:
    assert _names(f"Attack\n{line}\n\nText.") == [
        ("Alpha Front", "org:alpha", EntityKind.ORGANIZATION)
    ]


def test_event_infobox_takes_items_continued_below_and_names_holding_and() -> None:
    text = "Perpetrators Bravo Army of the North and South\nZulu Brigade\nNumber of participants\n3"
    assert [name for name, _, _ in _names(text)] == [
        "Bravo Army of the North and South",
        "Zulu Brigade",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Perpetrators: Unknown",
        "Perpetrators\n\nThe police said the attackers came from the north.",
        "Perpetrators of the attack were never found. Zulu Brigade denied it.",
        "Perpetrators: several gunmen on motorbikes",
    ],
)
def test_event_infobox_passes_over_headings_prose_and_descriptions(text: str) -> None:
    assert _names(text) == []


def _event(start: int, kind: EventType = EventType.ATTACK, confidence: float = 0.5) -> EventFinding:
    return EventFinding(kind, Evidence(start, start + 40, "s"), "test", confidence=confidence)


def test_event_infobox_perpetrators_join_the_pages_attack_and_its_title() -> None:
    title, lead, later = _event(0), _event(BOX.index("On 3 May")), _event(len(BOX))
    weak = replace(lead, confidence=0.1)
    updated = attach_infobox_perpetrators([title, weak, lead, later], BOX, GAZETTEER, 0.3)
    assert [len(e.perpetrators) for e in updated] == [4, 0, 4, 0]
    assert updated[2].perpetrator_status is PerpetratorStatus.CLAIMED


def test_event_infobox_without_a_box_changes_nothing() -> None:
    events = [_event(0)]
    assert attach_infobox_perpetrators(events, "A bomb went off.", GAZETTEER, 0.3) == events


@pytest.mark.parametrize(
    ("name", "shaped"),
    [("Zulu Brigade", True), ("Ansar al-Zulu", True), ("Army of the Zulu", True),
     ("al-Zulu Front", True), ("of Zulu", False), ("several gunmen", False), ("Unknown", False)],
)  # fmt: skip
def test_event_infobox_name_shape(name: str, shaped: bool) -> None:
    assert is_name_shaped(name) is shaped
