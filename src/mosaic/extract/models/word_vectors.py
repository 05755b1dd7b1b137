"""The compact English word vectors that trained components may read.

A table of 20,000 vectors (en_core_web_md's, reduced to 96 dimensions) with the
lower-case words that map to each, built once by `scripts/build_word_vectors.py` and
shipped in `data/models/word_vectors/`. A component trained with spaCy's static vectors
(`include_static_vectors = true`) saves no table of its own: `attach_word_vectors` gives
its vocabulary this one when it is trained and when it is loaded. Words are looked up by
their lower-case form, so that "Affiliate", "affiliate" and a recased "AFFILIATE" meet
the same vector; a word the table lacks reads as zeros.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.vectors import Vectors
from spacy.vocab import Vocab

TABLE_FILE = "word_vectors.npz"
VECTORS_NAME = "mosaic_word_vectors_v1"


def default_table_path() -> Path:
    """The shipped table."""
    folder = resources.files("mosaic").joinpath("data", "models", "word_vectors")
    return Path(str(folder.joinpath(TABLE_FILE)))


@lru_cache(maxsize=2)
def word_vectors(path: Path | None = None) -> Vectors:
    """The table as spaCy vectors keyed by lower-case words (read once per process)."""
    with np.load(path or default_table_path()) as stored:
        keys, rows, table = stored["keys"], stored["rows"], stored["table"]
    vectors = Vectors(data=table.astype(np.float32), name=VECTORS_NAME, attr="LOWER")
    for key, row in zip(keys.tolist(), rows.tolist(), strict=True):
        vectors.add(key, row=row)
    return vectors


def attach_word_vectors(vocab: Vocab, path: Path | None = None) -> None:
    """Give the vocabulary the shared table (no copy: every component reads the same)."""
    vocab.vectors = word_vectors(path)
