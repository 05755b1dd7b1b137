"""The vectorised MinHash (mosaic.ingest.minhash) gives the signatures of the plain formula."""

from __future__ import annotations

import random

import numpy as np
import pytest

from mosaic.ingest import minhash
from mosaic.ingest.minhash import minhash_signature

PRIME = (1 << 61) - 1


def _plain_signature(text: str, num_perm: int) -> tuple[int, ...]:
    """The definition: for each permutation, the least (a * h + b) mod p over shingle hashes."""
    hashes = {minhash._hash_shingle(s) for s in minhash._shingles(text, 5)}
    if not hashes:
        return (PRIME - 1,) * num_perm
    pairs = minhash._permutations(num_perm)
    return tuple(min((a * h + b) % PRIME for h in hashes) for a, b in pairs)


@pytest.mark.parametrize("words", [0, 1, 4, 5, 6, 40, 900, 9000])
@pytest.mark.parametrize("num_perm", [1, 7, 64])
def test_minhash_exact_matches_plain_formula(words: int, num_perm: int) -> None:
    rng = random.Random(words * 100 + num_perm)
    vocabulary = [
        "".join(rng.choice("abcdefgh") for _ in range(rng.randint(1, 7))) for _ in range(800)
    ]
    text = " ".join(rng.choice(vocabulary) for _ in range(words))
    assert minhash_signature(text, num_perm) == _plain_signature(text, num_perm)


def test_minhash_exact_affine_mod_prime_at_the_extremes() -> None:
    a = np.array([[PRIME - 1], [1], [PRIME - 2], [(1 << 60) + 12345]], dtype=np.uint64)
    b = np.array([[PRIME - 1], [0], [PRIME - 1], [7]], dtype=np.uint64)
    x = np.array([0, 1, 2, PRIME - 1, PRIME - 2, 1 << 60, (1 << 31) - 1], dtype=np.uint64)
    got = minhash._affine_mod_prime(a, x, b).tolist()
    expected = [
        [(int(ai) * int(xi) + int(bi)) % PRIME for xi in x]
        for ai, bi in zip(a[:, 0], b[:, 0], strict=True)
    ]
    assert got == expected
