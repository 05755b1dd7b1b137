"""The attribute ruler's matches found through an index: the same as spaCy's Matcher finds."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from mosaic.extract.text.attributes import IndexedMatches, index_attribute_ruler

WORDS = ["There", "is", "n't", "a", "cat", ";", "y'", "all", "ai", "n't", "nothin'", " ", "."]
TAGS = ["EX", "VBZ", "RB", "DT", "NN", ":", "PRP", "DT", "VBP", "RB", "NN", "_SP", "."]
DEPS = ["expl", "ROOT", "neg", "det", "attr", "punct", "nsubj", "det", "ccomp", "neg", "dobj"]
DEPS += ["dep", "punct"]
HEADS = [1, 1, 1, 4, 1, 1, 8, 6, 1, 8, 8, 10, 1]
PATTERNS: list[tuple[list[dict[str, object]], dict[str, str]]] = [
    ([{"TAG": "NN"}], {"POS": "NOUN"}),
    ([{"TAG": "RB", "LOWER": {"IN": ["not", "n't"]}}], {"POS": "PART"}),
    (
        [{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}],
        {"POS": "AUX"},
    ),
    ([{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}], {"LEMMA": "you"}),
    ([{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}], {"POS": "VERB"}),
    ([{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}], {"POS": "PRON"}),
    ([{"IS_SPACE": True, "TAG": "_SP"}], {"POS": "SPACE"}),
    ([{"LOWER": {"REGEX": "^n[ou]thin'$"}}], {"LEMMA": "nothing"}),
    ([{"TAG": "NN"}], {"MORPH": "Number=Sing"}),
    ([{"TAG": "DT", "OP": "+"}], {"POS": "DET"}),  # an operator: left to a Matcher
]


def _nlp() -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    for pattern, attrs in PATTERNS:
        ruler.add([pattern], attrs, index=-1 if pattern[0].get("DEP") == "expl" else 0)
    return nlp


def _doc(nlp: Language) -> Doc:
    return Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=HEADS)


def test_attributes_indexed_matches_equal_the_matchers() -> None:
    nlp = _nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    doc = _doc(nlp)
    expected = ruler.match(doc)
    assert len(expected) == 13  # every pattern above finds something here
    assert IndexedMatches(ruler)(doc) == expected


@pytest.mark.parametrize("words", [[], ["cat"], ["ai"]])
def test_attributes_indexed_matches_of_short_docs(words: list[str]) -> None:
    nlp = _nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    doc = Doc(nlp.vocab, words=words, tags=["NN" if w == "cat" else "VBP" for w in words])
    assert IndexedMatches(ruler)(doc) == ruler.match(doc)


def test_attributes_index_attribute_ruler_sets_the_same_attributes() -> None:
    plain, indexed = _nlp(), _nlp()
    index_attribute_ruler(indexed)
    assert isinstance(indexed.get_pipe("attribute_ruler").match, IndexedMatches)
    expected, found = plain(_doc(plain)), indexed(_doc(indexed))
    assert [(t.pos_, t.lemma_, str(t.morph)) for t in found] == [
        (t.pos_, t.lemma_, str(t.morph)) for t in expected
    ]
    assert found[4].pos_ == "NOUN" and found[6].lemma_ == "you"
