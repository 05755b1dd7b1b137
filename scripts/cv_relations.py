"""Cross-validate the relation classifier on the odd half of dev-news, two folds.

Run from the repository root:
    .venv/bin/python scripts/cv_relations.py [--news ../shared/eval/dev-news]
        [--thresholds 0.5 0.6 0.7] [--rules-only] [train_relations.py options ...]

Fold A holds the odd-numbered passages numbered 1 mod 4 (n001, n005, ...), fold B those
numbered 3 mod 4 (n003, n007, ...); even-numbered passages are never read. For each fold,
`train_relations.py --holdout FOLD` trains a classifier on dev, dev-wiki and the other fold,
and the pipeline with that classifier scores the fold as `mosaic eval` does. The relation
precision, recall and F1 of each fold and of both pooled are printed per threshold.
`--rules-only` scores the pipeline without a classifier instead (nothing is trained). The
rules were written looking at the odd half, so these figures measure the classifier, not
the rules.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from news_folds import fold_folder, train_without_fold

from mosaic.evaluation import to_json
from mosaic.extract.models.relation_classifier import RelationClassifier
from mosaic.extract.models.word_vectors import load_with_word_vectors
from mosaic.extract.pipeline import Extractor, load_extractor
from mosaic.extract.relations.finder import RelationFinder
from mosaic.services.evaluate import evaluate_gold_dir

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "eval" / "dev-news"
FOLDS = {"A": 1, "B": 3}
"""Each fold's passage numbers, mod 4."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.6])
    parser.add_argument("--rules-only", action="store_true")
    args, train_options = parser.parse_known_args()
    extractor = load_extractor()
    with tempfile.TemporaryDirectory(prefix="mosaic-cv-") as work:
        counts = {threshold: [0, 0, 0] for threshold in args.thresholds}
        for fold, remainder in FOLDS.items():
            folder = fold_folder(args.news, Path(work) / fold, remainder)
            model = None if args.rules_only else train(folder, Path(work) / f"model-{fold}",
                                                       train_options)  # fmt: skip
            for threshold in args.thresholds:
                figures = score(extractor, folder, model, threshold)
                print(f"threshold {threshold:.2f} fold {fold}: {_line(*figures)}")
                counts[threshold] = [a + b for a, b in zip(counts[threshold], figures, strict=True)]
        for threshold, (tp, fp, fn) in counts.items():
            print(f"threshold {threshold:.2f} pooled: {_line(tp, fp, fn)}")


def train(folder: Path, output: Path, options: list[str]) -> Path:
    script = ROOT / "scripts" / "train_relations.py"
    return train_without_fold(script, folder, output, options, stderr=subprocess.DEVNULL)


def score(
    extractor: Extractor, folder: Path, model: Path | None, threshold: float
) -> tuple[int, int, int]:
    """True positives, false positives and misses of the fold's relations."""
    classifier = RelationClassifier(load_with_word_vectors(model), threshold) if model else None
    extractor.relations = RelationFinder(extractor.name, classifier)
    relations = to_json(evaluate_gold_dir(folder, extractor))["relations"]
    return relations["tp"], relations["fp"], relations["fn"]


def _line(tp: int, fp: int, fn: int) -> str:
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return f"tp {tp} fp {fp} fn {fn}, P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"


if __name__ == "__main__":
    main()
