"""The evaluation use case: extract every gold document's text and score it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from mosaic.evaluation import EvaluationResult, GoldDocument, load_gold_dir, score_corpus
from mosaic.extract.output import mention_to_format, to_format
from mosaic.model import Report
from mosaic.services.ingest import Extractor


def evaluate_gold_dir(gold_dir: Path, extractor: Extractor) -> EvaluationResult:
    """Score the extractor on every gold file under `gold_dir`, as FORMAT.md says; the output
    carries the report's entity mentions too, for the place-mention figures."""
    documents = load_gold_dir(gold_dir)
    reports = [gold_report(document) for document in documents]
    outputs: list[tuple[GoldDocument, dict[str, Any]]] = []
    for document, report, extraction in zip(
        documents, reports, extractor.extract_many(reports), strict=True
    ):
        output = to_format(report, extraction, doc_id=document.doc_id)
        output["mentions"] = [mention_to_format(*pair) for pair in extraction.mentions]
        outputs.append((document, output))
    return score_corpus(outputs)


def gold_report(document: GoldDocument) -> Report:
    """The report a gold document annotates: its passage, published on its date."""
    published = dt.date.fromisoformat(document.published) if document.published else None
    return Report(text=document.text, published=published, source_path=str(document.path))
