"""benchmarks/muc4.py without the NLP pipeline: scoring a prediction file, unwrapping text."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[4]
FIXTURE = ROOT / "tests" / "data" / "evaluation" / "muc4"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("muc4_benchmark", ROOT / "benchmarks" / "muc4.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def test_muc4_benchmark_scores_a_prediction_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    predictions = {
        "10001": {"pred_extracts": {"PerpOrg": [["PV"]], "Weapon": [["bomb"]]}},
        "20001": {"pred_extracts": {"Target": [["road"]]}},
    }
    path = tmp_path / "preds.out"
    path.write_text(json.dumps(predictions), encoding="utf-8")
    args = ["--data", str(FIXTURE), "--split", "dev", "--predictions", str(path), "--json"]
    assert _benchmark().main(args) == 0
    figures = json.loads(capsys.readouterr().out)
    micro = figures["ceaf_ree"]["micro"]
    assert (micro["matched"], micro["predicted"], micro["gold"]) == (1, 3, 5)
    assert figures["parts"]["TST2"]["predicted"] == 1
    assert [row["system"] for row in figures["published"]] == ["GRIT", "TempGen"]


def test_muc4_benchmark_unwrap_keeps_paragraphs_and_offsets() -> None:
    text = "A BOMB WENT\nOFF.\n\n   THE POLICE\nSAID."
    unwrapped = _benchmark().unwrap(text)
    assert unwrapped == "A BOMB WENT OFF.\n\n   THE POLICE SAID."
    assert len(unwrapped) == len(text)
