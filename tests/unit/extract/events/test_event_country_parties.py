"""Tests for an attack's country read, after merging, from the homes of the armed groups
it involves."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.extract.pipeline import Extractor
from mosaic.model import EventType, Report

pytestmark = pytest.mark.slow


def _attack_countries(extractor: Extractor, text: str) -> list[str | None]:
    report = Report(text=text, published=dt.date(2016, 1, 21))
    return [e.country for e in extractor.extract(report).events if e.type is EventType.ATTACK]


def test_event_country_parties_groups_with_one_home(extractor: Extractor) -> None:
    text = "In June, ISKP beheaded ten captured Taliban fighters."
    assert _attack_countries(extractor, text) == ["AF"]


def test_event_country_parties_the_attackers_home(extractor: Extractor) -> None:
    text = "The TTP claimed a bombing of a convoy in June that killed four soldiers."
    assert _attack_countries(extractor, text) == ["PK"]


def test_event_country_parties_groups_of_two_homes_say_nothing(extractor: Extractor) -> None:
    text = "In June, the TTP and ISKP jointly attacked a checkpoint, killing nine."
    assert _attack_countries(extractor, text) == [None]


def test_event_country_parties_another_state_in_the_sentence_says_nothing(
    extractor: Extractor,
) -> None:
    text = "Talks stalled after the TTP's bombing, which killed nine, and the Russian army's reply."
    assert _attack_countries(extractor, text) == [None]


def test_event_country_parties_the_report_places_the_event_first(extractor: Extractor) -> None:
    text = (
        "Gunmen stormed a hotel in Moscow on 22 March, killing 40 people.\n\n"
        "The 22 March attack was claimed by ISKP."
    )
    assert _attack_countries(extractor, text) == ["RU"]
