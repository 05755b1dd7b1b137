"""Scoring of extraction output against hand-written gold, as ../shared/eval/FORMAT.md defines it.

Gold files and `extract --json` output share one JSON shape, so everything here works on
plain dicts: no NLP, no store. `load_gold_dir` reads a gold folder, `score_corpus` matches
system output to it (micro-averaged over documents) and `render_table` / `to_json` report
the figures together with every missed and spurious item, so a drop can be traced to text.
"""

from mosaic.evaluation.documents import GoldDocument, load_gold_dir, read_extraction_file
from mosaic.evaluation.names import names_match, normalise_name
from mosaic.evaluation.report import render_table, to_json
from mosaic.evaluation.scoring import (
    DocumentScore,
    EvaluationResult,
    EventScores,
    ItemNote,
    RelationScores,
    SlotError,
    SlotScore,
    score_corpus,
    score_document,
)

__all__ = [
    "DocumentScore",
    "EvaluationResult",
    "EventScores",
    "GoldDocument",
    "ItemNote",
    "RelationScores",
    "SlotError",
    "SlotScore",
    "load_gold_dir",
    "names_match",
    "normalise_name",
    "read_extraction_file",
    "render_table",
    "score_corpus",
    "score_document",
    "to_json",
]
