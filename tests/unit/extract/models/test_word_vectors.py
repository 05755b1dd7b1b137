"""The shipped word vectors: one shared table, looked up by lower-case words."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from mosaic.extract.models.word_vectors import (
    VECTORS_NAME,
    attach_word_vectors,
    load_with_word_vectors,
    reads_word_vectors,
    save_without_word_vectors,
    word_vectors,
)


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


def _tagger_reading_word_vectors() -> Language:
    embedding = {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "pretrained_vectors": True,
        "width": 16,
        "depth": 1,
        "embed_size": 100,
        "window_size": 1,
        "maxout_pieces": 2,
        "subword_features": False,
    }
    nlp = spacy.blank("en")
    attach_word_vectors(nlp.vocab)
    nlp.add_pipe(
        "tagger", config={"model": {"@architectures": "spacy.Tagger.v2", "tok2vec": embedding}}
    )
    examples = [Example.from_dict(nlp.make_doc("the group attacked"), {"tags": ["D", "N", "V"]})]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(5):
        nlp.update(examples, sgd=optimizer)
    return nlp


def test_word_vectors_are_left_out_when_saved_and_attached_when_loaded(tmp_path: Path) -> None:
    nlp = _tagger_reading_word_vectors()
    save_without_word_vectors(nlp, tmp_path / "tagger")
    loaded = load_with_word_vectors(tmp_path / "tagger")
    assert (tmp_path / "tagger" / "vocab" / "vectors").stat().st_size < 10_000
    assert loaded.vocab.vectors is word_vectors()
    assert reads_word_vectors(loaded)
    words = ["the", "group", "attacked"]
    assert [t.tag_ for t in loaded(Doc(loaded.vocab, words=words))] == [
        t.tag_ for t in nlp(Doc(nlp.vocab, words=words))
    ]


def test_word_vectors_are_not_attached_to_a_pipeline_trained_without_them(tmp_path: Path) -> None:
    spacy.blank("en").to_disk(tmp_path / "plain")
    assert not reads_word_vectors(load_with_word_vectors(tmp_path / "plain"))
