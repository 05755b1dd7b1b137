"""Tests of the text table and the JSON report, on the hand-made files in tests/data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mosaic.evaluation.documents import load_gold_dir, read_extraction_file
from mosaic.evaluation.perpetrators import ExtraPerpetrator
from mosaic.evaluation.report import describe, render_table, to_json
from mosaic.evaluation.scoring import EvaluationResult, score_corpus

DATA = Path(__file__).resolve().parents[2] / "data" / "evaluation"


def _result() -> EvaluationResult:
    gold = load_gold_dir(DATA / "gold")
    return score_corpus([(gold[0], read_extraction_file(DATA / "system" / "d1.json"))])


def test_report_figures_of_hand_made_pair() -> None:
    result = _result()
    assert (result.events.tp, result.events.fp, result.events.fn) == (1, 1, 0)
    assert result.events.f1 == pytest.approx(2 / 3)
    assert result.relations.f1 == 1.0
    assert result.headline == pytest.approx(5 / 6)
    slots = result.events.slots
    correct = {name: score.correct for name, score in slots.items() if score.total}
    assert correct == {
        "killed": 1,
        "perpetrators": 1,
        "place": 1,
        "country": 1,
        "date": 0,
        "attack_type": 0,
    }
    assert (result.relations.date.correct, result.relations.date.total) == (0, 1)


def test_report_table_ends_with_summary() -> None:
    lines = render_table(_result()).splitlines()
    assert lines[-3].startswith("events     P 0.500  R 1.000  F1 0.667")
    assert lines[-2].startswith("relations  P 1.000  R 1.000  F1 1.000")
    assert lines[-1].startswith("headline   0.833")


def test_report_table_lists_spurious_and_wrong_slots() -> None:
    table = render_table(_result())
    assert "spurious event #1: arrest 2020-02 AF" in table
    assert "wrong    event #0~#0 attack_type: gold 'bombing', system 'armed_assault'" in table
    assert "missed" not in table  # the optional founding event is not reported


def test_report_json_round_trips_and_holds_details() -> None:
    data = json.loads(json.dumps(to_json(_result())))
    assert data["headline"] == pytest.approx(5 / 6)
    assert data["events"]["slots"]["date"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    assert data["relations"]["date"]["total"] == 1
    document = data["documents"][0]
    assert document["doc_id"] == "test-d1"
    assert document["spurious"][0]["summary"].startswith("arrest")
    assert {e["slot"] for e in document["slot_errors"]} == {"date", "attack_type"}
    names = data["events"]["perpetrator_names"]
    assert (names["matched"], names["system"], names["gold"]) == (1, 1, 1)
    assert names["precision"] == 1.0


def test_report_table_counts_perpetrator_names_and_lists_extras() -> None:
    result = _result()
    result.events.perpetrators.system += 1
    result.documents[0].extra_perpetrators.append(ExtraPerpetrator(0, 0, ["Harbour Police"]))
    table = render_table(result)
    assert "perpetrator names  P 0.500 (1/2)  R 1.000 (1/1)" in table
    assert "extra    event #0~#0 perpetrator: 'Harbour Police' matches no gold" in table


def test_report_describe_relation_and_event() -> None:
    relation = {"type": "leader_of", "subject": ["Khan"], "object": "ISKP", "date": "2015"}
    assert describe("relation", relation) == "leader_of Khan -> ISKP 2015"
    event = {"type": "attack", "attack_type": "bombing", "perpetrators": [["IS"]], "killed": 3}
    assert describe("event", event) == "attack/bombing no-date by IS killed=3"
