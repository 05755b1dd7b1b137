import re

import pytest

from mosaic.ingest.minhash import (
    NEAR_DUPLICATE_THRESHOLD,
    estimated_similarity,
    is_near_duplicate,
    minhash_signature,
)

REPORT = (
    "Gunmen riding motorcycles attacked a police checkpoint on the eastern outskirts of "
    "Quetta late on Thursday evening, killing two officers and wounding three others, "
    "according to a statement issued by the provincial home department on Friday morning. "
    "The attackers opened fire with automatic weapons before escaping into nearby orchards, "
    "and a search operation was launched across the district. No group had claimed "
    "responsibility by Friday afternoon, although a banned faction active in the area has "
    "carried out similar raids on security posts during the past year. Local traders closed "
    "their shops in protest and demanded better protection for the main highway."
)
UNRELATED = (
    "The cricket board announced a new schedule for the domestic season, moving several "
    "matches to the capital because of renovation work at the southern stadium. Ticket "
    "prices will remain unchanged and junior tournaments begin in the spring as planned."
)


def test_minhash_identical_text_is_fully_similar() -> None:
    assert estimated_similarity(minhash_signature(REPORT), minhash_signature(REPORT)) == 1.0


def test_minhash_ignores_case_punctuation_and_spacing() -> None:
    variant = REPORT.upper().replace(",", "").replace(" ", "  \n")
    assert minhash_signature(variant) == minhash_signature(REPORT)


def _jaccard(a: str, b: str) -> float:
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.casefold())
        return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}

    return len(shingles(a) & shingles(b)) / len(shingles(a) | shingles(b))


def test_minhash_small_edit_stays_above_threshold() -> None:
    edited = REPORT.replace("two officers", "2 officers")
    similarity = estimated_similarity(minhash_signature(REPORT), minhash_signature(edited))
    assert NEAR_DUPLICATE_THRESHOLD <= similarity < 1.0
    assert is_near_duplicate(minhash_signature(REPORT), minhash_signature(edited))


def test_minhash_estimate_is_close_to_true_jaccard() -> None:
    edited = REPORT.replace("two officers", "2 policemen").replace("Friday morning", "Friday")
    true = _jaccard(REPORT, edited)
    estimate = estimated_similarity(minhash_signature(REPORT), minhash_signature(edited))
    assert 0.6 < true < 0.9
    assert abs(estimate - true) < 0.1


def test_minhash_unrelated_text_is_dissimilar() -> None:
    similarity = estimated_similarity(minhash_signature(REPORT), minhash_signature(UNRELATED))
    assert similarity < 0.1
    assert not is_near_duplicate(minhash_signature(REPORT), minhash_signature(UNRELATED))


def test_minhash_values_are_deterministic() -> None:
    # Fixed values: a change of hashing breaks comparison with stored signatures.
    signature = minhash_signature("one two three four five six", num_perm=4)
    assert signature == minhash_signature("one two three four five six", num_perm=4)
    assert signature == (
        435977515154178534,
        2021944806882856695,
        792723177684948238,
        409901412653475876,
    )


def test_minhash_signature_length_and_short_texts() -> None:
    assert len(minhash_signature(REPORT, num_perm=128)) == 128
    short = minhash_signature("two words")
    assert estimated_similarity(short, minhash_signature("Two, words!")) == 1.0
    assert minhash_signature("") == minhash_signature("  ...  ")


def test_minhash_estimated_similarity_refuses_mismatched_signatures() -> None:
    with pytest.raises(ValueError, match="one length"):
        estimated_similarity((1, 2), (1, 2, 3))
    with pytest.raises(ValueError):
        estimated_similarity((), ())
