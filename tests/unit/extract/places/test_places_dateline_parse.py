"""Tests for the dateline kept out of the lead's parse (mosaic.extract.places.dateline_parse)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from mosaic.extract.events.slots import agent_heads
from mosaic.extract.places.dateline_parse import DETACHED
from mosaic.model import EventFinding, EventType


@pytest.mark.parametrize(
    ("text", "verb", "subjects"),
    [
        (
            "HERAT, Afghanistan (Wire) — Gunmen stormed a checkpoint on Monday.",
            "stormed",
            {"Gunmen"},
        ),
        ("MULTAN, Pakistan — Gunmen stormed a bank on Monday.", "stormed", {"Gunmen"}),
        ("LAHORE (Wire) — The army said on Monday it had arrested six men.", "said", {"army"}),
    ],
)
def test_dateline_parse_leaves_the_lead_its_own_subject(
    parse: Callable[..., Doc], text: str, verb: str, subjects: set[str]
) -> None:
    doc = parse(text)
    trigger = next(t for t in doc if t.text == verb)
    assert {h.text for h in agent_heads(trigger)} == subjects
    assert doc[0].dep_ == DETACHED and doc[0].head == trigger


def test_dateline_parse_keeps_the_sentences(parse: Callable[..., Doc]) -> None:
    doc = parse("HERAT, Afghanistan (Wire) — Gunmen stormed a checkpoint. Two guards died.")
    assert [s.text for s in doc.sents] == [
        "HERAT, Afghanistan (Wire) — Gunmen stormed a checkpoint.",
        "Two guards died.",
    ]


def test_dateline_parse_leaves_a_report_without_dateline(parse: Callable[..., Doc]) -> None:
    doc = parse("Herat police said gunmen stormed a checkpoint on Monday.")
    assert doc[1].dep_ != DETACHED


def test_a_datelines_country_is_no_perpetrator(
    events: Callable[..., list[EventFinding]],
) -> None:
    """The country of "HERAT, Afghanistan (Wire) —" was the perpetrator, and so the attack
    a state's military operation."""
    found = events(
        "HERAT, Afghanistan (Wire) — A suicide bomber struck a mosque on Friday, killing nine."
    )
    assert [f.type for f in found] == [EventType.ATTACK]
    assert not any(m.text == "Afghanistan" for f in found for m in f.perpetrators)
