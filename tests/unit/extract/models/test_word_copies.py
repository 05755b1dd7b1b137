"""A document's words copied into another vocabulary, as the trained taggers read them."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from mosaic.extract.models.word_copies import copy_words

WORDS = ["Gunmen", " ", "of", "the", "Zulu", "Front", "struck", ".", "\n", "Two", "died", "."]
SPACES = [True, False, True, True, True, True, False, False, False, True, False, True]


@pytest.fixture(scope="module")
def doc() -> Doc:
    return Doc(spacy.blank("en").vocab, words=WORDS, spaces=SPACES)


@pytest.mark.parametrize(("start", "end"), [(0, 12), (2, 6), (7, 10), (11, 12), (4, 4)])
def test_word_copies_copy_words_keeps_words_and_spaces(doc: Doc, start: int, end: int) -> None:
    other = spacy.blank("en").vocab
    copy = copy_words(doc[start:end], other)
    assert copy.vocab is other
    assert [t.text for t in copy] == WORDS[start:end]
    assert [bool(t.whitespace_) for t in copy] == SPACES[start:end]
    assert copy.text == doc[start:end].text_with_ws


def test_word_copies_copy_words_of_a_whole_doc(doc: Doc) -> None:
    copy = copy_words(doc[:], spacy.blank("en").vocab)
    assert copy.text == doc.text
    assert len(copy) == len(doc)
