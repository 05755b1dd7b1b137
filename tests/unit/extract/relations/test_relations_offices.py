"""Tests for offices stated without an owner ("was named chief"), past leaders listed with
their deaths ("A (killed July 2016)"), and appointments dated by their sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import FuzzyDate, RelationFinding, RelationType

R = RelationType
Find = Callable[[str], list[RelationFinding]]
TTP, ALF = "Tehreek-i-Taliban Pakistan", "Alpha Liberation Front"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def found(relation_findings: Find) -> Find:
    return relation_findings


def _leaders(
    findings: list[RelationFinding],
) -> dict[str, tuple[str, FuzzyDate | None, FuzzyDate | None]]:
    return {f.subject.name: (f.object.name, f.start, f.end) for f in findings
            if f.type is R.LEADER_OF}  # fmt: skip


def test_relations_offices_named_chief_is_of_the_group_named_before(found: Find) -> None:
    leaders = _leaders(found("The ALF said Hakim Zaman was named chief in late July."))
    assert leaders == {"Hakim Zaman": (ALF, FuzzyDate(2015, 7), None)}


def test_relations_offices_named_leader_of_a_group_is_dated(found: Find) -> None:
    leaders = _leaders(found("Mullah Omar was named leader of the TTP in November 2013."))
    assert leaders == {"Mullah Omar": (TTP, FuzzyDate(2013, 11), None)}


@pytest.mark.parametrize(
    "text",
    ["Mullah Omar was picked as the TTP's new emir in November 2013.",
     "The TTP picked Mullah Omar as its new leader in November 2013."],
)  # fmt: skip
def test_relations_offices_picked_leader_is_dated(found: Find, text: str) -> None:
    assert _leaders(found(text)) == {"Mullah Omar": (TTP, FuzzyDate(2013, 11), None)}


def test_relations_offices_office_of_a_place_is_no_leadership(found: Find) -> None:
    text = "The TTP attacked a rally. Hakim Zaman was named chief minister of Punjab."
    assert _leaders(found(text)) == {}


def test_relations_offices_previous_leaders_end_with_their_deaths(found: Find) -> None:
    text = (
        "The TTP has had three leaders. The previous leaders were Hakim Zaman (killed "
        "August 2009) and Karim Shah (killed November 2013)."
    )
    assert _leaders(found(text)) == {
        "Hakim Zaman": (TTP, None, FuzzyDate(2009, 8)),
        "Karim Shah": (TTP, None, FuzzyDate(2013, 11)),
    }


def test_relations_offices_spokesman_for_the_group_named_after_it(found: Find) -> None:
    text = (
        "The Tehreek-i-Taliban Pakistan claimed the attack. A spokesman for the group, Ahmed "
        "Marwat, said it was revenge."
    )
    members = {(f.subject.name, f.object.name) for f in found(text) if f.type is R.MEMBER_OF}
    assert members == {("Ahmed Marwat", TTP)}
