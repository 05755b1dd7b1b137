"""The written passages (training/written-news, training/written-fresh and, since they were
folded into tuning, training/written-heldout, training/written-reserve, training/written-spare,
training/written-backup, training/written-next and training/written-later, tuned on; the
held-out training/written-sealed, training/written-after and training/written-queued) load as
gold in FORMAT.md's shape."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from mosaic.evaluation import GoldDocument, load_gold_dir
from mosaic.model import AttackType, EventType, RelationType

TRAINING = Path(__file__).resolve().parents[3] / "training"
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CORPORA = {
    # folder: (file prefix, doc_id prefix, fewest passages, most words)
    "written-news": ("t", "written-", 40, 200),
    "written-fresh": ("f", "fresh-", 40, 200),
    "written-heldout": ("h", "heldout-", 40, 400),
    "written-sealed": ("s", "sealed-", 30, 400),
    "written-reserve": ("r", "reserve-", 40, 400),
    "written-spare": ("p", "spare-", 40, 400),
    "written-backup": ("b", "backup-", 40, 400),
    "written-next": ("x", "next-", 40, 400),
    "written-later": ("l", "later-", 40, 400),
    "written-after": ("a", "after-", 40, 400),
    "written-queued": ("q", "queued-", 40, 400),
}
TUNED = (
    "written-news",
    "written-fresh",
    "written-heldout",
    "written-reserve",
    "written-spare",
    "written-backup",
    "written-next",
    "written-later",
)
corpora = pytest.mark.parametrize("corpus", sorted(CORPORA))


def _documents(corpus: str) -> list[GoldDocument]:
    return load_gold_dir(TRAINING / corpus)


def _items(document: GoldDocument) -> list[dict[str, Any]]:
    return [*document.data["events"], *document.data["relations"]]


@corpora
def test_written_passages_load_every_passage_as_gold(corpus: str) -> None:
    file_prefix, id_prefix, fewest, most_words = CORPORA[corpus]
    documents = _documents(corpus)
    assert len(documents) == len(list((TRAINING / corpus).glob(f"{file_prefix}*.json")))
    assert len(documents) >= fewest
    assert all(60 <= len(d.text.split()) <= most_words for d in documents)
    assert all(d.published and d.doc_id.startswith(id_prefix) for d in documents)


@corpora
def test_written_passages_quote_every_evidence_from_their_passage(corpus: str) -> None:
    unquoted = [
        (d.doc_id, item["evidence"])
        for d in _documents(corpus)
        for item in _items(d)
        if item["evidence"] not in d.text
    ]
    assert unquoted == []


@corpora
def test_written_passages_use_format_types_dates_and_names(corpus: str) -> None:
    for document in _documents(corpus):
        for event in document.data["events"]:
            EventType(event["type"])
            if "attack_type" in event:
                AttackType(event["attack_type"])
            names = [*event.get("perpetrators", []), *event.get("targets", [])]
            assert all(_is_name(n) for n in names)
        for relation in document.data["relations"]:
            RelationType(relation["type"])
            assert _is_name(relation["subject"]) and _is_name(relation["object"])
        for item in _items(document):
            dates = [item[k] for k in ("date", "date_end") if k in item]
            assert all(DATE.match(d) and d <= str(document.published) for d in dates)


@corpora
def test_written_passages_state_every_relation_type(corpus: str) -> None:
    stated = {r["type"] for d in _documents(corpus) for r in d.data["relations"]}
    assert stated == {t.value for t in RelationType}


@pytest.mark.parametrize("held_out", ["written-sealed", "written-after", "written-queued"])
def test_held_out_passages_share_no_sentence_with_tuned_passages(held_out: str) -> None:
    """The held-out passages are a check only while no rule was written from them: none may
    repeat a sentence of the passages the rules were tuned on."""
    tuned = {s for c in TUNED for d in _documents(c) for s in _sentences(d.text)}
    assert len(tuned) > 200
    assert not [d.doc_id for d in _documents(held_out) if tuned & _sentences(d.text)]


def _sentences(text: str) -> set[str]:
    """The text's sentences of eight words or more, spaces normalised."""
    pieces = (" ".join(p.split()) for p in re.split(r"(?<=[.!?])\s+", text))
    return {p for p in pieces if len(p.split()) >= 8}


def _is_name(name: object) -> bool:
    return isinstance(name, list) and bool(name) and all(isinstance(s, str) and s for s in name)
