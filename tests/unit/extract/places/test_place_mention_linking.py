"""Place mentions the NER mislabels or misses: known places linked as places by where they
stand (mosaic.extract.places.place_names) and by what the table says they are (entities)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from mosaic.extract.entities.gazetteer import Gazetteer
from mosaic.extract.entities.linker import EntityLinker, names_venue
from mosaic.extract.entities.mentions import Role
from mosaic.extract.places.place_names import free_name_spans, in_place_position
from mosaic.extract.places.table import PlaceTable
from support.places import make_place as _place

TABLE = (
    _place("place:pk", "Pakistan", "PK", "country"),
    _place("place:af", "Afghanistan", "AF", "country"),
    _place("place:ir", "Iran", "IR", "country"),
    _place("place:th", "Thailand", "TH", "country"),
    _place("place:pk:balochistan", "Balochistan", "PK", "province"),
    _place("place:pk:karachi", "Karachi", "PK", "city"),
    _place("place:af:achin", "Achin", "AF", "district"),
    _place("place:af:nazyan", "Nazyan", "AF", "district"),
    _place("place:af:batikot", "Batikot", "AF", "district"),
    _place("place:af:chaparhar", "Chaparhar", "AF", "district"),
    _place("place:ir:kerman", "Kerman", "IR", "city"),
    _place("place:th:erawan-shrine", "Erawan Shrine", "TH", "venue"),
)
DEMONYMS = {"Pakistani": "PK", "Afghan": "AF", "Iranian": "IR", "Thai": "TH"}


@pytest.fixture(scope="module")
def linker(gazetteer: Gazetteer) -> EntityLinker:
    return EntityLinker(gazetteer, PlaceTable.from_places(TABLE, DEMONYMS, ()))


VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], heads: list[int], deps: list[str], ents: list[str]) -> Doc:
    """A hand-parsed doc: `heads` are token indices, `ents` IOB tags."""
    return Doc(VOCAB, words=words, heads=heads, deps=deps, ents=ents)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "ents", "span"),
    [
        # "fighters from Tirah": an origin
        (["fighters", "from", "Tirah"], [0, 0, 1], ["ROOT", "prep", "pobj"], ["O", "O", "B-PERSON"],
         (2, 3)),
        # "Tirah valley": a name before a place word
        (["Tirah", "valley"], [1, 1], ["compound", "ROOT"], ["B-PERSON", "O"], (0, 1)),
        # "his native Tirah"
        (["his", "native", "Tirah"], [2, 2, 2], ["poss", "amod", "ROOT"], ["O", "O", "B-PERSON"],
         (2, 3)),
        # "Achin and Nazyan": joined to a place
        (["Achin", "and", "Nazyan"], [0, 0, 0], ["ROOT", "cc", "conj"], ["B-GPE", "O", "B-PERSON"],
         (2, 3)),
        # "Nazyan, Nangarhar": followed by a comma and a place
        (["Nazyan", ",", "Nangarhar"], [0, 0, 0], ["ROOT", "punct", "appos"],
         ["B-PERSON", "O", "B-GPE"], (0, 1)),
    ],
)  # fmt: skip
def test_place_names_positions_of_a_place_name(
    words: list[str], heads: list[int], deps: list[str], ents: list[str], span: tuple[int, int]
) -> None:
    doc = _doc(words, heads, deps, ents)
    assert in_place_position(doc[span[0] : span[1]])


def test_place_names_subject_is_no_place_position() -> None:
    doc = _doc(["Tirah", "spoke", "today"], [1, 1, 1], ["nsubj", "ROOT", "npadvmod"],
               ["B-PERSON", "O", "O"])  # fmt: skip
    assert not in_place_position(doc[0:1])


def test_place_names_free_name_spans_skip_entities_and_lower_case() -> None:
    doc = _doc(["Gunmen", "hit", "Safoora", "Goth", "near", "Karachi"], [1, 1, 3, 1, 1, 4],
               ["nsubj", "ROOT", "compound", "dobj", "prep", "pobj"],
               ["O", "O", "O", "O", "O", "B-GPE"])  # fmt: skip
    spans = list(free_name_spans(doc, frozenset({"GPE"})))
    assert spans == [(0, 1), (2, 4), (2, 3), (3, 4)]


def test_entities_names_venue_needs_the_full_name() -> None:
    shrine = TABLE[-1]
    assert names_venue("Erawan Shrine", shrine)
    assert not names_venue("Erawan", shrine)
    assert not names_venue("Balochistan", TABLE[4])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Afghan officials said gunmen stormed checkpoints in Achin and Nazyan on Sunday.",
         "Nazyan"),
        ("Pakistani officials say Balochistan has suffered a long insurgency.", "Balochistan"),
        ("Pakistani officials said Karachi is the country's largest port.", "Karachi"),
        ("Iranian media said the Kerman bombing killed dozens of mourners.", "Kerman"),
        ("Afghan officials said fighting continued in Batikot and Chaparhar districts.",
         "Chaparhar"),
        ("Thai police said militants struck the Erawan Shrine during the evening rush.",
         "Erawan Shrine"),
    ],
)  # fmt: skip
def test_entities_mislabelled_or_unlabelled_known_places_are_places(
    parse: Callable[..., Doc], linker: EntityLinker, text: str, name: str
) -> None:
    mentions = {m.text: m for m in linker.link(parse(text))}
    assert mentions[name].role is Role.PLACE
    assert mentions[name].ref is not None and mentions[name].ref.latitude is not None


@pytest.mark.slow
def test_entities_person_named_like_a_district_stays_a_person(
    parse: Callable[..., Doc], linker: EntityLinker
) -> None:
    mentions = {
        m.text: m
        for m in linker.link(parse("Afghan media said Nazyan told reporters he had resigned."))
    }
    assert mentions["Nazyan"].role is Role.PERSON
