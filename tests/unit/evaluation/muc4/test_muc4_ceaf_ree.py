"""CEAF-REE on hand-made role fillers: the figures GRIT's eval.py would give."""

from __future__ import annotations

import itertools
import random

import pytest

from mosaic.evaluation.muc4.ceaf_ree import (
    ROLES,
    RoleCounts,
    max_matching,
    normalise_mention,
    score_corpus,
    score_document,
    score_role,
)


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("The FMLN", "fmln"),
        ("a car-bomb", "carbomb"),
        ("  Shining   Path  ", "shining path"),
        ('"Santo Tomas" presidential farm', "santo tomas presidential farm"),
        ("members of the armed forces", "members of armed forces"),
        ("AN EXPLOSIVE DEVICE", "explosive device"),
        ("theatre", "theatre"),
        ("the", ""),
        ("U.S. EMBASSY", "us embassy"),
    ],
)
def test_muc4_ceaf_ree_normalises_like_grit(text: str, normal: str) -> None:
    assert normalise_mention(text) == normal


def test_muc4_ceaf_ree_perfect_prediction_scores_one() -> None:
    gold = [["farabundo marti national liberation front", "fmln"], ["shining path"]]
    counts = score_role([["FMLN"], ["the Shining Path"]], gold)
    assert counts == RoleCounts(matched=2, predicted=2, gold=2)
    assert counts.f1 == 1.0


def test_muc4_ceaf_ree_partial_prediction_counts_misses() -> None:
    counts = score_role([["bomb"]], [["bomb"], ["dynamite"], ["rifles"]])
    assert counts == RoleCounts(1, 1, 3)
    assert counts.precision == 1.0
    assert counts.recall == pytest.approx(1 / 3)
    assert counts.f1 == pytest.approx(0.5)


def test_muc4_ceaf_ree_extra_predictions_lower_precision() -> None:
    counts = score_role([["bus"], ["bridge"], ["embassy"], ["bank"]], [["bus"]])
    assert counts == RoleCounts(1, 4, 1)
    assert counts.precision == 0.25
    assert counts.recall == 1.0


def test_muc4_ceaf_ree_any_coreferent_mention_matches() -> None:
    gold = [["guatemalan national revolutionary unity", "urng"]]
    assert score_role([["URNG"]], gold).matched == 1


def test_muc4_ceaf_ree_every_predicted_mention_must_be_gold() -> None:
    gold = [["guatemalan national revolutionary unity", "urng"]]
    assert score_role([["urng", "guerrillas"]], gold).matched == 0
    assert score_role([["urng", "the Guatemalan National Revolutionary Unity"]], gold).matched == 1


def test_muc4_ceaf_ree_aligns_one_to_one() -> None:
    gold = [["fmln", "farabundo marti national liberation front"]]
    counts = score_role([["fmln"], ["farabundo marti national liberation front"]], gold)
    assert counts == RoleCounts(1, 2, 1)


def test_muc4_ceaf_ree_alignment_finds_the_best_pairing() -> None:
    # A greedy pairing of the first predicted entity with the first gold entity loses one match.
    gold = [["bomb", "bombs"], ["bomb"]]
    assert score_role([["bomb"], ["bombs"]], gold).matched == 2


def test_muc4_ceaf_ree_empty_roles_score_zero_without_error() -> None:
    counts = score_role([], [])
    assert counts == RoleCounts(0, 0, 0)
    assert (counts.precision, counts.recall, counts.f1) == (0.0, 0.0, 0.0)


def test_muc4_ceaf_ree_drops_entities_without_mentions() -> None:
    assert score_role([[]], [["bomb"], []]) == RoleCounts(0, 0, 1)


def test_muc4_ceaf_ree_missing_predicted_role_is_empty() -> None:
    counts = score_document({}, {"Weapon": [["bomb"]]})
    assert set(counts) == set(ROLES)
    assert counts["Weapon"] == RoleCounts(0, 0, 1)


def test_muc4_ceaf_ree_micro_averages_over_documents_and_roles() -> None:
    first = ({"PerpOrg": [["fmln"]], "Weapon": [["bomb"], ["rifles"]]}, {"PerpOrg": [["fmln"]]})
    second = ({"Target": [["bus"]]}, {"Target": [["bus"]], "Victim": [["ana ruiz"]]})
    result = score_corpus([first, second])
    assert result.documents == 2
    assert result.roles["Weapon"] == RoleCounts(0, 2, 0)
    assert result.roles["Target"] == RoleCounts(1, 1, 1)
    assert result.total == RoleCounts(matched=2, predicted=4, gold=3)
    assert result.total.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def _brute_force(similar: list[list[bool]]) -> int:
    rows, cols = len(similar), len(similar[0]) if similar else 0
    if rows > cols:
        similar = [list(column) for column in zip(*similar, strict=True)]
        rows, cols = cols, rows
    return max(
        (
            sum(similar[i][j] for i, j in enumerate(chosen))
            for chosen in itertools.permutations(range(cols), rows)
        ),
        default=0,
    )


def test_muc4_ceaf_ree_matching_equals_exhaustive_search() -> None:
    rng = random.Random(4)
    for _ in range(300):
        rows, cols = rng.randint(0, 5), rng.randint(1, 5)
        similar = [[rng.random() < 0.4 for _ in range(cols)] for _ in range(rows)]
        assert max_matching(similar) == _brute_force(similar)
