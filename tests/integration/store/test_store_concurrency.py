"""Concurrent writers on one knowledge base: two ingest processes and forty threads all succeed.

Write transactions take the write lock as they begin (`BEGIN IMMEDIATE` on SQLite,
an advisory lock on PostgreSQL), so writers queue instead of failing with
"database is locked" or a deadlock.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from mosaic.model import Report
from mosaic.services.ingest import Outcome, ReportOutcome, extract_and_store
from mosaic.store.sql import SqlRepository, open_repository
from support.cli import ROOT
from support.stores import POSTGRES_URL, empty
from support.writers import SharedEntityExtractor, report_text, write_folder

STORES = ["sqlite", *(["postgres"] if POSTGRES_URL else [])]
WRITERS = 2
REPORTS_PER_WRITER = 25
THREADS = 40


@pytest.fixture(params=STORES)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A knowledge base no one has opened yet (SQLite) or an emptied one (PostgreSQL)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kb.db'}"
    store = open_repository(POSTGRES_URL)
    empty(store)
    store.close()
    return POSTGRES_URL


def _start_writer(url: str, folder: Path) -> subprocess.Popen[str]:
    path = os.pathsep.join(
        [str(ROOT / "src"), str(ROOT / "tests"), os.environ.get("PYTHONPATH", "")]
    )
    return subprocess.Popen(
        [sys.executable, "-m", "support.writers", url, str(folder)],
        env={**os.environ, "PYTHONPATH": path},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_store_concurrency_two_ingest_processes_store_every_report(
    url: str, tmp_path: Path
) -> None:
    folders = [
        write_folder(tmp_path / f"writer{n}", f"w{n}", REPORTS_PER_WRITER) for n in range(WRITERS)
    ]
    writers = [_start_writer(url, folder) for folder in folders]
    results = [writer.communicate(timeout=300) for writer in writers]
    for writer, (_, stderr) in zip(writers, results, strict=True):
        assert writer.returncode == 0, stderr
    repo = open_repository(url)
    try:
        assert repo.counts()["reports"] == WRITERS * REPORTS_PER_WRITER
    finally:
        repo.close()


def _store_one(repo: SqlRepository, number: int) -> ReportOutcome:
    report = Report(text=report_text("thread", number), source_path=f"thread-{number}")
    (outcome,) = extract_and_store(repo, SharedEntityExtractor(), [report])
    return outcome


def test_store_concurrency_forty_threads_store_every_report(url: str) -> None:
    repo = open_repository(url)
    try:
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            outcomes = list(pool.map(lambda n: _store_one(repo, n), range(THREADS)))
        assert [o.outcome for o in outcomes] == [Outcome.STORED] * THREADS
        assert repo.counts()["reports"] == THREADS
    finally:
        repo.close()
