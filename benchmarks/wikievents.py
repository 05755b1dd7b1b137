"""Mosaic on WikiEvents' articles: CEAF-REE over the five MUC-4 roles, on unseen reporting.

Run by hand: `.venv/bin/python benchmarks/wikievents.py [--split dev|test] [--json]`.
The articles (20 a split) tell attacks in Boston, Northern Ireland, Afghanistan, Iraq and
elsewhere; `mosaic.evaluation.wikievents` says how their KAIROS arguments become attackers,
victims, targets and weapons. Nothing in Mosaic was written from them: tune on dev if at
all, and report test. Every document counts, those with no violent event too, so an attack
read into a story about an election costs precision. Each role's figures are printed with
the counts behind them, and the micro average over roles.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from mosaic.evaluation.muc4 import ROLES, CeafReeResult, RoleCounts
from mosaic.evaluation.wikievents import (
    SPLITS,
    WikiEventsDocument,
    heads,
    load_split,
    predicted_fillers,
)
from mosaic.model import Report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "wikievents"


def run_mosaic(documents: list[WikiEventsDocument]) -> tuple[CeafReeResult, list[dict[str, Any]]]:
    """Extract every article with Mosaic's pipeline and score its role fillers."""
    from mosaic.extract.pipeline import load_extractor

    extractor = load_extractor()
    reports = [
        Report(text=d.text, published=d.published, source_path=f"wikievents:{d.doc_id}")
        for d in documents
    ]
    result, rows = CeafReeResult(), []
    for document, report, extraction in zip(
        documents, reports, extractor.extract_many(reports), strict=True
    ):
        predicted = predicted_fillers(extraction, report.text)
        result.add_document(heads(predicted), heads(document.gold))
        rows.append({"doc_id": document.doc_id, "predicted": predicted, "gold": document.gold})
    return result, rows


def _figures(counts: RoleCounts) -> dict[str, float | int]:
    return {
        "p": round(100 * counts.precision, 2),
        "r": round(100 * counts.recall, 2),
        "f1": round(100 * counts.f1, 2),
        "matched": counts.matched,
        "predicted": counts.predicted,
        "gold": counts.gold,
    }


def render(result: CeafReeResult, title: str) -> str:
    """The run as a plain-text table: each role, then the micro average."""
    lines = [title, f"{'role':<10}{'P':>8}{'R':>8}{'F1':>8}   matched/pred/gold"]
    rows = [(role, result.roles[role]) for role in ROLES] + [("micro", result.total)]
    for role, counts in rows:
        f = _figures(counts)
        lines.append(
            f"{role:<10}{f['p']:>8.2f}{f['r']:>8.2f}{f['f1']:>8.2f}"
            f"   {f['matched']}/{f['predicted']}/{f['gold']}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=SPLITS, default="test")
    parser.add_argument("--json", action="store_true", help="print JSON, with per-document fills")
    parser.add_argument("--data", type=Path, default=DATA, help="the wikievents data folder")
    args = parser.parse_args(argv)
    documents = load_split(args.data, args.split)
    started = time.perf_counter()
    result, rows = run_mosaic(documents)
    seconds = round(time.perf_counter() - started, 1)
    if args.json:
        figures = {role: _figures(result.roles[role]) for role in ROLES}
        figures["micro"] = _figures(result.total)
        json.dump({"ceaf_ree": figures, "seconds": seconds, "per_document": rows}, sys.stdout)
        print()
    else:
        title = f"WikiEvents {args.split}, {result.documents} documents, Mosaic ({seconds} s)"
        print(render(result, title))
    return 0


if __name__ == "__main__":
    sys.exit(main())
