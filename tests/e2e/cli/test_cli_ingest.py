"""`mosaic ingest` end to end: the sample corpus, re-runs, bad input, a killed run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from support.cli import CORPUS, Mosaic, mosaic_command, read_json

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

CORPUS_REPORTS = 59


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row that carries meaning (not ingest timestamps), sorted."""
    queries = {
        "reports": "SELECT id, title, published FROM reports",
        "entities": "SELECT id, name, aliases FROM entities",
        "events": "SELECT id, type, date, country, place_id, killed_low, killed_high FROM events",
        "relations": "SELECT id, type, subject_id, object_id, start_date, end_date FROM relations",
        "statements": "SELECT id, value, report_id, span_start, attributed_to FROM statements",
        "mentions": "SELECT report_id, span_start, span_end, entity_id FROM mentions",
    }
    with sqlite3.connect(db) as connection:
        return {name: sorted(connection.execute(sql).fetchall()) for name, sql in queries.items()}


def test_cli_ingest_corpus_stores_every_report_and_links_near_copies(mosaic: Mosaic) -> None:
    result = read_json(mosaic("ingest", str(CORPUS), "--json"))
    assert result["stored"] == CORPUS_REPORTS
    assert result["failed"] == 0
    near = [o for o in result["outcomes"] if o["near_duplicates"]]
    assert {Path(o["source"]).name for o in near} == {
        "2016-01-16-us-designates-iskp-republished.md",
        "2024-03-27-besham-attack-republished.md",
    }
    counts = read_json(mosaic("stats", "--json"))
    assert counts["reports"] == CORPUS_REPORTS
    assert counts["events"] > 50
    assert counts["relations"] > 10


def test_cli_ingest_twice_changes_nothing(mosaic: Mosaic, tmp_path: Path) -> None:
    mosaic("ingest", str(CORPUS))
    before = _dump(tmp_path / "kb.db")
    again = read_json(mosaic("ingest", str(CORPUS), "--json"))
    assert again["stored"] == 0
    assert again["duplicates"] == CORPUS_REPORTS
    assert _dump(tmp_path / "kb.db") == before


def test_cli_ingest_killed_run_completes_to_a_clean_result(mosaic: Mosaic, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    clean.mkdir()
    subprocess.run(
        [*mosaic_command(clean / "kb.db"), "ingest", str(CORPUS)], check=True, capture_output=True
    )
    killed_db = tmp_path / "kb.db"
    process = subprocess.Popen(
        [*mosaic_command(killed_db), "ingest", str(CORPUS)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait_for_reports(killed_db, at_least=5, process=process)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = _dump(killed_db)["reports"]
    assert 0 < len(partial) < CORPUS_REPORTS
    mosaic("ingest", str(CORPUS))
    assert _dump(killed_db) == _dump(clean / "kb.db")


def _wait_for_reports(db: Path, at_least: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as connection:
                    (count,) = connection.execute("SELECT count(*) FROM reports").fetchone()
                if count >= at_least:
                    return
            except sqlite3.OperationalError:
                pass  # the schema is still being created
        time.sleep(0.05)
    raise AssertionError("the ingest finished or stalled before it could be killed")


BAD_FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02\x03" * 64,
    "latin1.md": "Caf\xe9 bombing in Quetta".encode("latin-1"),
    "broken.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog",
    "notes.docx": b"PK\x03\x04",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_cli_ingest_bad_file_gets_one_line_and_keeps_what_was_stored(
    mosaic: Mosaic, tmp_path: Path, name: str
) -> None:
    mosaic("ingest", str(CORPUS / "2014"))
    before = _dump(tmp_path / "kb.db")
    bad = tmp_path / name
    bad.write_bytes(BAD_FILES[name])
    result = mosaic("ingest", str(bad), check=False)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert name in lines[0]
    assert "Traceback" not in result.stderr
    assert _dump(tmp_path / "kb.db") == before


def test_cli_ingest_jsonl_with_broken_line_names_the_line(mosaic: Mosaic, tmp_path: Path) -> None:
    feed = tmp_path / "wire.jsonl"
    feed.write_text(
        '{"title": "One", "published": "2016-01-13", "text": "Gunmen attacked a checkpoint '
        'in Jalalabad on Wednesday, killing two policemen."}\n{"title": "Two", "text": \n'
    )
    result = mosaic("ingest", str(feed), "--json", check=False)
    assert result.returncode == 2
    assert "wire.jsonl:2" in result.stderr
    assert read_json(result)["stored"] == 1


def test_cli_ingest_bad_published_date_is_refused(mosaic: Mosaic) -> None:
    result = mosaic("ingest", str(CORPUS), "--published", "yesterday", check=False)
    assert result.returncode == 1
    assert "--published" in result.stderr and "yesterday" in result.stderr
    assert "Traceback" not in result.stderr
