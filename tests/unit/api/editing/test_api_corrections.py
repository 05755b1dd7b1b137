"""Corrections write a statement's JSON value into the record's field and read it back."""

from __future__ import annotations

import pytest

from mosaic.api.editing.corrections import apply_value, field_value
from mosaic.errors import InputError
from mosaic.model import Count, Event, EventType, FuzzyDate, Relation, RelationType


@pytest.mark.parametrize(
    ("prop", "value", "field", "expected"),
    [
        ("killed", [10, 12], "killed", Count(10, 12)),
        ("date", "2014-11", "date", FuzzyDate(2014, 11)),
        ("perpetrators", ["a", "b"], "perpetrators", ("a", "b")),
        ("country", "pk", "country", "PK"),
        ("exists", "arrest", "type", EventType.ARREST),
    ],
)
def test_corrections_apply_and_read_back(
    prop: str, value: object, field: str, expected: object
) -> None:
    event = apply_value(Event("e", EventType.ATTACK), prop, value)
    assert getattr(event, field) == expected
    assert field_value(event, prop) == (value.upper() if prop == "country" else value)  # type: ignore[union-attr]


def test_corrections_relation_dates_and_unknown_props() -> None:
    relation = Relation("r", RelationType.ALLIANCE, "a", "b")
    changed = apply_value(relation, "end", "2015-03")
    assert isinstance(changed, Relation) and changed.end == FuzzyDate(2015, 3)
    with pytest.raises(InputError, match="cannot be corrected"):
        apply_value(relation, "killed", 3)


def test_corrections_reject_values_that_do_not_fit() -> None:
    with pytest.raises(InputError, match="not a valid killed"):
        apply_value(Event("e", EventType.ATTACK), "killed", "many")
