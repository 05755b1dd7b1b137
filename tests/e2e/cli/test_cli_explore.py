"""The read commands on an ingested corpus, and on the seed articles."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from support.cli import SEEDS, Mosaic, mosaic_command, read_json

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SEED_DATES = {"000_277361c9522fb8fd.txt": "2016-01-21", "003_5773ec9424cee50c.txt": "2024-03-30"}


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    for name, published in SEED_DATES.items():
        command = [*mosaic_command(db), "ingest", str(SEEDS / name), "--published", published]
        subprocess.run(command, check=True, capture_output=True)
    return db


def _on(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*mosaic_command(db), *args], capture_output=True, text=True, check=True)


def test_cli_seeds_jalalabad_consulate_attack(seeds_db: Path) -> None:
    events = read_json(
        _on(seeds_db, "events", "--country", "AF", "--since", "2016-01-13", "--until",
            "2016-01-13", "--type", "attack", "--json")
    )  # fmt: skip
    [attack] = [e for e in events if e["place"] and "Jal" in e["place"]["name"]]
    assert attack["date"] == "2016-01-13"
    assert attack["killed"] == 17
    assert any("consulate" in target for target in attack["targets"])


def test_cli_seeds_imu_pledge_to_islamic_state(seeds_db: Path) -> None:
    profile = read_json(_on(seeds_db, "entity", "IMU", "--json"))
    assert profile["name"] == "Islamic Movement of Uzbekistan"
    pledges = [r for r in profile["relations"] if r["type"] == "allegiance"]
    assert [(r["other"]["name"], r["start"]) for r in pledges] == [("Islamic State", "2014-10-06")]


def test_cli_seeds_crocus_attack_claimed_by_islamic_state(seeds_db: Path) -> None:
    events = read_json(_on(seeds_db, "events", "--country", "RU", "--since", "2024-03", "--json"))
    crocus = [e for e in events if e["date"] == "2024-03-22" and e["type"] == "attack"]
    assert crocus and crocus[0]["killed"] == 137


def test_cli_events_filter_by_group_alias_and_dates(corpus_db: Path) -> None:
    events = read_json(_on(corpus_db, "events", "--group", "Isis-K", "--since", "2015", "--json"))
    assert events
    assert all(e["date"] is None or e["date"] >= "2015" for e in events)
    assert all(any(p["id"] == "org:iskp" for p in e["perpetrators"]) for e in events)


def test_cli_conflicting_tolls_are_listed_with_their_reports(corpus_db: Path) -> None:
    events = read_json(_on(corpus_db, "events", "--type", "attack", "--limit", "500", "--json"))
    conflicts = [e for e in events if len(e.get("figures", {}).get("killed", [])) > 1]
    assert conflicts, "the corpus reports several attacks twice with different tolls"
    for event in conflicts:
        figures = event["figures"]["killed"]
        reports = set().union(*(v["reports"] for v in figures))
        sources = set().union(*(v["attributed_to"] for v in figures))
        # Two reports disagree, or one report relays two sources' tolls.
        assert len(reports) >= 2 or len(sources) >= 2, figures


def test_cli_entity_profile_by_alias(corpus_db: Path) -> None:
    profile = read_json(_on(corpus_db, "entity", "Isis-K", "--json"))
    assert profile["id"] == "org:iskp"
    assert "ISKP" in profile["aliases"]
    assert profile["sources"]
    text = _on(corpus_db, "entity", "Isis-K").stdout
    assert "Islamic State Khorasan Province" in text


def test_cli_unknown_entity_is_a_clear_error(corpus_db: Path) -> None:
    result = subprocess.run(
        [*mosaic_command(corpus_db), "entity", "No Such Front"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "no entity named 'No Such Front'" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_timeline_is_in_date_order(corpus_db: Path) -> None:
    timeline = read_json(_on(corpus_db, "timeline", "Tehreek-i-Taliban Pakistan", "--json"))
    dates = [e["date"] for e in timeline["entries"] if e["date"]]
    assert dates and dates == sorted(dates, key=lambda d: (d + "-01-01")[:10])


def test_cli_network_as_of_json_and_graphml(corpus_db: Path, tmp_path: Path) -> None:
    network = read_json(_on(corpus_db, "network", "--as-of", "2015-06-01", "--json"))
    assert network["as_of"] == "2015-06-01"
    node_ids = {n["id"] for n in network["nodes"]}
    assert network["edges"]
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in network["edges"])
    graphml = tmp_path / "net.graphml"
    _on(corpus_db, "network", "--as-of", "2015-06-01", "--graphml", str(graphml))
    root = ET.parse(graphml).getroot()
    assert len(root.findall(".//{http://graphml.graphdrawing.org/xmlns}edge")) == len(
        network["edges"]
    )


def test_cli_evidence_gives_the_sentence_and_report(corpus_db: Path) -> None:
    [event] = read_json(_on(corpus_db, "events", "--type", "attack", "--limit", "1", "--json"))
    evidence = read_json(_on(corpus_db, "evidence", event["id"], "--json"))
    assert evidence["evidence"]
    first = evidence["evidence"][0]
    assert first["sentence"]
    assert first["report"]["title"]
    assert first["extractor"].startswith("mosaic.extract.v")


def test_cli_extract_writes_format_json_per_input(mosaic: Mosaic, tmp_path: Path) -> None:
    inputs = sorted((Path(__file__).parents[3] / "examples" / "reports" / "2016").glob("*.md"))[:2]
    out = tmp_path / "out"
    mosaic("extract", *map(str, inputs), "--out", str(out))
    written = sorted(p.name for p in out.glob("*.json"))
    assert written == sorted(f"{p.stem}.json" for p in inputs)
    document = read_json(mosaic("extract", str(inputs[0])))
    assert set(document) >= {"doc_id", "published", "events", "relations"}
    allowed = {"attack", "military_operation", "arrest", "killing", "founding",
               "designation", "protest", "meeting"}  # fmt: skip
    assert all(e["type"] in allowed for e in document["events"])


def test_cli_bad_option_values_are_clear_errors(mosaic: Mosaic) -> None:
    for args in (["events", "--since", "June"], ["events", "--type", "riot"],
                 ["network", "--as-of", "2015-13-01"]):  # fmt: skip
        result = mosaic(*args, check=False)
        assert result.returncode == 1, args
        assert "error:" in result.stderr and "Traceback" not in result.stderr
