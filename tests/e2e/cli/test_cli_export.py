"""`mosaic export` on the ingested sample corpus: every format, valid by its own library."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import networkx as nx
import pytest
import stix2validator
from pymisp import MISPEvent

from mosaic.exchange.ftm import validation_errors
from mosaic.exchange.tables import GTD_COLUMNS
from support.cli import mosaic_command

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _export(db: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [*mosaic_command(db), "export", *args, "--out", str(out)]
    return subprocess.run(command, capture_output=True, text=True, check=True)


def test_cli_export_stix_of_the_corpus_is_valid(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus.json"
    _export(corpus_db, out, "--format", "stix")
    results = stix2validator.validate_string(out.read_text())
    assert results.is_valid, [str(e) for e in results.errors][:5]
    kinds = {o["type"] for o in json.loads(out.read_text())["objects"]}
    assert {"incident", "intrusion-set", "relationship", "report", "note", "location"} <= kinds


def test_cli_export_misp_of_the_corpus_loads(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus.misp.json"
    _export(corpus_db, out, "--format", "misp")
    events = json.loads(out.read_text())["response"]
    assert len(events) > 10
    for item in events:
        MISPEvent().load(item)


def test_cli_export_ftm_of_the_corpus_is_valid(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus.ftm.json"
    _export(corpus_db, out, "--format", "ftm")
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) > 50
    assert [e for line in lines if (e := validation_errors(line))] == []


def test_cli_export_filters_and_tables(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "attacks.csv"
    result = _export(corpus_db, out, "--format", "csv-gtd", "--type", "attack", "--country", "PK")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and all(r["mosaic_type"] == "attack" for r in rows)
    assert all(r["country_txt"] == "Pakistan" for r in rows)
    assert list(rows[0])[: len(GTD_COLUMNS)] == GTD_COLUMNS
    assert f"wrote {len(rows)} events" in result.stdout


def test_cli_export_network_as_of_a_day(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "net.gexf"
    _export(corpus_db, out, "--format", "gexf", "--as-of", "2015-01-01")
    graph = nx.read_gexf(out)
    assert graph.number_of_edges() > 0
    for _, _, data in graph.edges(data=True):
        assert data.get("start", "2015-01-01") <= "2015-01-01" <= data.get("end", "9999")


def test_cli_export_unknown_format_is_one_line(corpus_db: Path, tmp_path: Path) -> None:
    command = [*mosaic_command(corpus_db), "export", "--format", "xlsx", "--out", "x"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 1
    assert "unknown format 'xlsx'" in result.stderr
