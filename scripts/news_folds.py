"""Folders of links to numbered gold files: the two folds of the odd half of dev-news that
the cross-validation scripts score (`cv_relations.py`, `cv_roles.py`; fold A the passages
numbered 1 mod 4, fold B 3 mod 4), and the halves `dev_splits.py` makes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

NUMBERED_FILE = re.compile(r"^[a-z]+(\d+)\.json$")


def fold_folder(news: Path, folder: Path, remainder: int) -> Path:
    """A folder of links to the fold's gold files and to the passages' texts."""
    return numbered_folder(news, folder, modulus=4, remainder=remainder)


def numbered_folder(gold_dir: Path, folder: Path, modulus: int, remainder: int) -> Path:
    """A folder of links to the gold files of `gold_dir` whose number leaves `remainder`
    modulo `modulus` (n001.json, t003.json ...), and to those passages' texts only, so that
    reading the folder's texts never shows a passage of another split."""
    (folder / "texts").mkdir(parents=True)
    for gold in sorted(gold_dir.glob("*.json")):
        number = NUMBERED_FILE.match(gold.name)
        if number and int(number.group(1)) % modulus == remainder:
            (folder / gold.name).symlink_to(gold.resolve())
            text = json.loads(gold.read_text(encoding="utf-8"))["text_file"]
            (folder / text).symlink_to((gold_dir / text).resolve())
    return folder


def train_without_fold(
    script: Path, fold: Path, output: Path, options: list[str], **run_options: Any
) -> Path:
    """Run a training script that leaves the fold out (`--holdout`), writing its model to
    `output`; `run_options` go to `subprocess.run` (which output stream to silence)."""
    command = [sys.executable, str(script), "--holdout", str(fold), "--output", str(output)]
    subprocess.run([*command, *options], check=True, **run_options)
    return output
