"""Tests of FORMAT.md's NAME normalisation and matching."""

from __future__ import annotations

import pytest

from mosaic.evaluation.names import (
    all_names_found,
    as_name_list,
    names_match,
    normalise_name,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Al-Qaïda", "al qaida"),
        ("The Islamic State", "islamic state"),
        ("  ISIS–K  ", "isis k"),
        ("A  Tale of an Army", "tale of army"),
        ("Jama'at-ud-Dawah", "jama at ud dawah"),
        ("Çhâbahar!", "chabahar"),
        ("U.S.", "u s"),
        ("...", ""),
    ],
)
def test_names_normalise_name(raw: str, expected: str) -> None:
    assert normalise_name(raw) == expected


def test_names_match_any_alias_of_either_side() -> None:
    gold = ["Islamic State Khorasan Province", "ISKP", "Isis-K"]
    assert names_match(gold, ["isis k"])
    assert names_match(["Something else", "the ISKP"], gold)
    assert not names_match(gold, ["Islamic State"])


def test_names_match_accents_punctuation_and_articles() -> None:
    assert names_match(["Pêshawar"], ["peshawar"])
    assert names_match(["The Taliban"], ["Taliban."])
    assert names_match(["Tehrik-e-Taliban Pakistan"], ["Tehrik e Taliban, Pakistan"])
    assert not names_match(["The Taliban"], ["Taliban Pakistan"])


def test_names_match_tolerates_bare_strings_and_rejects_empty() -> None:
    assert names_match("Daesh", ["Islamic State", "daesh"])
    assert names_match("the Daesh", "Daesh")
    assert not names_match([], ["Daesh"])
    assert not names_match(["the"], ["a"])
    assert not names_match(None, ["Daesh"])


def test_names_as_name_list_reads_bare_strings_as_names() -> None:
    assert as_name_list("IS") == [["IS"]]
    ttp = ["TTP", "Pakistani Taliban"]
    assert as_name_list(["IS", ttp]) == [["IS"], ttp]
    assert as_name_list(None) == []


def test_names_all_names_found_needs_every_gold_name() -> None:
    gold = [["Jundullah", "Jundallah"], ["Lashkar-e-Jhangvi", "LeJ"]]
    assert all_names_found(gold, [["LeJ"], ["Jundallah"], ["Extra group"]])
    assert not all_names_found(gold, [["Jundullah"]])
    assert not all_names_found(gold, [])
