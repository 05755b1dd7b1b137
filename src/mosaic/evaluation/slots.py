"""Slot values of FORMAT.md events and relations, and when a system value agrees with gold.

A slot is "stated" when its key is present with a non-empty value; a missing key, null,
"" or [] all mean "not stated". Values the format does not allow (a date like "May 2015",
a count like "many") never agree with anything but fail no one: they are just wrong.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from mosaic.evaluation.names import all_names_found, as_name_list, names_match

# Slots whose agreement is the matching score (FORMAT.md, Scoring 1).
SCORED_SLOTS = ("place", "perpetrators", "killed", "date")
# Slots that only break ties between equal scores, so that identical items pair up.
TIE_SLOTS = ("country", "wounded", "attack_type", "targets")
# Slots whose accuracy is reported over matched event pairs (FORMAT.md, Scoring 3).
EVENT_SLOTS = ("date", "country", "place", "perpetrators", "killed", "wounded", "attack_type")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

Count = tuple[int | None, int | None]
Item = Mapping[str, Any]


def states(item: Item, slot: str) -> bool:
    """True when the item gives a value for the slot."""
    value = item.get(slot)
    return value is not None and value != "" and value != [] and value != ()


def parse_date(value: object) -> tuple[str, ...] | None:
    """Split an ISO date cut to its precision into its parts: "2015-08" -> ("2015", "08")."""
    if not isinstance(value, str):
        return None
    found = _DATE.match(value.strip())
    if found is None:
        return None
    return tuple(part for part in found.groups() if part is not None)


def dates_compatible(a: object, b: object) -> bool:
    """Equal at the coarser of the two precisions; a missing date is compatible with any.

    "2015" is compatible with "2015-08-03"; "2015-07" is not compatible with "2015-08".
    A stated date that is not ISO is compatible only with the identical string.
    """
    if a is None or a == "" or b is None or b == "":
        return True
    left, right = parse_date(a), parse_date(b)
    if left is None or right is None:
        return a == b
    depth = min(len(left), len(right))
    return left[:depth] == right[:depth]


def as_count(value: object) -> Count | None:
    """Read a count: an int n is the range (n, n); [min, max] with None for an open end."""
    if isinstance(value, int) and not isinstance(value, bool):
        return (value, value)
    if isinstance(value, list | tuple) and len(value) == 2:
        low, high = value
        if all(_bound(v) for v in (low, high)) and (low, high) != (None, None):
            return (low, high)
    return None


def counts_equal(a: object, b: object) -> bool:
    """Equal numbers or equal ranges: 17, [17, 17] and (17, 17) are all the same count."""
    left, right = as_count(a), as_count(b)
    return left is not None and left == right


def slot_agrees(slot: str, gold: Item, system: Item) -> bool:
    """True when the system states the slot and its value agrees with gold's."""
    if not states(gold, slot) or not states(system, slot):
        return False
    expected, got = gold[slot], system[slot]
    if slot == "place":
        return names_match(expected, got)
    if slot in ("perpetrators", "targets"):
        return all_names_found(as_name_list(expected), as_name_list(got))
    if slot in ("killed", "wounded"):
        return counts_equal(expected, got)
    return bool(expected == got)


def count_agreeing(slots: tuple[str, ...], gold: Item, system: Item) -> int:
    """How many of the slots gold states and the system agrees on."""
    return sum(slot_agrees(slot, gold, system) for slot in slots)


def _bound(value: object) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))
