"""Tests for the event rule registry (mosaic.extract.events.rules): Mosaic's own types have
one rule each, and a rule registered from outside Mosaic is extracted like them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mosaic import extract
from mosaic.extract.entities.mentions import Role
from mosaic.extract.events.rules import registry
from mosaic.extract.events.rules.base import Entry, EventRule, Slots, TargetSlot
from mosaic.extract.events.rules.registry import (
    event_rules,
    register_event_rule,
    rule_for,
    trigger_table,
    withdraw_event_rule,
)
from mosaic.extract.output import event_to_format
from mosaic.model import EventFinding, EventType, register_event_type

CEASEFIRE = register_event_type("test_ceasefire")


def _ceasefire_rule() -> EventRule:
    return EventRule(
        CEASEFIRE,
        {"ceasefire": Entry(CEASEFIRE, 0.35), "truce": Entry(CEASEFIRE, 0.3)},
        Slots((Role.GROUP, Role.STATE, Role.COUNTRY), targets=TargetSlot.NONE),
    )


@pytest.fixture
def ceasefire() -> Iterator[EventRule]:
    rule = register_event_rule(_ceasefire_rule())
    yield rule
    withdraw_event_rule(rule.name)


def test_event_rules_one_per_mosaic_type() -> None:
    assert set(EventType) <= set(event_rules())
    assert all(rule_for(t).type is t for t in EventType)


def test_event_rules_triggers_are_their_own_type() -> None:
    for rule in event_rules().values():
        assert all(entry.type is rule.type for entry in rule.triggers.values())


def test_event_rules_refuse_a_trigger_of_another_type() -> None:
    with pytest.raises(ValueError, match="triggers of another type"):
        EventRule(CEASEFIRE, {"raid": Entry(EventType.ATTACK, 0.3)}, Slots(()))


def test_event_rules_type_without_rule_is_named() -> None:
    orphan = register_event_type("test_orphan")
    with pytest.raises(KeyError, match="test_orphan"):
        rule_for(orphan)


def test_event_rules_registered_rule_adds_its_triggers(ceasefire: EventRule) -> None:
    assert trigger_table()["truce"].type is CEASEFIRE
    assert rule_for(CEASEFIRE) is ceasefire


def test_event_rules_withdrawn_rule_triggers_nothing(ceasefire: EventRule) -> None:
    withdraw_event_rule(ceasefire.name)
    assert "truce" not in trigger_table()
    assert CEASEFIRE.value not in event_rules()


@pytest.mark.slow
def test_event_rules_registered_type_is_extracted(
    ceasefire: EventRule, events: Callable[..., list[EventFinding]]
) -> None:
    found = events("The Pakistan Army and the TTP agreed a ceasefire in Peshawar on 3 May 2016.")
    truce = [f for f in found if f.type is CEASEFIRE]
    assert len(truce) == 1
    assert truce[0].place is not None and truce[0].place.name == "Peshawar"
    assert str(truce[0].date) == "2016-05-03"
    assert event_to_format(truce[0])["type"] == "test_ceasefire"


@pytest.mark.slow
def test_event_rules_unregistered_word_is_no_event(
    events: Callable[..., list[EventFinding]],
) -> None:
    found = events("The Pakistan Army and the TTP agreed a ceasefire in Peshawar on 3 May 2016.")
    assert not [f for f in found if f.type.value == "test_ceasefire"]


def test_event_rules_entry_point_rule_is_in_force(monkeypatch: pytest.MonkeyPatch) -> None:
    """What an installed package declares in the group `mosaic_event_rules` is read too."""
    assert registry.EVENT_RULES.entry_point_namespace == "mosaic_event_rules"
    rule = _ceasefire_rule()
    monkeypatch.setattr(registry.EVENT_RULES, "get_entry_points", lambda: {rule.name: rule})
    registry._forget()
    try:
        assert rule_for(CEASEFIRE) is rule
        assert trigger_table()["ceasefire"].type is CEASEFIRE
    finally:
        monkeypatch.undo()
        registry._forget()
    assert CEASEFIRE.value not in event_rules()


def test_event_rules_entry_point_not_a_rule_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry.EVENT_RULES, "get_entry_points", lambda: {"odd": object()})
    registry._forget()
    try:
        with pytest.raises(TypeError, match="'odd' is a object, not an EventRule"):
            event_rules()
    finally:
        monkeypatch.undo()
        registry._forget()


NAMING_TYPES = {
    "events/rules/mosaic_rules.py",  # Mosaic's rules
    "events/types.py",  # Mosaic's trigger lexicon and phrasal triggers
    "events/killings.py",  # the attack / operation / killing hooks of those rules
    "events/finder.py",  # an attack striking a gathering
}


def test_event_rules_types_named_only_where_documented() -> None:
    """What is particular to a type lives in its rule: other modules of extract/ ask the
    rule, so a new module branching on a type fails here (DEVELOPERS.md lists these)."""
    root = Path(extract.__file__).parent
    naming = {
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if re.search(r"EventType\.[A-Z_]+", path.read_text(encoding="utf-8"))
    }
    assert naming <= NAMING_TYPES
