"""Tests for perpetrators an event is pinned on ("blamed the bombing on X", "was attributed to
X") (mosaic.extract.events.blame)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from mosaic.extract.events.blame import blamed_heads
from mosaic.model import EventFinding, EventType
from support.findings import of_type, perpetrator_names

pytestmark = pytest.mark.slow
Events = Callable[[str], list[EventFinding]]


@pytest.mark.parametrize(
    "text",
    [
        "Officials blamed the bombing of a bus in Quetta on the ALF.",
        "The bombing of a bus in Quetta on Friday was blamed on the ALF.",
        "The blast at a market in Quetta was attributed to the ALF.",
        "A bombing blamed on the ALF killed nine people in Quetta on Friday.",
    ],
)
def test_blame_an_event_pinned_on_a_group_is_theirs(events: Events, text: str) -> None:
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert "Alpha Liberation Front" in perpetrator_names(attack)
    assert attack.perpetrator_status is not None
    assert attack.perpetrator_status.value == "suspected"


def test_blame_the_target_of_a_pinned_attack_is_not_its_perpetrator(events: Events) -> None:
    found = events("Officials blamed the attack on the Pakistan Army base in Quetta on the ALF.")
    attack = of_type(found, EventType.ATTACK)[0]
    assert "Alpha Liberation Front" in perpetrator_names(attack)
    assert "Pakistan Army" not in perpetrator_names(attack)


def test_blame_an_event_blamed_without_a_party_names_no_one(events: Events) -> None:
    attack = of_type(events("Officials blamed the bombing in Quetta."), EventType.ATTACK)[0]
    assert attack.perpetrators == ()


@pytest.mark.parametrize(
    "text",
    ["PESHAWAR, Pakistan (AP) — Militants ambushed a police convoy in Mardan on Monday.",
     "QUETTA — Attackers stormed a police post in Quetta on Monday, killing two officers.",
     "Police said: Insurgents stormed a police post in Quetta on Monday."],
)  # fmt: skip
def test_blame_a_common_noun_capitalised_after_a_dateline_names_no_one(
    events: Events, text: str
) -> None:
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert attack.perpetrators == ()


def test_blame_a_capitalised_plural_mid_sentence_names_its_people(events: Events) -> None:
    text = "Police said that Uighurs from China stormed a police post in Quetta on Monday."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert any("Uighurs" in name for name in perpetrator_names(attack))


def test_blame_an_on_the_parser_hung_on_the_events_place_still_pins_it() -> None:
    # "Officials blamed the bombing in Mardan on the ALF .", "on" hung on "Mardan"
    words = ["Officials", "blamed", "the", "bombing", "in", "Mardan", "on", "the", "ALF", "."]
    heads = [1, 1, 3, 1, 3, 4, 5, 8, 6, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "prep", "det", "pobj", "punct"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "ADP", "DET", "PROPN", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[1] = "blame"
    doc = Doc(spacy.blank("en").vocab, words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    heads_found, suspected = blamed_heads(doc[3])
    assert [t.text for t in heads_found] == ["ALF"] and suspected


@pytest.mark.parametrize(
    "text",
    [
        "The ALF's founder, Amir Khan, is on trial in Quetta over the 2014 bombing of a bus.",
        "Amir Khan was charged over the 2014 bombing of a bus in Quetta.",
    ],
)
def test_blame_a_person_on_trial_or_charged_over_an_attack_is_its_suspect(
    events: Events, text: str
) -> None:
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert perpetrator_names(attack) == {"Amir Khan"}
    assert attack.perpetrator_status is not None
    assert attack.perpetrator_status.value == "suspected"


def test_blame_anger_over_an_attack_names_no_one(events: Events) -> None:
    attack = of_type(
        events("Amir Khan voiced anger over the bombing of a bus in Quetta."), EventType.ATTACK
    )[0]
    assert attack.perpetrators == ()


def test_blame_a_sentence_served_for_a_crime_names_no_one_of_it(events: Events) -> None:
    text = "Amir Khan had been sentenced to 30 years in prison for a double murder in Quetta."
    assert all(e.perpetrators == () for e in events(text))


@pytest.mark.parametrize("count", ["Hundreds", "Dozens", "A handful"])
def test_blame_a_counted_band_of_described_people_names_them(events: Events, count: str) -> None:
    text = f"{count} of Baloch separatists stormed a police post in Quetta on Monday."
    attack = of_type(events(text), EventType.ATTACK)[0]
    assert "Baloch separatists" in perpetrator_names(attack)
