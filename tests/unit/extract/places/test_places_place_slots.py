"""Where a name no table lists is a place's (mosaic.extract.places.place_slots), on
hand-parsed sentences."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from mosaic.extract.places.place_slots import (
    container_span,
    facility_span,
    in_place_slot,
    in_settlement_slot,
    of_parts,
)

VOCAB = spacy.blank("en").vocab


def _doc(
    words: list[str],
    heads: list[int],
    deps: list[str],
    ents: list[str],
    tags: list[str] | None = None,
    pos: list[str] | None = None,
) -> Doc:
    """A hand-parsed doc: `heads` are token indices, `ents` IOB tags, lemmas the words."""
    lemmas = [word.lower() for word in words]
    return Doc(
        VOCAB, words=words, heads=heads, deps=deps, ents=ents, tags=tags, pos=pos, lemmas=lemmas
    )


def _ent(doc: Doc, text: str) -> Span:
    return next(ent for ent in doc.ents if ent.text == text)


def test_place_slots_facility_span_ends_with_its_head_noun() -> None:
    # "Gunmen stormed Marlow Bazaar shops ." (the NER's PERSON "Marlow Bazaar")
    doc = _doc(
        ["Gunmen", "stormed", "Marlow", "Bazaar", "shops", "."],
        [1, 1, 3, 4, 1, 1],
        ["nsubj", "ROOT", "compound", "compound", "dobj", "punct"],
        ["O", "O", "B-PERSON", "I-PERSON", "O", "O"],
    )
    span = facility_span(_ent(doc, "Marlow Bazaar"))
    assert span is not None and span.text == "Marlow Bazaar"
    assert span.label_ == "FAC"


def test_place_slots_facility_span_runs_on_past_the_entity() -> None:
    # "Flights left Omar Daud International Airport today ." (the NER's PERSON "Omar Daud")
    doc = _doc(
        ["Flights", "left", "Omar", "Daud", "International", "Airport", "today", "."],
        [1, 1, 3, 5, 5, 1, 1, 1],
        ["nsubj", "ROOT", "compound", "compound", "compound", "dobj", "npadvmod", "punct"],
        ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"],
    )
    span = facility_span(_ent(doc, "Omar Daud"))
    assert span is not None and span.text == "Omar Daud International Airport"


@pytest.mark.parametrize(
    ("words", "ent"),
    [
        # no head noun: a person's name
        (["Police", "questioned", "Omar", "Daud", "today", "."], (2, 4)),
        # a title-cased headline: every word capitalised
        (["Gunmen", "Storm", "Marlow", "Hotel", "Near", "Border"], (2, 4)),
        # a possessive splits the name: "Karachi 's Marlow Square" is a square of Karachi
        (["They", "met", "in", "Karachi", "'s", "Marlow", "Square", "."], (3, 5)),
    ],
)  # fmt: skip
def test_place_slots_facility_span_none_without_a_name_ending_in_a_head(
    words: list[str], ent: tuple[int, int]
) -> None:
    ents = ["O"] * len(words)
    ents[ent[0]] = "B-PERSON"
    for i in range(ent[0] + 1, ent[1]):
        ents[i] = "I-PERSON"
    tags = ["POS" if w == "'s" else "NNP" for w in words]
    doc = _doc(words, [0] * len(words), ["ROOT"] + ["dep"] * (len(words) - 1), ents, tags)
    assert facility_span(doc[ent[0] : ent[1]]) is None


@pytest.mark.parametrize(
    ("words", "heads", "deps", "ents", "span", "expected"),
    [
        # "fighting near Kelmora": the object of a place's preposition
        (["fighting", "near", "Kelmora"], [0, 0, 1], ["ROOT", "prep", "pobj"],
         ["O", "O", "B-PERSON"], (2, 3), True),
        # "the village of Kelmora"
        (["the", "village", "of", "Kelmora"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"],
         ["O", "O", "O", "B-PERSON"], (3, 4), True),
        # "Kelmora district": a place word after it
        (["Kelmora", "district"], [1, 1], ["compound", "ROOT"], ["B-PERSON", "O"], (0, 1), True),
        # "Kelmora , Kandahar": a place after a comma
        (["Kelmora", ",", "Kandahar"], [0, 0, 0], ["ROOT", "punct", "appos"],
         ["B-PERSON", "O", "B-GPE"], (0, 1), True),
        # "Kelmora and Fentar market areas": listed before a place word
        (["Kelmora", "and", "Fentar", "market", "areas"], [4, 0, 0, 4, 4],
         ["compound", "cc", "conj", "compound", "ROOT"],
         ["B-PERSON", "O", "B-PERSON", "O", "O"], (0, 1), True),
        # "an attack on Kelmora": "on" as often takes a person
        (["an", "attack", "on", "Kelmora"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"],
         ["O", "O", "O", "B-PERSON"], (3, 4), False),
        # "Kelmora said": a subject
        (["Kelmora", "said"], [1, 1], ["nsubj", "ROOT"], ["B-PERSON", "O"], (0, 1), False),
        # "written in Kelmora and Dari": listed with a language
        (["written", "in", "Kelmora", "and", "Dari"], [0, 0, 1, 2, 2],
         ["ROOT", "prep", "pobj", "cc", "conj"],
         ["O", "O", "B-PERSON", "O", "B-LANGUAGE"], (2, 3), False),
    ],
)  # fmt: skip
def test_place_slots_in_place_slot(
    words: list[str],
    heads: list[int],
    deps: list[str],
    ents: list[str],
    span: tuple[int, int],
    expected: bool,
) -> None:
    doc = _doc(words, heads, deps, ents)
    assert in_place_slot(doc[span[0] : span[1]]) is expected


def test_place_slots_container_after_a_comma_or_in() -> None:
    # "Kelmora , Kandahar" and "Fentar in the Zhob district"
    doc = _doc(
        ["Kelmora", ",", "Kandahar", "and", "Fentar", "in", "the", "Zhob", "district"],
        [0, 0, 0, 0, 0, 4, 8, 8, 5],
        ["ROOT", "punct", "appos", "cc", "conj", "prep", "det", "compound", "pobj"],
        ["B-PERSON", "O", "B-GPE", "O", "B-PERSON", "O", "O", "B-GPE", "O"],
    )
    first, second = container_span(doc[0:1]), container_span(doc[4:5])
    assert first is not None and first.text == "Kandahar"
    assert second is not None and second.text == "Zhob"


def test_place_slots_container_as_possessor_before_the_name() -> None:
    # "Quetta 's crowded Marlow Bazaar area"
    doc = _doc(
        ["Quetta", "'s", "crowded", "Marlow", "Bazaar", "area"],
        [5, 0, 5, 4, 5, 5],
        ["poss", "case", "amod", "compound", "compound", "ROOT"],
        ["B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O"],
        tags=["NNP", "POS", "JJ", "NNP", "NNP", "NN"],
        pos=["PROPN", "PART", "ADJ", "PROPN", "PROPN", "NOUN"],
    )
    holder = container_span(doc[3:5])
    assert holder is not None and holder.text == "Quetta"


def test_place_slots_no_container_in_the_next_clause() -> None:
    # "Marlow Hotel , Afghanistan 's minister said": the possessor opens another phrase
    doc = _doc(
        ["Marlow", "Hotel", ",", "Afghanistan", "'s", "minister", "said"],
        [1, 6, 6, 5, 3, 6, 6],
        ["compound", "npadvmod", "punct", "poss", "case", "nsubj", "ROOT"],
        ["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O"],
        tags=["NNP", "NNP", ",", "NNP", "POS", "NN", "VBD"],
    )
    assert container_span(doc[0:2]) is None


def test_place_slots_of_parts_split_at_of_without_articles() -> None:
    doc = _doc(
        ["the", "Rostov", "Oblast", "of", "Southern", "Russia"],
        [2, 2, 2, 2, 5, 3],
        ["det", "compound", "ROOT", "prep", "compound", "pobj"],
        ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"],
    )
    assert [part.text for part in of_parts(doc[0:6])] == ["Rostov Oblast", "Southern Russia"]
    assert [part.text for part in of_parts(doc[1:3])] == ["Rostov Oblast"]


def test_place_slots_object_followed_by_a_verb_is_no_slot() -> None:
    # "In 1992 Kelmora removed the governor": a misparsed subject
    doc = _doc(
        ["In", "1992", "Kelmora", "removed", "the", "governor"],
        [3, 0, 0, 3, 5, 3],
        ["prep", "pobj", "pobj", "ROOT", "det", "dobj"],
        ["O", "B-DATE", "B-PERSON", "O", "O", "O"],
        tags=["IN", "CD", "NNP", "VBD", "DT", "NN"],
    )
    assert not in_place_slot(doc[2:3])


def test_place_slots_comma_before_a_possessor_is_no_slot() -> None:
    # "Kelmora , Pakistan 's envoy": an apposition about a person
    doc = _doc(
        ["Kelmora", ",", "Pakistan", "'s", "envoy"],
        [0, 0, 4, 2, 0],
        ["ROOT", "punct", "poss", "case", "appos"],
        ["B-PERSON", "O", "B-GPE", "O", "O"],
        tags=["NNP", ",", "NNP", "POS", "NN"],
    )
    assert not in_place_slot(doc[0:1])


def test_place_slots_container_possessor_the_ner_calls_an_organisation() -> None:
    # "Quetta 's crowded Marlow Bazaar": the NER often labels such a possessive town ORG
    doc = _doc(
        ["Quetta", "'s", "crowded", "Marlow", "Bazaar"],
        [4, 0, 4, 4, 4],
        ["poss", "case", "amod", "compound", "ROOT"],
        ["B-ORG", "O", "O", "B-PERSON", "I-PERSON"],
        tags=["NNP", "POS", "JJ", "NNP", "NNP"],
        pos=["PROPN", "PART", "ADJ", "PROPN", "PROPN"],
    )
    holder = container_span(doc[3:5])
    assert holder is not None and holder.text == "Quetta"


@pytest.mark.parametrize(
    ("words", "heads", "deps", "ents", "expected"),
    [
        # "troops attacked a post at Varlo ."
        (["troops", "attacked", "a", "post", "at", "Varlo", "."], [1, 1, 3, 1, 3, 4, 1],
         ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
         ["O", "O", "O", "O", "O", "B-ORG", "O"], True),
        # "a checkpoint near Varlo Heights ."
        (["a", "checkpoint", "near", "Varlo", "Heights", "."], [1, 1, 1, 4, 2, 1],
         ["det", "ROOT", "prep", "compound", "pobj", "punct"],
         ["O", "O", "O", "B-ORG", "I-ORG", "O"], True),
        # "a rally at Varlo Heights ." and "a rally at the Varlo ." may name a venue or a body
        (["a", "rally", "at", "Varlo", "Heights", "."], [1, 1, 1, 4, 2, 1],
         ["det", "ROOT", "prep", "compound", "pobj", "punct"],
         ["O", "O", "O", "B-ORG", "I-ORG", "O"], False),
        (["a", "rally", "at", "the", "Varlo", "."], [1, 1, 1, 4, 2, 1],
         ["det", "ROOT", "prep", "det", "pobj", "punct"],
         ["O", "O", "O", "O", "B-ORG", "O"], False),
    ],
)  # fmt: skip
def test_place_slots_bare_name_near_or_at_is_a_settlement_slot(
    words: list[str], heads: list[int], deps: list[str], ents: list[str], expected: bool
) -> None:
    doc = _doc(words, heads, deps, ents)
    assert in_settlement_slot(doc.ents[0]) is expected
