"""The band index of the Repository contract: near-duplicate candidates on every store."""

from __future__ import annotations

import pytest

from mosaic.model import Report
from mosaic.store.ports import Repository

BASE = list(range(64))


def _like_base(*agree_at: int) -> list[int]:
    """A signature agreeing with BASE exactly at `agree_at`."""
    return [i if i in agree_at else 1000 + i for i in range(64)]


def _add(repo: Repository, text: str, signature: list[int]) -> str:
    report = Report(text=text)
    repo.add_report(report, signature)
    return report.id


def test_store_candidates_are_reports_sharing_a_band(repo: Repository) -> None:
    same = _add(repo, "A wire story.", BASE)
    one_band = _add(repo, "The story, edited.", _like_base(10, 11))
    scattered = _add(repo, "A story agreeing once per band.", _like_base(*range(0, 64, 2)))
    _add(repo, "An unrelated story.", [5000 + i for i in range(64)])
    found = repo.near_duplicate_candidates(BASE)
    assert found == sorted([(same, tuple(BASE)), (one_band, tuple(_like_base(10, 11)))])
    assert scattered not in dict(found)


def test_store_candidates_follow_a_report_whose_signature_changes(repo: Repository) -> None:
    report_id = _add(repo, "A story.", BASE)
    _add(repo, "A story.", [7000 + i for i in range(64)])
    assert repo.near_duplicate_candidates(BASE) == []
    assert [i for i, _ in repo.near_duplicate_candidates([7000 + i for i in range(64)])] == [
        report_id
    ]


def test_store_candidates_of_an_empty_signature_are_none(repo: Repository) -> None:
    _add(repo, "A story.", [])
    assert repo.near_duplicate_candidates([]) == []


def test_store_candidates_see_the_open_transaction_and_not_a_rolled_back_one(
    repo: Repository,
) -> None:
    with repo.transaction():
        kept = _add(repo, "Kept.", BASE)
        assert [i for i, _ in repo.near_duplicate_candidates(BASE)] == [kept]
    with pytest.raises(RuntimeError), repo.transaction():
        _add(repo, "Rolled back.", _like_base(0, 1))
        raise RuntimeError("abort")
    assert [i for i, _ in repo.near_duplicate_candidates(_like_base(0, 1))] == [kept]
