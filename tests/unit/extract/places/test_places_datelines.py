"""Tests for the place a report's dateline names (mosaic.extract.places.datelines)."""

from __future__ import annotations

import pytest

from mosaic.extract.places.datelines import dateline_end, read_dateline
from mosaic.extract.places.table import PlaceTable


@pytest.fixture(scope="module")
def table() -> PlaceTable:
    return PlaceTable.default()


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("QUETTA, 4 JUN 91 (WIRE) -- [TEXT] A GRENADE WAS THROWN AT A SHOP.", "PK"),
        ("Herat, Afghanistan (Wire) — Two shops burned overnight.", "AF"),
        ("Market blast\n\nMULTAN: A bomb went off near a bus stand on Friday.", "PK"),
        ("TEGUCIGALPA, May 2, 1990 (Radio) -- Unknown men shot a judge.", "HN"),
    ],
)
def test_dateline_place_reads_the_filing_place(table: PlaceTable, text: str, country: str) -> None:
    dateline = read_dateline(text, table)
    assert dateline is not None and dateline.place.country == country
    assert text[dateline.end - 2 : dateline.end] in ("- ", "— ", ": ")


@pytest.mark.parametrize(
    "text",
    [
        "CLANDESTINE, 7 FEB 89 (RADIO) -- [TEXT] THE REBELS SPOKE.",
        "The attack: what we know so far about the blast in Quetta.",
        "Gunmen shot two guards in Multan on Friday, police said.",
    ],
)
def test_dateline_place_none_without_a_known_dateline(table: PlaceTable, text: str) -> None:
    assert read_dateline(text, table) is None


def test_dateline_end_is_found_whatever_place_it_names() -> None:
    text = "NOWHERESVILLE, 2 MAR 24 (WIRE) -- Two shops burned."
    end = dateline_end(text)
    assert end is not None and text[end:].startswith("Two shops")
    assert dateline_end("Two shops burned in the night.") is None
