"""Two `mosaic ingest` processes on one SQLite file both finish and store everything.

Both ingest the whole sample corpus at once, so they also race to store the same
reports: one stores each, the other finds it a duplicate.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from support.cli import CORPUS, mosaic_command, read_json

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_cli_ingest_two_processes_on_one_file_both_succeed(tmp_path: Path, corpus_db: Path) -> None:
    db = tmp_path / "kb.db"
    env = {**os.environ, "COLUMNS": "200"}
    runs = [
        subprocess.Popen(
            [*mosaic_command(db), "ingest", str(CORPUS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_, stderr) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, stderr
    stats = subprocess.run(
        [*mosaic_command(db), "stats", "--json"], capture_output=True, text=True, check=True
    )
    expected = subprocess.run(
        [*mosaic_command(corpus_db), "stats", "--json"], capture_output=True, text=True, check=True
    )
    assert read_json(stats)["reports"] == read_json(expected)["reports"]
