"""Whether a name stands as a location (mosaic.extract.places.locations), on hand-parsed
phrases: a facility's name as the object of an event's word."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from mosaic.extract.places.locations import is_location_span

VOCAB = spacy.blank("en").vocab


def _phrase(noun: str, name: list[str]) -> Doc:
    """ "the NOUN of the NAME...": the name's last word heads it, the object of "of"."""
    words = ["the", noun, "of", "the", *name]
    last = len(words) - 1
    heads = [1, 1, 1, last, *[last] * (len(name) - 1), 2]
    deps = ["det", "ROOT", "prep", "det", *["compound"] * (len(name) - 1), "pobj"]
    return Doc(
        VOCAB, words=words, heads=heads, deps=deps, lemmas=[w.lower() for w in words],
        pos=["DET", "NOUN", "ADP", "DET", *["PROPN"] * len(name)],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("noun", "name", "expected"),
    [
        ("bombing", ["Marlow", "Hotel"], True),  # an event's word, a facility's name
        ("bombing", ["Marlow", "Holdings"], False),  # no facility's head noun
        ("owner", ["Marlow", "Hotel"], False),  # no event's word
    ],
)
def test_places_locations_facility_struck_by_an_event_is_a_location(
    noun: str, name: list[str], expected: bool
) -> None:
    doc = _phrase(noun, name)
    assert is_location_span(doc, 4, len(doc)) is expected
