"""Helpers for tests that run the real `mosaic` command in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "reports"
SEEDS = ROOT.parent / "shared" / "seeds"

Mosaic = Callable[..., subprocess.CompletedProcess[str]]


def mosaic_command(db: Path) -> list[str]:
    return [sys.executable, "-m", "mosaic", "--db", f"sqlite:///{db}"]


def read_json(result: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(result.stdout)
