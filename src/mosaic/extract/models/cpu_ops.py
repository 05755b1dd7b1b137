"""The trained taggers' matrix products through numpy's OpenBLAS on one thread, where it can.

Most of a tagger's CPU time is the matrix products of its token vectors (thinc's maxout
layers), which thinc runs through BLIS. The BLIS wheel picks its kernels by the CPU it
recognises and falls back to generic ones where it recognises none (a virtual machine's
"AMD EPYC"): three times the CPU time of numpy's OpenBLAS for the taggers' products. OpenBLAS
on several threads costs more CPU than on one (its idle threads wait spinning), and ingest
runs in parallel by processes, so a tagger uses numpy's products only where numpy's own
OpenBLAS (the library its wheels ship) can be held to one thread while it runs; elsewhere it
keeps BLIS. The products differ from BLIS's in the last bits of a float, which
moves no decision of the shipped taggers (the identity check of the commit that made this).
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from thinc.api import NumpyOps

from mosaic.extract.models.word_vectors import load_with_word_vectors

LOCAL_THREADS = "openblas_set_num_threads_local"
"""OpenBLAS's setter of its thread count that returns the count before (0.3.27 on)."""


@cache
def numpy_openblas() -> Any | None:
    """numpy's bundled OpenBLAS, where it has the per-thread setter; None elsewhere (another
    BLAS, or an OpenBLAS older than the setter)."""
    package = Path(numpy.__file__).parent
    for folder in (package.with_name("numpy.libs"), package / ".dylibs"):
        for path in sorted(folder.glob("*openblas*")) if folder.is_dir() else []:
            try:
                library = ctypes.CDLL(str(path))
            except OSError:
                continue
            if hasattr(library, LOCAL_THREADS):
                getattr(library, LOCAL_THREADS).restype = ctypes.c_int
                return library
    return None


def use_numpy_products(nlp: Language) -> bool:
    """Sets every layer of the pipeline's models to multiply through numpy where numpy's
    OpenBLAS can be held to one thread (`one_blas_thread`); whether it did."""
    if numpy_openblas() is None:
        return False
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for layer in model.walk() if model is not None else []:
            layer.ops = ops
    return True


def load_tagger(path: Path) -> Language:
    """A saved tagger (`load_with_word_vectors`), multiplying through numpy where it can; run
    it inside `one_blas_thread`."""
    nlp = load_with_word_vectors(path)
    use_numpy_products(nlp)
    return nlp


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's OpenBLAS held to one thread while the block runs."""
    library = numpy_openblas()
    if library is None:
        yield
        return
    previous = getattr(library, LOCAL_THREADS)(1)
    try:
        yield
    finally:
        getattr(library, LOCAL_THREADS)(previous)
