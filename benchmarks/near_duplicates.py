"""Near-duplicate search for a new report: every stored signature against the band index.

Run by hand: `.venv/bin/python benchmarks/near_duplicates.py [--sizes 1000 10000 50000]
[--queries 20] [--db URL]`. Without --db the store is a new SQLite file. Stored
reports get synthetic 64-position signatures: random ones (reports that share no
shingle agree nowhere) and, for one in ten, a near-copy of an earlier report that
agrees with it in 30-45 positions (similarity 0.47-0.70, as republished wire
stories measured). Half the queries are near-copies of stored reports, half new.

For each size it prints the milliseconds per new report of the search ingest
used to do (`iter_minhashes`, every stored signature compared) and of the index
(`near_duplicate_candidates`, candidates compared), the candidates per query, and
whether both found the same links.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from mosaic.ingest.minhash import NEAR_DUPLICATE_THRESHOLD, estimated_similarity
from mosaic.model import Report
from mosaic.store.ports import Repository
from mosaic.store.sql import open_repository

PERMUTATIONS = 64
_MAX = (1 << 61) - 2

Signature = tuple[int, ...]
Search = Callable[[Repository, Signature], list[str]]


def _random(rng: random.Random) -> Signature:
    return tuple(rng.randint(0, _MAX) for _ in range(PERMUTATIONS))


def _near_copy(rng: random.Random, of: Signature) -> Signature:
    agree = set(rng.sample(range(PERMUTATIONS), rng.randint(30, 45)))
    return tuple(v if i in agree else rng.randint(0, _MAX) for i, v in enumerate(of))


def fill(repo: Repository, signatures: list[Signature], rng: random.Random, size: int) -> None:
    """Store reports until there are `size`, one transaction per thousand."""
    while len(signatures) < size:
        with repo.transaction():
            for _ in range(min(1000, size - len(signatures))):
                copy = signatures and rng.random() < 0.1
                signature = _near_copy(rng, rng.choice(signatures)) if copy else _random(rng)
                repo.add_report(Report(text=f"Synthetic report {len(signatures)}."), signature)
                signatures.append(signature)


def by_scan(repo: Repository, signature: Signature) -> list[str]:
    """What ingest did before the index: every stored signature compared."""
    return [
        other_id
        for other_id, other in repo.iter_minhashes()
        if estimated_similarity(signature, other) >= NEAR_DUPLICATE_THRESHOLD
    ]


def by_index(repo: Repository, signature: Signature) -> list[str]:
    return [
        other_id
        for other_id, other in repo.near_duplicate_candidates(signature)
        if estimated_similarity(signature, other) >= NEAR_DUPLICATE_THRESHOLD
    ]


def timed(search: Search, repo: Repository, queries: Sequence[Signature]) -> tuple[float, list]:
    """Median milliseconds per query, and the links each query found."""
    found, times = [], []
    for query in queries:
        started = time.perf_counter()
        found.append(search(repo, query))
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--db", help="an empty database URL (default: a new SQLite file)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        repo = open_repository(args.db or str(Path(folder) / "near.db"))
        print(f"store: {args.db or 'new SQLite file'}; {args.queries} queries per size")
        print(
            f"{'reports':>8}{'scan ms':>10}{'index ms':>10}{'speed-up':>10}"
            f"{'candidates':>12}{'links':>7}  same links"
        )
        signatures: list[Signature] = []
        for size in sorted(args.sizes):
            fill(repo, signatures, rng, size)
            queries = [
                _near_copy(rng, rng.choice(signatures)) if n % 2 else _random(rng)
                for n in range(args.queries)
            ]
            scan_ms, scanned = timed(by_scan, repo, queries)
            index_ms, indexed = timed(by_index, repo, queries)
            candidates = sum(len(repo.near_duplicate_candidates(q)) for q in queries)
            links = sum(map(len, scanned))
            print(
                f"{size:>8}{scan_ms:>10.1f}{index_ms:>10.2f}{scan_ms / index_ms:>9.0f}x"
                f"{candidates / len(queries):>12.2f}{links:>7}  {scanned == indexed}"
            )
        repo.close()


if __name__ == "__main__":
    main()
