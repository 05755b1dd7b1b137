"""`mosaic import` in a subprocess: a file Mosaic exported, and the UN list read in place."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from mosaic.api.sample import build_sample
from mosaic.store.sql import open_repository
from support.cli import ROOT, mosaic_command, read_json

pytestmark = pytest.mark.e2e

UN_LIST = (
    ROOT.parent / "shared/data/gazetteer/un_sc_consolidated_list/un_sc_consolidated_2020-03-20.xml"
)


def _run(db: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*mosaic_command(db), *args], capture_output=True, text=True, check=check)


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    db = tmp_path / "sample.db"
    repo = open_repository(str(db))
    build_sample(repo)
    repo.close()
    return db


def test_cli_import_reads_back_an_export(sample_db: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "sample.json"
    _run(sample_db, "export", "--format", "stix", "--out", str(bundle))
    fresh = tmp_path / "fresh.db"
    result = _run(fresh, "import", str(bundle))
    assert "7 new and 0 known entities, 3 events, 3 relations" in " ".join(result.stdout.split())
    events = read_json(_run(fresh, "events", "--group", "JuA", "--json"))
    assert [(e["date"], e["killed"]) for e in events] == [("2014-11-02", 55)]
    again = _run(fresh, "import", str(bundle))
    assert "imported before" in again.stdout


def test_cli_import_un_list_adds_ids(sample_db: Path) -> None:
    if not UN_LIST.exists():
        pytest.skip("../shared/data has no UN consolidated list")
    _run(sample_db, "import", str(UN_LIST))
    profile = read_json(_run(sample_db, "entity", "TTP", "--json"))
    assert "QDe.132" in str(profile)


def test_cli_import_unknown_content_is_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "odd.txt"
    odd.write_text("hello\n")
    result = _run(tmp_path / "kb.db", "import", str(odd), check=False)
    assert result.returncode == 1
    assert "cannot tell the format" in result.stderr
