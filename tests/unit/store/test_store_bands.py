"""The band index of signatures (mosaic.store.bands) and the candidates it gives."""

from __future__ import annotations

import random
from math import comb

import pytest

from mosaic.ingest.minhash import is_near_duplicate, minhash_signature
from mosaic.model import Report
from mosaic.store.bands import BAND_ROWS, band_buckets
from support.memory import MemoryRepository


def _signature(agree_at: set[int], length: int = 64, offset: int = 1000) -> list[int]:
    """A signature equal to `range(length)` at `agree_at` and different everywhere else."""
    return [i if i in agree_at else offset + i for i in range(length)]


def test_bands_cut_a_signature_into_runs_of_two() -> None:
    buckets = band_buckets(list(range(64)))
    assert BAND_ROWS == 2
    assert [band for band, _ in buckets] == list(range(32))
    assert len({bucket for _, bucket in buckets}) == 32


def test_bands_bucket_is_stable_across_runs_and_machines() -> None:
    """Buckets are stored: a change of the hash would blind the index to every stored report."""
    assert band_buckets([1, 2, 3]) == [(0, -253717595226063309), (1, 8498445765081744977)]


def test_bands_share_a_bucket_only_where_both_rows_agree() -> None:
    base = band_buckets(list(range(64)))
    # Positions 4 and 5 make band 2; 7 and 8 are alone in bands 3 and 4.
    other = band_buckets(_signature({4, 5, 7, 10}))
    assert {key for key in base if key in other} == {(2, base[2][1])}


def test_bands_one_agreeing_position_per_band_gives_no_candidate() -> None:
    """The residual miss: 32 agreements (similarity 0.5), one in each band."""
    assert not set(band_buckets(list(range(64)))) & set(
        band_buckets(_signature(set(range(0, 64, 2))))
    )


def test_bands_bucket_depends_on_values_and_position() -> None:
    assert band_buckets([7, 8])[0] != band_buckets([8, 7])[0]
    assert band_buckets([7, 8, 7, 8])[0][1] == band_buckets([7, 8, 7, 8])[1][1]


def test_bands_of_short_and_odd_signatures() -> None:
    assert band_buckets([]) == []
    assert len(band_buckets([1, 2, 3])) == 2
    assert band_buckets([1, 2, 3], rows=3) == [(0, band_buckets([1, 2, 3], rows=3)[0][1])]


def test_bands_need_a_row() -> None:
    with pytest.raises(ValueError, match="at least one row"):
        band_buckets([1, 2], rows=0)


def test_bands_miss_rate_at_the_threshold_is_the_documented_one() -> None:
    """Of every way 26 agreeing positions can fall, the share with no band holding two."""
    spread = comb(32, 26) * 2**26 / comb(64, 26)
    assert spread == pytest.approx(1.0e-4, rel=0.02)
    rng = random.Random(7)
    missed = sum(
        not set(band_buckets(list(range(64))))
        & set(band_buckets(_signature(set(rng.sample(range(64), 20)))))
        for _ in range(2000)
    )
    # With 20 agreements the exact share is C(32,20) 2**20 / C(64,20) = 0.0025: about 5 in 2000.
    assert missed <= 20


def _wire_corpus(stories: int, copies: int, seed: int) -> list[str]:
    """Made-up stories of 150-300 words and near-copies of some with scattered edits."""
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(3000)]
    texts = []
    for _ in range(stories):
        words = rng.choices(vocabulary, k=rng.randint(150, 300))
        texts.append(" ".join(words))
        for _ in range(copies):
            edited = list(words)
            for _ in range(rng.randint(2, 14)):
                edited[rng.randrange(len(edited))] = rng.choice(vocabulary)
            texts.append(" ".join(edited))
    return texts


def test_bands_candidates_find_what_comparing_every_pair_finds() -> None:
    repo = MemoryRepository()
    stored: list[tuple[str, tuple[int, ...]]] = []
    linked_by_scan = linked_by_index = 0
    for text in _wire_corpus(stories=60, copies=2, seed=3):
        signature = minhash_signature(text)
        by_scan = {i for i, other in stored if is_near_duplicate(signature, other)}
        candidates = repo.near_duplicate_candidates(signature)
        by_index = {i for i, other in candidates if is_near_duplicate(signature, other)}
        assert by_index == by_scan
        assert len(candidates) <= len(by_scan) + 2
        linked_by_scan += len(by_scan)
        linked_by_index += len(by_index)
        report = Report(text=text)
        repo.add_report(report, signature)
        stored.append((report.id, tuple(signature)))
    assert linked_by_scan >= 150  # the corpus holds the near-copies the test is about
