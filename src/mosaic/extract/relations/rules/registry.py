"""The relation rules in force: Mosaic's own, and any an extension registers.

As for event rules (events/rules/registry.py): a `catalogue` registry named
`("mosaic", "relation_rules")` keyed by the type name, filled in code with
`register_relation_rule(...)` or by an installed package's entry point in the group
`mosaic_relation_rules`. The relation types are FORMAT.md's seven; a rule registered for
one of them replaces Mosaic's.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING

import catalogue

from mosaic.extract.relations.rules.base import RelationRule
from mosaic.model import RelationType

if TYPE_CHECKING:
    from mosaic.extract.relations.verbs import VerbPattern

RELATION_RULES = catalogue.create("mosaic", "relation_rules", entry_points=True)
BUILTIN_MODULE = "mosaic.extract.relations.rules.mosaic_rules"

_rules: dict[str, RelationRule] = {}
_verbs: dict[str, tuple[VerbPattern, ...]] = {}
_nouns: dict[str, tuple[RelationType, tuple[str, ...]]] = {}


def register_relation_rule(rule: RelationRule) -> RelationRule:
    """Puts the rule in force for its type (replacing one there before)."""
    RELATION_RULES.register(rule.name, func=rule)
    _forget()
    return rule


def withdraw_relation_rule(name: str) -> None:
    """Takes the rule of the type called `name` out of force (its patterns match nothing)."""
    if (*RELATION_RULES.namespace, name) in catalogue.REGISTRY:
        catalogue._remove((*RELATION_RULES.namespace, name))
    _forget()


def _forget() -> None:
    _rules.clear()
    _verbs.clear()
    _nouns.clear()


def relation_rule(relation_type: RelationType) -> RelationRule:
    """The rule of a relation type."""
    return _in_force()[relation_type.value]


def relation_rules() -> Mapping[str, RelationRule]:
    """Every rule in force, by type name, in the order registered."""
    return _in_force()


def verb_patterns(lemma: str) -> tuple[VerbPattern, ...]:
    """The verb patterns of a lemma, every rule's, rule after rule (each rule's in order)."""
    _in_force()
    return _verbs.get(lemma, ())


def noun_pattern(lemma: str) -> tuple[RelationType, tuple[str, ...]] | None:
    """The relation an event noun states and the preposition(s) of its object, if any."""
    _in_force()
    return _nouns.get(lemma)


def _in_force() -> dict[str, RelationRule]:
    if not _rules:
        importlib.import_module(BUILTIN_MODULE)  # registers Mosaic's own rules
        for name, rule in RELATION_RULES.get_all().items():
            if not isinstance(rule, RelationRule):
                kind = type(rule).__name__
                raise TypeError(f"relation rule {name!r} is a {kind}, not a RelationRule")
            _rules[name] = rule
        for rule in _rules.values():
            for pattern in rule.verb_patterns:
                _verbs[pattern.lemma] = (*_verbs.get(pattern.lemma, ()), pattern)
            _nouns.update((noun, (rule.type, prep)) for noun, prep in rule.noun_patterns.items())
    return _rules
