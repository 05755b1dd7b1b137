"""The same `mosaic` commands on PostgreSQL store what they store in SQLite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mosaic.store.sql import open_repository
from support.cli import CORPUS, mosaic_command
from support.stores import POSTGRES_URL, empty

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="MOSAIC_TEST_POSTGRES_URL is not set")


def _run(db_args: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [*db_args, *args], capture_output=True, text=True, env=env, timeout=600, check=True
    )


def _stats(db_args: list[str]) -> Any:
    return json.loads(_run(db_args, "stats", "--json").stdout)


@pytest.fixture
def postgres_args() -> list[str]:
    store = open_repository(POSTGRES_URL)
    empty(store)
    store.close()
    return [sys.executable, "-m", "mosaic", "--db", POSTGRES_URL]


def test_cli_postgres_ingest_stores_what_sqlite_stores(
    postgres_args: list[str], corpus_db: Path
) -> None:
    _run(postgres_args, "ingest", str(CORPUS))
    stored = _stats(postgres_args)
    assert stored == _stats(mosaic_command(corpus_db))
    assert stored["reports"] > 0 and stored["events"] > 0


def test_cli_postgres_second_ingest_changes_nothing(postgres_args: list[str]) -> None:
    _run(postgres_args, "ingest", str(CORPUS))
    first = _stats(postgres_args)
    again = json.loads(_run(postgres_args, "ingest", str(CORPUS), "--json").stdout)
    assert again["stored"] == 0
    assert again["duplicates"] == first["reports"]
    assert _stats(postgres_args) == first
