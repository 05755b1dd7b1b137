"""The shipped word vectors: one shared table, looked up by lower-case words."""

from __future__ import annotations

import numpy as np
import spacy
from spacy.tokens import Doc

from mosaic.extract.models.word_vectors import VECTORS_NAME, attach_word_vectors, word_vectors


def test_word_vectors_read_capitalised_words_as_lower_case() -> None:
    vocab = spacy.blank("en").vocab
    attach_word_vectors(vocab)
    doc = Doc(vocab, words=["Leader", "leader", "LEADER"])
    rows = vocab.vectors.find(keys=doc.to_array("LOWER"))
    assert rows[0] == rows[1] == rows[2] >= 0


def test_word_vectors_leave_unknown_words_without_a_row() -> None:
    vocab = spacy.blank("en").vocab
    attach_word_vectors(vocab)
    doc = Doc(vocab, words=["qzxwvjk"])
    assert vocab.vectors.find(keys=doc.to_array("LOWER"))[0] == -1


def test_word_vectors_place_related_words_closer_than_unrelated_ones() -> None:
    vectors = word_vectors()
    vocab = spacy.blank("en").vocab

    def vector(word: str) -> np.ndarray:
        row = vectors.find(key=vocab.strings.add(word))
        return np.asarray(vectors.data[row])

    def cosine(first: str, second: str) -> float:
        a, b = vector(first), vector(second)
        return float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))

    assert cosine("suicide", "bomber") > cosine("suicide", "tomato") + 0.3
    assert vectors.name == VECTORS_NAME


def test_word_vectors_are_one_table_shared_by_every_vocabulary() -> None:
    first, second = spacy.blank("en").vocab, spacy.blank("en").vocab
    attach_word_vectors(first)
    attach_word_vectors(second)
    assert first.vectors is second.vectors
