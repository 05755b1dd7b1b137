"""Where people came from is no event's place (mosaic.extract.places.locations), on
hand-parsed sentences."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from mosaic.extract.places.locations import is_locative, is_origin

VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps)


# "Rebels fired from inside Khost ." / "Rebels fired inside Khost ." / "Rebels from Khost fired ."
FROM_INSIDE = _doc(
    ["Rebels", "fired", "from", "inside", "Khost", "."], [1, 1, 1, 2, 3, 1],
    ["nsubj", "ROOT", "prep", "prep", "pobj", "punct"],
)  # fmt: skip
INSIDE = _doc(
    ["Rebels", "fired", "inside", "Khost", "."], [1, 1, 1, 2, 1],
    ["nsubj", "ROOT", "prep", "pobj", "punct"],
)  # fmt: skip
FROM = _doc(
    ["Rebels", "from", "Khost", "fired", "."], [3, 0, 1, 3, 3],
    ["nsubj", "prep", "pobj", "ROOT", "punct"],
)  # fmt: skip


@pytest.mark.parametrize(("doc", "origin"), [(FROM_INSIDE, True), (INSIDE, False), (FROM, True)])
def test_places_origins_from_and_a_locative_after_from(doc: Doc, origin: bool) -> None:
    khost = next(t for t in doc if t.text == "Khost")
    assert is_origin(khost) is origin


def test_places_origins_are_no_location() -> None:
    assert is_locative(INSIDE[3])
    assert not is_locative(FROM_INSIDE[4])
