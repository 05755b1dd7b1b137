"""benchmarks/wikievents.py end to end: the pipeline on a tiny article of ours."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT / "tests" / "data" / "evaluation" / "wikievents"


def _benchmark() -> ModuleType:
    path = ROOT / "benchmarks" / "wikievents.py"
    spec = importlib.util.spec_from_file_location("wikievents_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_wikievents_benchmark_scores_the_pipelines_fillers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["--data", str(FIXTURE), "--split", "dev", "--json"]
    assert _benchmark().main(args) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["ceaf_ree"]["micro"]["gold"] == 5
    (article,) = figures["per_document"]
    assert ["Valley Front"] in article["predicted"]["PerpOrg"]
    assert ["Sam Hale"] in article["predicted"]["Victim"]
