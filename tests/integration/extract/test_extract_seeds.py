"""The shipped pipeline on the two seed articles, read in place from ../shared/seeds/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from mosaic.extract.output import to_format
from mosaic.extract.pipeline import Extractor, load_extractor
from mosaic.model import Report
from mosaic.resolve.names import normalise

pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "seeds"
SEED_DATES = {"000": dt.date(2016, 1, 21), "003": dt.date(2024, 3, 30)}
EVENT_TYPES = {
    "attack", "military_operation", "arrest", "killing", "founding", "designation", "protest",
    "meeting",
}  # fmt: skip


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return load_extractor()


def seed_report(number: str) -> Report:
    found = sorted(SEEDS.glob(f"{number}_*.txt"))
    if not found:
        pytest.skip(f"seed {number} is not in {SEEDS}")
    return Report(text=found[0].read_text(encoding="utf-8"), published=SEED_DATES[number])


@pytest.fixture(scope="module")
def seeds(extractor: Extractor) -> dict[str, dict[str, Any]]:
    reports = {number: seed_report(number) for number in SEED_DATES}
    extractions = extractor.extract_many(reports.values())
    return {
        number: to_format(report, found, f"seed-{number}")
        for (number, report), found in zip(reports.items(), extractions, strict=True)
    }


def named(item: dict[str, Any], key: str, name: str) -> bool:
    return any(normalise(name) == normalise(alias) for alias in item.get(key) or [])


def test_extract_seeds_jalalabad_consulate_attack(seeds: dict[str, dict[str, Any]]) -> None:
    attacks = [
        e for e in seeds["000"]["events"] if e["type"] == "attack" and e.get("date") == "2016-01-13"
    ]
    assert len(attacks) == 1
    attack = attacks[0]
    assert attack["country"] == "AF" and named(attack, "place", "Jalalabad")
    assert attack["killed"] == 17


def test_extract_seeds_uzbek_movement_pledge(seeds: dict[str, dict[str, Any]]) -> None:
    pledges = [
        r for r in seeds["000"]["relations"]
        if r["type"] == "allegiance" and named(r, "subject", "Islamic Movement of Uzbekistan")
    ]  # fmt: skip
    assert any(
        named(r, "object", "Islamic State") and r.get("date") == "2014-10-06" for r in pledges
    )


def test_extract_seeds_crocus_city_hall_attack(seeds: dict[str, dict[str, Any]]) -> None:
    attacks = [
        e for e in seeds["003"]["events"] if e["type"] == "attack" and e.get("date") == "2024-03-22"
    ]
    assert len(attacks) == 1
    attack = attacks[0]
    assert attack["country"] == "RU" and attack["killed"] == 137
    assert attack["perpetrator_status"] == "claimed"
    assert any(normalise("Isis") in map(normalise, name) for name in attack["perpetrators"])


def test_extract_seeds_output_is_in_format(seeds: dict[str, dict[str, Any]]) -> None:
    for document in seeds.values():
        assert document["events"] and document["relations"]
        for event in document["events"]:
            assert event["type"] in EVENT_TYPES
            assert event["confidence"] >= 0.3 and event["evidence"]
        for relation in document["relations"]:
            assert relation["subject"] and relation["object"]
