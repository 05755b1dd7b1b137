"""GRIT's released test predictions, scored by our CEAF-REE, give GRIT's published figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mosaic.evaluation.muc4.ceaf_ree import score_corpus
from mosaic.evaluation.muc4.corpus import grit_number, load_split

DATA = Path(__file__).resolve().parents[5] / "shared" / "data" / "muc4"
PREDICTIONS = DATA / "reference_predictions" / "grit_preds_s_t.out"

pytestmark = pytest.mark.skipif(not PREDICTIONS.exists(), reason="../shared/data/muc4 absent")


def test_muc4_reference_grit_predictions_reproduce_published_scores() -> None:
    predictions = json.loads(PREDICTIONS.read_text(encoding="utf-8"))
    documents = load_split(DATA, "test")
    result = score_corpus(
        (predictions[grit_number(d.doc_id)]["pred_extracts"], d.gold) for d in documents
    )
    total = result.total
    assert (round(100 * total.precision, 2), round(100 * total.recall, 2)) == (64.19, 47.36)
    assert round(100 * total.f1, 2) == 54.50
    f1 = {role: round(100 * counts.f1, 2) for role, counts in result.roles.items()}
    assert f1 == {
        "PerpInd": 49.55,
        "PerpOrg": 51.85,
        "Target": 48.98,
        "Victim": 67.84,
        "Weapon": 59.13,
    }
