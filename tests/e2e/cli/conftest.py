"""Fixtures that run the real `mosaic` command over the sample corpus."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from support.cli import CORPUS, Mosaic, mosaic_command


@pytest.fixture
def mosaic(tmp_path: Path) -> Mosaic:
    """`mosaic(*args)` runs the CLI on a database in tmp_path and returns the process."""
    db = tmp_path / "kb.db"

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "COLUMNS": "200"}
        result = subprocess.run(
            [*mosaic_command(db), *args], capture_output=True, text=True, env=env, timeout=600
        )
        if check and result.returncode != 0:
            raise AssertionError(f"mosaic {' '.join(args)} failed:\n{result.stderr}")
        return result

    return run


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus ingested once for the read-only command tests."""
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    subprocess.run([*mosaic_command(db), "ingest", str(CORPUS)], check=True, capture_output=True)
    return db
