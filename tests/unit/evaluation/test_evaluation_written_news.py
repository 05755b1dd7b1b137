"""The written training passages (training/written-news) load as gold in FORMAT.md's shape."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mosaic.evaluation import GoldDocument, load_gold_dir
from mosaic.model import AttackType, EventType, RelationType

CORPUS = Path(__file__).resolve().parents[3] / "training" / "written-news"
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _documents() -> list[GoldDocument]:
    return load_gold_dir(CORPUS)


def _items(document: GoldDocument) -> list[dict[str, Any]]:
    return [*document.data["events"], *document.data["relations"]]


def test_written_news_loads_every_passage_as_gold() -> None:
    documents = _documents()
    assert len(documents) == len(list(CORPUS.glob("t*.json"))) >= 40
    assert all(60 <= len(d.text.split()) <= 200 for d in documents)
    assert all(d.published and d.doc_id.startswith("written-") for d in documents)


def test_written_news_quotes_every_evidence_from_its_passage() -> None:
    unquoted = [
        (d.doc_id, item["evidence"])
        for d in _documents()
        for item in _items(d)
        if item["evidence"] not in d.text
    ]
    assert unquoted == []


def test_written_news_uses_format_types_dates_and_names() -> None:
    for document in _documents():
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


def test_written_news_states_every_relation_type() -> None:
    stated = {r["type"] for d in _documents() for r in d.data["relations"]}
    assert stated == {t.value for t in RelationType}


def _is_name(name: object) -> bool:
    return isinstance(name, list) and bool(name) and all(isinstance(s, str) and s for s in name)
