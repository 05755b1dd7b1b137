"""A country's capital named by what it is ("the Afghan capital") is a mention of the city
(mosaic.extract.entities.capital_phrases through the linker), on sentences parsed by the
pipeline's model."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.entities.linker import EntityLinker
from mosaic.extract.entities.mentions import Role
from mosaic.extract.places.table import PlaceTable
from support.places import make_place

TABLE = (
    make_place("place:pk", "Pakistan", "PK", "country"),
    make_place("place:af", "Afghanistan", "AF", "country"),
    make_place("place:iq", "Iraq", "IQ", "country"),
    make_place("place:af:kabul", "Kabul", "AF", "city"),
    make_place("place:pk:islamabad", "Islamabad", "PK", "city"),
    make_place("place:iq:baghdad", "Baghdad", "IQ", "city"),
)
DEMONYMS = {"Pakistani": "PK", "Afghan": "AF", "Iraqi": "IQ"}
CAPITALS = {"PK": "place:pk:islamabad", "AF": "place:af:kabul"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def linker() -> EntityLinker:
    table = PlaceTable.from_places(TABLE, DEMONYMS, (), capitals=CAPITALS)
    return EntityLinker(Gazetteer.from_records(()), table)


def _places(linker: EntityLinker, doc: Doc) -> dict[str, str]:
    return {
        m.text: m.ref.name for m in linker.link(doc) if m.role is Role.PLACE and m.ref is not None
    }


@pytest.mark.parametrize(
    ("text", "phrase", "city"),
    [
        ("A suicide bomber struck a crowd in the Afghan capital on Monday.", "Afghan capital",
         "Kabul"),
        ("Gunmen stormed a hotel in Pakistan's capital, killing four guards.", "Pakistan's capital",
         "Islamabad"),
        ("Two rockets landed in the capital of Afghanistan overnight.", "capital of Afghanistan",
         "Kabul"),
        ("Police sealed off the centre of the Pakistani capital city after the blast.",
         "Pakistani capital", "Islamabad"),
    ],
)  # fmt: skip
def test_capital_phrases_name_the_capital_city(
    parse: Callable[..., Doc], linker: EntityLinker, text: str, phrase: str, city: str
) -> None:
    assert _places(linker, parse(text)).get(phrase) == city


@pytest.mark.parametrize(
    "text",
    [
        # The city's own name beside the phrase is the place.
        "A car bomb exploded in the Afghan capital, Kabul, on Monday.",
        # A country whose capital the table lacks stays a country.
        "A car bomb exploded in the Iraqi capital on Monday.",
        # Not the capital city, nor the country's.
        "The Afghan capital punishment law drew protests.",
        "A market in the capital of Pakistan's Balochistan province was bombed.",
    ],
)
def test_capital_phrases_leave_other_phrases_alone(
    parse: Callable[..., Doc], linker: EntityLinker, text: str
) -> None:
    assert not [t for t in _places(linker, parse(text)) if "capital" in t]
