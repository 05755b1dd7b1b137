"""Writers that append to the audit log at once never fork the chain (SQLite; PostgreSQL too).

Each thread has its own store, and the in-process lock is lifted, so the
threads race as separate processes would; the losers retry on the new head.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

import pytest

from mosaic.services import audit
from mosaic.services.audit import Actor, record, verify
from mosaic.store.sql import open_repository
from support.stores import POSTGRES_URL, empty

STORES = ["sqlite", *(["postgres"] if POSTGRES_URL else [])]
WRITERS, EACH = 3, 15


@pytest.mark.parametrize("store", STORES)
def test_store_audit_concurrent_appends_keep_one_chain(
    store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit, "_append_lock", contextlib.nullcontext())
    url = str(tmp_path / "kb.db") if store == "sqlite" else POSTGRES_URL
    repos = [open_repository(url) for _ in range(WRITERS)]
    empty(repos[0])
    failures: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(EACH):
                record(repos[n], Actor(f"writer-{n}"), "login", f"{n}-{i}")
        except BaseException as error:  # reported below, not swallowed
            failures.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert failures == []
        report = verify(repos[0])
        assert report.intact and report.entries == WRITERS * EACH
        targets = {entry.event.target for entry in repos[0].audit_entries(limit=100)}
        assert len(targets) == WRITERS * EACH
    finally:
        empty(repos[0])
        for repo in repos:
            repo.close()
