"""The trained taggers' matrix products: numpy's OpenBLAS on one thread where it can be held so."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language
from thinc.api import NumpyOps

from mosaic.extract.models import cpu_ops
from mosaic.extract.models.role_spans import default_model_path
from mosaic.extract.models.word_copies import copy_words
from mosaic.extract.models.word_vectors import load_with_word_vectors

SENTENCES = [
    "Gunmen from the Zulu Liberation Front opened fire on a police post in Karvani on Monday.",
    "A suicide bomber killed twelve soldiers and wounded a district officer near the market.",
]


class FakeOpenBlas:
    """A library whose thread setter records what it was given and returns the count before."""

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self.given: list[int] = []

    def openblas_set_num_threads_local(self, threads: int) -> int:
        before, self.threads = self.threads, threads
        self.given.append(threads)
        return before


def _layers_ops(nlp: Language) -> list[Any]:
    return [layer.ops for _, pipe in nlp.pipeline for layer in pipe.model.walk()]


def _tagged(nlp: Language) -> list[list[tuple[int, int, str]]]:
    main = spacy.blank("en")
    docs = [copy_words(main(text)[:], nlp.vocab) for text in SENTENCES]
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in nlp.pipe(docs)]


def test_cpu_ops_numpy_products_tag_what_blis_tags() -> None:
    if cpu_ops.numpy_openblas() is None:
        pytest.skip("numpy ships no OpenBLAS whose threads can be set here")
    blis, numpy_products = (
        load_with_word_vectors(default_model_path()),
        cpu_ops.load_tagger(default_model_path()),
    )
    assert all(not layer.ops.use_blis for layer in numpy_products.get_pipe("ner").model.walk())
    with cpu_ops.one_blas_thread():
        found = _tagged(numpy_products)
    assert found == _tagged(blis)
    assert any(found)


def test_cpu_ops_every_layer_multiplies_through_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cpu_ops, "numpy_openblas", lambda: FakeOpenBlas(2))
    nlp = spacy.blank("en")
    nlp.add_pipe("ner").add_label("GROUP")
    nlp.initialize()
    assert cpu_ops.use_numpy_products(nlp)
    ops = _layers_ops(nlp)
    assert ops and all(isinstance(o, NumpyOps) and not o.use_blis for o in ops)


def test_cpu_ops_without_numpys_openblas_keep_blis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cpu_ops, "numpy_openblas", lambda: None)
    nlp = spacy.blank("en")
    nlp.add_pipe("ner").add_label("GROUP")
    nlp.initialize()
    assert not cpu_ops.use_numpy_products(nlp)
    assert all(getattr(o, "use_blis", True) for o in _layers_ops(nlp))


def test_cpu_ops_one_blas_thread_restores_the_count_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    library = FakeOpenBlas(4)
    monkeypatch.setattr(cpu_ops, "numpy_openblas", lambda: library)
    with cpu_ops.one_blas_thread():
        assert library.threads == 1
    assert library.given == [1, 4] and library.threads == 4


def test_cpu_ops_one_blas_thread_restores_the_count_after_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    library = FakeOpenBlas(2)
    monkeypatch.setattr(cpu_ops, "numpy_openblas", lambda: library)
    with pytest.raises(ValueError), cpu_ops.one_blas_thread():
        raise ValueError("a tagger failed")
    assert library.threads == 2
