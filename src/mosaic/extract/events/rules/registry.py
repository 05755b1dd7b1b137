"""The event rules in force: Mosaic's own, and any an extension registers.

Rules live in a `catalogue` registry, the kind spaCy keeps its functions in, named
`("mosaic", "event_rules")` under the rule's type name. An extension adds a type without
editing Mosaic in one of two ways:

- in code: `register_event_rule(EventRule(register_event_type("ceasefire"), ...))`;
- as an installed package: an entry point in the group `mosaic_event_rules` whose object
  is an `EventRule` (pyproject: `[project.entry-points.mosaic_event_rules] ceasefire =
  "my_package.rules:CEASEFIRE"`), loaded on first use.

A rule registered under a type name that is taken replaces the one before.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

import catalogue

from mosaic.extract.events.rules.base import Entry, EventRule
from mosaic.model import EventType

EVENT_RULES = catalogue.create("mosaic", "event_rules", entry_points=True)
BUILTIN_MODULE = "mosaic.extract.events.rules.mosaic_rules"

_rules: dict[str, EventRule] = {}
_triggers: dict[str, Entry] = {}


def register_event_rule(rule: EventRule) -> EventRule:
    """Puts the rule in force for its type (replacing one there before)."""
    EVENT_RULES.register(rule.name, func=rule)
    _forget()
    return rule


def withdraw_event_rule(name: str) -> None:
    """Takes the rule of the type called `name` out of force (its words trigger nothing)."""
    if (*EVENT_RULES.namespace, name) in catalogue.REGISTRY:
        catalogue._remove((*EVENT_RULES.namespace, name))
    _forget()


def _forget() -> None:
    """Drops the rules read so far; the next lookup reads the registry again."""
    _rules.clear()
    _triggers.clear()


def rule_for(event_type: EventType) -> EventRule:
    """The rule of a type; a type with no rule is an error naming it."""
    try:
        return _in_force()[event_type.value]
    except KeyError:
        raise KeyError(f"no event rule is registered for the type {event_type.value!r}") from None


def event_rules() -> Mapping[str, EventRule]:
    """Every rule in force, by type name."""
    return _in_force()


def trigger_table() -> Mapping[str, Entry]:
    """Every rule's trigger words, lemma -> entry (a later rule's entry wins a lemma)."""
    _in_force()
    return _triggers


def _in_force() -> dict[str, EventRule]:
    if not _rules:
        importlib.import_module(BUILTIN_MODULE)  # registers Mosaic's own rules
        found = EVENT_RULES.get_all()
        for name, rule in found.items():
            if not isinstance(rule, EventRule):
                raise TypeError(f"event rule {name!r} is a {type(rule).__name__}, not an EventRule")
            _rules[name] = rule
        for rule in _rules.values():
            _triggers.update(rule.triggers)
    return _rules
