"""Tests of document and corpus scores: precision, recall, F1, slot accuracy, headline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mosaic.errors import InputError
from mosaic.evaluation.documents import GoldDocument, load_gold_dir
from mosaic.evaluation.scoring import score_corpus, score_document

REPO = Path(__file__).resolve().parents[3]
SHARED_EVAL = REPO.parent / "shared" / "eval"


Items = list[dict[str, Any]]


def _doc(events: Items, relations: Items | None = None) -> dict[str, Any]:
    return {"doc_id": "t", "events": events, "relations": relations or []}


def _gold_document(doc_id: str, data: dict[str, Any]) -> GoldDocument:
    return GoldDocument(doc_id, None, "", Path(f"{doc_id}.json"), data)


def test_scoring_optional_gold_ignored_unless_matched() -> None:
    gold = _doc([{"type": "attack"}, {"type": "arrest", "optional": True}])
    unmatched = score_document(gold, _doc([{"type": "attack"}]))
    assert (unmatched.events.precision, unmatched.events.recall) == (1.0, 1.0)
    assert unmatched.missed == []
    matched = score_document(gold, _doc([{"type": "attack"}, {"type": "arrest"}]))
    assert (matched.events.tp, matched.events.fp, matched.events.fn) == (2, 0, 0)
    assert matched.events.recall == 1.0


def test_scoring_precision_recall_f1_counts() -> None:
    gold = _doc([{"type": "attack"}, {"type": "arrest"}, {"type": "meeting"}])
    system = _doc([{"type": "attack"}, {"type": "protest"}])
    score = score_document(gold, system)
    assert (score.events.tp, score.events.fp, score.events.fn) == (1, 1, 2)
    assert score.events.precision == 0.5
    assert score.events.recall == pytest.approx(1 / 3)
    assert score.events.f1 == pytest.approx(0.4)
    assert [note.item["type"] for note in score.missed] == ["arrest", "meeting"]
    assert [note.item["type"] for note in score.spurious] == ["protest"]


def test_scoring_country_mismatch_makes_miss_and_spurious() -> None:
    gold = _doc([{"type": "attack", "country": "PK", "evidence": "a blast"}])
    score = score_document(gold, _doc([{"type": "attack", "country": "AF"}]))
    assert score.events.tp == 0
    assert score.missed[0].evidence == "a blast"
    assert len(score.spurious) == 1


def test_scoring_slot_accuracy_over_matched_pairs_where_gold_states_slot() -> None:
    gold_event = {
        "type": "attack",
        "attack_type": "suicide_bombing",
        "date": "2015-08",
        "country": "PK",
        "place": ["Attock"],
        "perpetrators": [["Islamic State", "IS"], ["Lashkar-e-Jhangvi", "LeJ"]],
        "killed": 17,
    }
    system_event = {
        "type": "attack",
        "attack_type": "bombing",
        "date": "2015-08-16",
        "place": "attock",
        "perpetrators": [["IS"]],
        "killed": [17, 17],
        "wounded": 4,
    }
    score = score_document(_doc([gold_event]), _doc([system_event]))
    slots = {name: (s.correct, s.total) for name, s in score.events.slots.items()}
    assert slots == {
        "date": (0, 1),
        "country": (0, 1),
        "place": (1, 1),
        "perpetrators": (0, 1),
        "killed": (1, 1),
        "wounded": (0, 0),
        "attack_type": (0, 1),
    }
    assert {error.slot for error in score.slot_errors} == {
        "date",
        "country",
        "perpetrators",
        "attack_type",
    }


def test_scoring_perpetrators_extra_system_names_are_fine() -> None:
    gold = _doc([{"type": "attack", "perpetrators": [["Jundullah"]]}])
    system = _doc([{"type": "attack", "perpetrators": [["Jundallah", "Jundullah"], ["TTP"]]}])
    score = score_document(gold, system)
    assert score.events.slots["perpetrators"].accuracy == 1.0
    names = score.events.perpetrators
    assert (names.matched, names.system, names.found, names.gold) == (1, 2, 1, 1)
    assert [(e.gold_index, e.system_index, e.name) for e in score.extra_perpetrators] == [
        (0, 0, ["TTP"])
    ]


def test_scoring_perpetrator_names_only_over_matched_pairs() -> None:
    gold = _doc([{"type": "attack", "perpetrators": [["Jundullah"]]}])
    system = _doc([{"type": "attack"}, {"type": "protest", "perpetrators": [["TTP"]]}])
    score = score_document(gold, system)
    names = score.events.perpetrators
    assert (names.matched, names.system, names.found, names.gold) == (0, 0, 0, 1)
    assert names.recall == 0.0


def test_scoring_relations_and_date_accuracy() -> None:
    gold = _doc(
        [],
        [
            {"type": "alliance", "subject": ["TTP"], "object": ["LeJ"], "date": "2014"},
            {"type": "leader_of", "subject": ["Khan"], "object": ["ISKP"]},
            {"type": "member_of", "subject": ["Aliza"], "object": ["ISKP"], "optional": True},
        ],
    )
    system = _doc(
        [],
        [
            {"type": "alliance", "subject": "LeJ", "object": "TTP", "date": "2015"},
            {"type": "leader_of", "subject": "ISKP", "object": "Khan"},
        ],
    )
    score = score_document(gold, system)
    assert score.relation_pairs == [(0, 0)]
    assert (score.relations.tp, score.relations.fp, score.relations.fn) == (1, 1, 1)
    assert (score.relations.date.correct, score.relations.date.total) == (0, 1)


def test_scoring_empty_documents_score_one() -> None:
    score = score_document(_doc([]), _doc([]))
    assert (score.events.f1, score.relations.f1) == (1.0, 1.0)
    assert score_document(_doc([]), _doc([{"type": "attack"}])).events.f1 == 0.0


def test_scoring_rejects_malformed_output() -> None:
    with pytest.raises(InputError, match="events"):
        score_document(_doc([]), {"events": {"type": "attack"}})
    with pytest.raises(InputError, match=r"relations.*\[0\]"):
        score_document(_doc([]), {"relations": ["alliance"]})


def test_scoring_corpus_micro_averages_and_headline() -> None:
    big = _doc([{"type": "attack"}] * 3, [{"type": "member_of", "subject": "A", "object": "B"}])
    small = _doc([{"type": "arrest"}])
    pairs = [
        (_gold_document("big", big), _doc([{"type": "attack"}] * 3)),
        (_gold_document("small", small), _doc([])),
    ]
    result = score_corpus(pairs)
    assert [d.doc_id for d in result.documents] == ["big", "small"]
    assert result.events.recall == 0.75  # micro: 3 of 4, not the mean of 1.0 and 0.0
    assert result.events.precision == 1.0
    assert result.relations.f1 == 0.0
    assert result.headline == pytest.approx((6 / 7) / 2)


@pytest.mark.parametrize("name", ["dev", "dev-wiki"])
def test_scoring_gold_against_itself_is_perfect(name: str) -> None:
    gold_dir = SHARED_EVAL / name
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} is absent")
    documents = load_gold_dir(gold_dir)
    assert documents
    result = score_corpus([(doc, doc.data) for doc in documents])
    assert result.headline == 1.0
    for counts in (result.events, result.relations):
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)
        assert counts.fp == counts.fn == 0
    for slot in [*result.events.slots.values(), result.relations.date]:
        assert slot.correct == slot.total
    for document in result.documents:
        assert all(g == s for g, s in document.event_pairs)
        assert (document.missed, document.spurious, document.slot_errors) == ([], [], [])
