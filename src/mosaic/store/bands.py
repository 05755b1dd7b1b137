"""The locality-sensitive index (LSH) that finds near-duplicate candidates among stored reports.

A signature (`ingest.minhash`) is cut into bands of `BAND_ROWS` positions; two
reports become candidates when they agree on every position of at least one
band, and only candidates are compared in full (`ingest.minhash.is_near_duplicate`),
so a new report costs a look-up of its bands instead of a pass over every report.

With 64 permutations in b = 32 bands of r = 2 rows, a pair of Jaccard similarity
J is a candidate with probability 1 - (1 - J**r)**b:

    J        0.02   0.05   0.1    0.2    0.3    0.4     0.5
    32 x 2   0.013  0.077  0.28   0.73   0.95   0.9962  0.9999
    21 x 3   0.000  0.003  0.02   0.16   0.44   0.75    0.94
    16 x 4   0.000  0.000  0.002  0.03   0.12   0.34    0.64

Wider bands would miss a quarter to two thirds of the pairs at the 0.4 threshold,
so 2 rows it is. The full comparison links a pair whose signatures agree in
k >= 26 of the 64 positions. The positions come from independent hash functions,
so given k they are equally likely to be any k of the 64, and the index misses
the pair only if no band holds two of them: C(32, k) * 2**k / C(64, k). That is
1.0e-4 at k = 26 (similarity 0.41), 9e-6 at k = 28, 3e-7 at k = 30 (0.47, the
least similar republished wire story measured) and 0 from k = 33 up, when two
agreeing positions must share a band. Reports that share no shingle (J = 0)
agree nowhere, so unrelated reports rarely meet in a bucket.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

BAND_ROWS = 2


def band_buckets(signature: Sequence[int], rows: int = BAND_ROWS) -> list[tuple[int, int]]:
    """`(band, bucket)` for each run of `rows` positions of `signature`.

    Signatures that agree on all of a band's positions share its bucket, a signed
    64-bit hash (what SQLite and PostgreSQL integers hold). The hash is BLAKE2b,
    the same on every run and machine, because buckets are stored.
    """
    if rows < 1:
        raise ValueError(f"a band needs at least one row, not {rows}")
    return [
        (band, _bucket(signature[start : start + rows]))
        for band, start in enumerate(range(0, len(signature), rows))
    ]


def _bucket(values: Sequence[int]) -> int:
    text = ",".join(str(value) for value in values).encode("ascii")
    digest = hashlib.blake2b(text, digest_size=8, person=b"mosaic.band").digest()
    return int.from_bytes(digest, "big", signed=True)
