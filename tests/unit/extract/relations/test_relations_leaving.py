"""Tests for memberships ended or narrowed by how they are told: a person who quits a group
(mosaic.extract.relations.leaving), one who commands a group in one of its regions, and one
who was a group's commander until he defected."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mosaic.model import FuzzyDate, RelationFinding, RelationType

R = RelationType
Find = Callable[[str], list[RelationFinding]]
TTP, ALF = "Tehreek-i-Taliban Pakistan", "Alpha Liberation Front"
pytestmark = pytest.mark.slow


def _of(findings: list[RelationFinding], kind: RelationType) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for f in findings:
        if f.type is kind:
            found[f.subject.name] = (*found.get(f.subject.name, ()), f.object.name)
    return found


def test_leaving_quitting_a_group_ends_a_membership(relation_findings: Find) -> None:
    found = relation_findings(
        "Hakim Zaman, a militant who quit the TTP in March 2015, was arrested."
    )
    members = [f for f in found if f.type is R.MEMBER_OF]
    assert [(f.subject.name, f.object.name) for f in members] == [("Hakim Zaman", TTP)]
    assert (members[0].start, members[0].end) == (None, FuzzyDate(2015, 3))


def test_leaving_a_place_or_a_thing_left_behind_is_no_membership(relation_findings: Find) -> None:
    found = relation_findings(
        "Hakim Zaman left Pakistan in May. The raid left the TTP without a commander."
    )
    assert _of(found, R.MEMBER_OF) == {}


def test_leaving_commanding_a_group_in_one_region_is_membership(relation_findings: Find) -> None:
    found = relation_findings("Hakim Zaman commanded the TTP in Peshawar until last year.")
    assert _of(found, R.MEMBER_OF) == {"Hakim Zaman": (TTP,)}
    assert _of(found, R.LEADER_OF) == {}


def test_leaving_commanding_a_whole_group_is_leadership(relation_findings: Find) -> None:
    found = relation_findings("Hakim Zaman commanded the TTP until last year.")
    assert _of(found, R.LEADER_OF) == {"Hakim Zaman": (TTP,)}


def test_leaving_commander_until_he_defected_was_a_member_not_a_recruit(
    relation_findings: Find,
) -> None:
    found = relation_findings(
        "The ALF's leader, Hakim Zaman, was a senior commander of the TTP until he defected."
    )
    assert _of(found, R.MEMBER_OF) == {"Hakim Zaman": (TTP,)}
    assert _of(found, R.ALLEGIANCE) == {}
