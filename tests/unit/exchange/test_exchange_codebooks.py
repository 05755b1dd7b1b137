"""Tests for the ACLED and GTD codebook mappings (mosaic.exchange.codebooks)."""

from __future__ import annotations

from mosaic.exchange.codebooks import acled_type
from mosaic.model import Event, EventType, register_event_type


def test_codebooks_protest_maps_to_acled_protests() -> None:
    event = Event(id="e1", type=EventType.PROTEST)
    assert acled_type(event) == ("Demonstrations", "Protests", "Peaceful protest")


def test_codebooks_type_an_extension_adds_is_other() -> None:
    event = Event(id="e2", type=register_event_type("test_codebook_truce"))
    assert acled_type(event) == ("Strategic developments", "Strategic developments", "Other")
