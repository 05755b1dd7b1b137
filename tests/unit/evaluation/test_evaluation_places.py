"""Tests of the place-mention figures (mosaic.evaluation.places) on hand-made passages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mosaic.errors import InputError
from mosaic.evaluation.documents import GoldDocument
from mosaic.evaluation.places import gold_occurrences, judge, score_places
from mosaic.evaluation.report import render_table, to_json
from mosaic.evaluation.scoring import score_corpus

TEXT = (
    "Gunmen raided a bazaar in Tarnak on Monday. Tarnak lies in southern Zarin province. "
    "Officials from the Tarnak Relief Council said the tribal areas were calm."
)
EVENTS: list[dict[str, Any]] = [
    {"type": "attack", "country": "AF", "place": ["Tarnak", "Zarin", "Zarin Province"]},
]


def _mention(text: str, start: int, kind: str = "place", **extra: Any) -> dict[str, Any]:
    item = {"start": start, "end": start + len(text), "text": text, "kind": kind}
    item.update({"names": [text], "country": "AF", "latitude": 31.0, "longitude": 65.0})
    item.update(extra)
    return item


def _at(text: str, occurrence: int = 0) -> int:
    index = -1
    for _ in range(occurrence + 1):
        index = TEXT.index(text, index + 1)
    return index


def test_places_occurrences_skip_longer_names_and_lower_case() -> None:
    found = gold_occurrences(
        TEXT + " The tribal areas", [*EVENTS, {"place": ["tribal areas"], "country": "AF"}]
    )
    assert [(o.text, o.start) for o in found] == [
        ("Tarnak", _at("Tarnak")),
        ("Tarnak", _at("Tarnak", 1)),
        ("Zarin province", _at("Zarin")),
    ]
    assert found[0].country == "AF" and "Zarin Province" in found[0].names


def test_places_occurrences_need_one_country() -> None:
    events = [*EVENTS, {"type": "attack", "country": "PK", "place": ["Tarnak"]}]
    assert [o.text for o in gold_occurrences(TEXT, events)] == ["Zarin province"]
    assert gold_occurrences(TEXT, [{"type": "attack", "place": ["Tarnak"]}]) == []


@pytest.mark.parametrize(
    ("mention", "problem"),
    [
        (None, "no mention"),
        (_mention("Tarnak", 0, kind="person", country=None), "not a place"),
        (_mention("Tarnak", 0, country="PK"), "wrong country"),
        (_mention("Tarnak", 0, latitude=None), "wrong place"),
        (_mention("Tarnak", 0, names=["Kandahar"]), "wrong place"),
        (_mention("Tarnak", 0), None),
        (_mention("Zarin", 0, names=["southern Zarin"]), None),
    ],
)
def test_places_judge_levels(mention: dict[str, Any] | None, problem: str | None) -> None:
    occurrence = gold_occurrences(TEXT, EVENTS)[0]
    assert judge(occurrence, mention) == problem


def test_places_score_counts_each_level() -> None:
    mentions = [
        _mention("Tarnak", _at("Tarnak")),
        _mention("Tarnak", _at("Tarnak", 1), kind="person", country=None),
        _mention("southern Zarin", _at("southern Zarin"), country="PK"),
    ]
    result = score_places(TEXT, EVENTS, mentions)
    scores = result.scores
    assert (scores.mentions, scores.as_place, scores.country, scores.place) == (3, 2, 1, 1)
    assert scores.share("country") == pytest.approx(1 / 3)
    assert [(e.text, e.problem) for e in result.errors] == [
        ("Tarnak", "not a place"),
        ("Zarin province", "wrong country"),
    ]


def test_places_mention_without_offsets_is_an_input_error() -> None:
    with pytest.raises(InputError, match="mentions"):
        score_places(TEXT, EVENTS, [{"text": "Tarnak"}], "system d1")


def test_places_corpus_report_table_and_json() -> None:
    gold = GoldDocument("d1", None, TEXT, Path("d1.json"), {"events": EVENTS})
    system = {"events": [], "mentions": [_mention("Tarnak", _at("Tarnak"))]}
    result = score_corpus([(gold, system)])
    assert (result.places.mentions, result.places.place) == (3, 1)
    table = render_table(result)
    assert "  place          0.333  (1/3)" in table
    assert "'Zarin province' @" in table and "no mention" in table
    data = to_json(result)
    assert data["places"]["place_share"] == pytest.approx(1 / 3)
    assert len(data["documents"][0]["place_errors"]) == 2


def test_places_left_out_without_system_mentions() -> None:
    gold = GoldDocument("d1", None, TEXT, Path("d1.json"), {"events": EVENTS})
    result = score_corpus([(gold, {"events": []})])
    assert result.places.mentions == 0
    assert "place mentions" not in render_table(result)
