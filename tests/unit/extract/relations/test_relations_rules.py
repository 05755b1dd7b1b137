"""Tests for the relation rule registry (mosaic.extract.relations.rules): one rule per relation
type owning its patterns, and a rule registered from outside Mosaic taking effect."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest

from mosaic.extract.entities.mentions import Role
from mosaic.extract.relations.rules.base import RelationRule
from mosaic.extract.relations.rules.registry import (
    noun_pattern,
    register_relation_rule,
    relation_rule,
    relation_rules,
    verb_patterns,
)
from mosaic.extract.relations.verbs import VerbPattern
from mosaic.model import RelationFinding, RelationType

R = RelationType


@pytest.fixture
def befriending() -> Iterator[RelationRule]:
    """Mosaic's alliance rule with one verb more, put back as it was afterwards."""
    shipped = relation_rule(R.ALLIANCE)
    extra = VerbPattern("befriend", R.ALLIANCE, None)
    yield register_relation_rule(replace(shipped, verb_patterns=(*shipped.verb_patterns, extra)))
    register_relation_rule(shipped)


def test_relations_rules_one_per_relation_type() -> None:
    assert set(relation_rules()) == {t.value for t in RelationType}


def test_relations_rules_patterns_are_their_own_type() -> None:
    for rule in relation_rules().values():
        assert all(p.type is rule.type for p in rule.verb_patterns)


def test_relations_rules_verb_keeps_pattern_order_across_types() -> None:
    assert [p.type for p in verb_patterns("defect")] == [R.ALLEGIANCE, R.SPLIT_FROM]
    assert [p.type for p in verb_patterns("fight")] == [R.RIVALRY, R.RIVALRY, R.ALLIANCE]


def test_relations_rules_noun_pattern_names_type_and_preposition() -> None:
    assert noun_pattern("alliance") == (R.ALLIANCE, ("with",))
    assert noun_pattern("weather") is None


def test_relations_rules_policies() -> None:
    assert relation_rule(R.MEMBER_OF).yields_to is R.LEADER_OF
    assert relation_rule(R.LEADER_OF).ended_by_death
    assert relation_rule(R.RIVALRY).group_required
    assert relation_rule(R.SPLIT_FROM).object_roles == (Role.GROUP,)


def test_relations_rules_refuse_a_pattern_of_another_type() -> None:
    with pytest.raises(ValueError, match="verb patterns of another type"):
        RelationRule(R.ALLIANCE, (), (), (VerbPattern("join", R.ALLEGIANCE, None),))


@pytest.mark.slow
def test_relations_rules_registered_pattern_is_extracted(
    befriending: RelationRule, relation_findings: Callable[[str], list[RelationFinding]]
) -> None:
    found = relation_findings("The ALF befriended the TTP in 2012.")
    allied = [(f.subject.name, f.object.name) for f in found if f.type is R.ALLIANCE]
    assert allied == [("Alpha Liberation Front", "Tehreek-i-Taliban Pakistan")]


@pytest.mark.slow
def test_relations_rules_unregistered_verb_states_nothing(
    relation_findings: Callable[[str], list[RelationFinding]],
) -> None:
    found = relation_findings("The ALF befriended the TTP in 2012.")
    assert not [f for f in found if f.type is R.ALLIANCE]
