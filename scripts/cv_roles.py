"""Cross-validate the role tagger on the odd half of dev-news, two folds.

Run from the repository root:
    .venv/bin/python scripts/cv_roles.py [--news ../shared/eval/dev-news] [--keep DIR]
        [--model PATH] [train_roles.py options ...]

Fold A holds the odd-numbered passages numbered 1 mod 4 (n001, n005, ...), fold B those
numbered 3 mod 4 (n003, n007, ...); even-numbered passages are never read. For each fold,
`train_roles.py --holdout FOLD` with the options given (`--gold` for the in-domain
examples) trains a tagger on MUC-4 train, dev, dev-wiki and the other fold, and the
pipeline with that tagger scores the fold as `mosaic eval` does. Printed per fold and
pooled: perpetrator and killed accuracy (correct/total) and event precision, recall and
F1. `--model` scores a tagger already trained (the shipped one:
src/mosaic/data/models/roles) on both folds instead, for the figures to set beside;
`--keep` keeps the folds' taggers and `--trained` scores the taggers kept in such a folder
again (after a change of the pipeline).
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from news_folds import fold_folder, train_without_fold

from mosaic.evaluation import to_json
from mosaic.extract.models.cpu_ops import load_tagger
from mosaic.extract.pipeline import Extractor, load_extractor
from mosaic.services.evaluate import evaluate_gold_dir

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "eval" / "dev-news"
FOLDS = {"A": 1, "B": 3}
"""Each fold's passage numbers, mod 4."""
SLOTS = ("perpetrators", "killed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--model", type=Path, default=None, help="score this tagger, no training")
    parser.add_argument("--keep", type=Path, default=None, help="folder to keep the taggers in")
    parser.add_argument(
        "--trained", type=Path, default=None, help="a --keep folder: score its taggers again"
    )
    args, train_options = parser.parse_known_args()
    extractor = load_extractor()
    with tempfile.TemporaryDirectory(prefix="mosaic-cv-roles-") as work:
        models = args.trained or args.keep or Path(work)
        pooled: dict[str, list[int]] = {}
        for fold, remainder in FOLDS.items():
            folder = fold_folder(args.news, Path(work) / fold, remainder)
            model = args.model or models / f"model-{fold}"
            if args.model is None and args.trained is None:
                train(folder, model, train_options)
            figures = score(extractor, folder, model)
            print(f"fold {fold}: {_line(figures)}", flush=True)
            for key, counts in figures.items():
                pooled[key] = [
                    a + b for a, b in zip(pooled.get(key, [0] * len(counts)), counts, strict=True)
                ]
        print(f"pooled: {_line(pooled)}")


def train(folder: Path, output: Path, options: list[str]) -> Path:
    script = ROOT / "scripts" / "train_roles.py"
    return train_without_fold(script, folder, output, options, stdout=subprocess.DEVNULL)


def score(extractor: Extractor, folder: Path, model: Path) -> dict[str, list[int]]:
    """Per slot (correct, total) and for events (matched system events, system events,
    matched required gold events, required gold events) on the fold's gold, with the
    extractor's role tagger swapped for `model`."""
    if extractor.roles is None:
        raise SystemExit("the pipeline has no role tagger")
    extractor.roles.tagger = load_tagger(model)
    events: dict[str, Any] = to_json(evaluate_gold_dir(folder, extractor))["events"]
    figures = {slot: [events["slots"][slot][key] for key in ("correct", "total")] for slot in SLOTS}
    figures["events"] = [
        events[key] for key in ("tp", "system", "matched_required", "gold_required")
    ]
    return figures


def _line(figures: dict[str, list[int]]) -> str:
    slots = [f"{slot} {figures[slot][0]}/{figures[slot][1]}" for slot in SLOTS]
    matched, system, found, required = figures["events"]
    precision, recall = matched / max(system, 1), found / max(required, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return ", ".join(slots) + f", events P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"


if __name__ == "__main__":
    main()
