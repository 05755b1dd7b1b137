"""`mosaic ingest` of a folder of hostile files: one line each, exit status 2, the rest stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from support.cli import CORPUS, Mosaic, read_json

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _report_ids(db: Path) -> set[str]:
    with sqlite3.connect(db) as connection:
        return {row[0] for row in connection.execute("SELECT id FROM reports")}


def _hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    sentence = "Gunmen attacked a checkpoint near Quetta on Monday, killing two policemen. "
    (folder / "long.txt").write_text("\n\n".join([sentence * 15] * 1000))
    (folder / "wire.jsonl").write_bytes(
        b'{"title": "\\ud800", "text": "Two soldiers died in Kandahar."}\n'
        b'{"text": "A bomb killed three people in Peshawar on 2 March 2015."}\n'
    )
    items = "".join(
        f"<item><title>{title}</title><description>{title}: a raid in Khost.</description></item>"
        for title in ("Raid one", "Raid &#55296; two")
    )
    (folder / "feed.rss").write_text(f'<rss version="2.0"><channel>{items}</channel></rss>')
    (tmp_path / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (folder / "passwd.txt").symlink_to(tmp_path / "passwd")
    return folder


def test_cli_ingest_hostile_folder_fails_each_file_alone(mosaic: Mosaic, tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    mosaic("ingest", str(CORPUS / "2014"))
    before = _report_ids(db)
    folder = _hostile_folder(tmp_path)
    result = mosaic("ingest", str(folder), "--json", check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [" ".join(line.split()) for line in result.stderr.splitlines() if line.strip()]
    assert lines == [
        f"failed: {folder / 'long.txt'}: text is 1,125,998 characters, over the 1,000,000 "
        "that extraction takes in one report; split it into smaller files",
        f"warning: {folder / 'passwd.txt'}: skipped: a link to {tmp_path / 'passwd'}, "
        f"outside the folder {folder} being read",
        f"failed: {folder / 'wire.jsonl'}:1: 'title' holds a lone surrogate (U+D800) "
        "at character 0, which is not text",
    ]
    summary = read_json(result)
    assert (summary["stored"], summary["failed"]) == (3, 2)
    assert before < _report_ids(db) and len(_report_ids(db)) == len(before) + 3


def test_cli_extract_refuses_a_text_over_the_limit_and_extracts_the_rest(
    mosaic: Mosaic, tmp_path: Path
) -> None:
    long = tmp_path / "long.txt"
    long.write_text("Gunmen attacked a checkpoint near Quetta. " * 25_000)
    good = tmp_path / "good.txt"
    good.write_text("Gunmen attacked a checkpoint near Quetta on 3 May 2016, killing two.")
    result = mosaic("extract", str(long), str(good), check=False)
    assert result.returncode == 2
    assert [" ".join(line.split()) for line in result.stderr.splitlines() if line.strip()] == [
        f"error: {long}: text is 1,049,999 characters, over the 1,000,000 that extraction "
        "takes in one report; split it into smaller files"
    ]
    assert read_json(result)["doc_id"] == "good"
