"""The compact English word vectors that trained components may read.

A table of 20,000 vectors (en_core_web_md's, reduced to 96 dimensions) with the
lower-case words that map to each, built once by `scripts/build_word_vectors.py` and
shipped in `data/models/word_vectors/`. A component trained with spaCy's static vectors
(`include_static_vectors = true`) saves no table of its own: `attach_word_vectors` gives
its vocabulary this one when it is trained and when it is loaded. Words are looked up by
their lower-case form, so that "Affiliate", "affiliate" and a recased "AFFILIATE" meet
the same vector; a word the table lacks reads as zeros. Train such a component with
`attach_word_vectors(nlp.vocab)` before `nlp.initialize`, save it with
`save_without_word_vectors` and load it with `load_with_word_vectors`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import spacy
from spacy.language import Language
from spacy.util import registry
from spacy.vectors import Vectors
from spacy.vocab import Vocab

TABLE_FILE = "word_vectors.npz"
ATTACH_CALLBACK = "mosaic.attach_word_vectors.v1"
"""The `[initialize] before_init` callback of a training config that reads the table."""
VECTORS_NAME = "mosaic_word_vectors_v1"


def default_table_path() -> Path:
    """The shipped table."""
    folder = resources.files("mosaic").joinpath("data", "models", "word_vectors")
    return Path(str(folder.joinpath(TABLE_FILE)))


def word_vectors(path: Path | None = None) -> Vectors:
    """The table as spaCy vectors keyed by lower-case words (read once per process)."""
    return _read_table(path or default_table_path())


@lru_cache(maxsize=2)
def _read_table(path: Path) -> Vectors:
    with np.load(path) as stored:
        keys, rows, table = stored["keys"], stored["rows"], stored["table"]
    vectors = Vectors(data=table.astype(np.float32), name=VECTORS_NAME, attr="LOWER")
    for key, row in zip(keys.tolist(), rows.tolist(), strict=True):
        vectors.add(key, row=row)
    return vectors


def attach_word_vectors(vocab: Vocab, path: Path | None = None) -> None:
    """Give the vocabulary the shared table (no copy: every component reads the same)."""
    vocab.vectors = word_vectors(path)


def reads_word_vectors(nlp: Language) -> bool:
    """Whether a pipeline was trained with the shared table (its vocabulary names it)."""
    return bool(nlp.vocab.vectors.name == VECTORS_NAME)


def save_without_word_vectors(nlp: Language, path: Path) -> None:
    """Write the pipeline without the shared table (it ships once), keeping its name so
    that `load_with_word_vectors` knows to attach it again."""
    table = nlp.vocab.vectors
    nlp.vocab.vectors = Vectors(shape=(0, table.shape[1]), name=table.name, attr="LOWER")
    try:
        nlp.to_disk(path)
    finally:
        nlp.vocab.vectors = table


def load_with_word_vectors(path: Path) -> Language:
    """A saved pipeline, with the shared table attached where it was trained with it."""
    nlp = spacy.load(path)
    if reads_word_vectors(nlp):
        attach_word_vectors(nlp.vocab)
    return nlp


def word_vectors_attacher() -> Callable[[Language], Language]:
    """The training config's `before_init` step that gives the pipeline the shared table."""

    def attach(nlp: Language) -> Language:
        attach_word_vectors(nlp.vocab)
        return nlp

    return attach


registry.callbacks.register(ATTACH_CALLBACK, func=word_vectors_attacher)
