"""Mosaic's own relation types, one rule each (FORMAT.md's seven).

Each rule's patterns are its type's entries of the verb and event-noun tables
(`relations/verbs.py` VERB_PATTERNS, NOUN_PATTERNS). Rules are registered in this order,
which keeps the order of two types' patterns of one verb ("defect" to a side, then from
one; "fight" against a rival, then alongside an ally).
"""

from __future__ import annotations

from mosaic.extract.entities.mentions import Role
from mosaic.extract.relations.rules.base import RelationRule
from mosaic.extract.relations.rules.registry import register_relation_rule
from mosaic.extract.relations.verbs import NOUN_PATTERNS, VERB_PATTERNS, VerbPattern
from mosaic.model import RelationType

R = RelationType
_SIDES = (Role.GROUP, Role.PERSON, Role.STATE, Role.COUNTRY)
_ACTORS = (Role.GROUP, Role.PERSON)


def _verbs(relation_type: RelationType) -> tuple[VerbPattern, ...]:
    return tuple(p for p in VERB_PATTERNS if p.type is relation_type)


def _nouns(relation_type: RelationType) -> dict[str, tuple[str, ...]]:
    return {noun: preps for noun, (kind, preps) in NOUN_PATTERNS.items() if kind is relation_type}


def _rule(
    relation_type: RelationType,
    subjects: tuple[Role, ...],
    objects: tuple[Role, ...],
    group_required: bool = False,
    ended_by_death: bool = False,
    yields_to: RelationType | None = None,
) -> RelationRule:
    verbs, nouns = _verbs(relation_type), _nouns(relation_type)
    return register_relation_rule(
        RelationRule(relation_type, subjects, objects, verbs, nouns, group_required,
                     ended_by_death, yields_to)
    )  # fmt: skip


ALLEGIANCE = _rule(R.ALLEGIANCE, _ACTORS, _ACTORS)
SPLIT_FROM = _rule(R.SPLIT_FROM, _ACTORS, (Role.GROUP,))
RIVALRY = _rule(R.RIVALRY, _SIDES, _SIDES, group_required=True)
ALLIANCE = _rule(R.ALLIANCE, _SIDES, _SIDES, group_required=True)
AFFILIATE_OF = _rule(R.AFFILIATE_OF, (Role.GROUP,), (Role.GROUP, Role.STATE), group_required=True)
LEADER_OF = _rule(R.LEADER_OF, (Role.PERSON,), (Role.GROUP,), ended_by_death=True)
MEMBER_OF = _rule(R.MEMBER_OF, (Role.PERSON,), (Role.GROUP,), ended_by_death=True,
                  yields_to=R.LEADER_OF)  # fmt: skip
