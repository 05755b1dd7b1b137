"""Perpetrator names counted one by one over matched event pairs.

The `perpetrators` slot agrees when every gold name is found, so a system that names the
right group and two wrong ones still agrees: its extra names are invisible there. These
counts see them: `matched` system names match some gold name of the same event (NAME match,
by any name or alias, as the slot matches), out of `system` names given; `found` gold names
are matched by some system name, out of `gold`. A pair whose gold names no perpetrator
still counts the system's names, which are then all extra.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mosaic.evaluation.names import as_name_list, name_keys

Item = Mapping[str, Any]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


@dataclass
class PerpetratorCounts:
    """Perpetrator names over matched pairs: system names matching a gold one, gold found."""

    matched: int = 0
    system: int = 0
    found: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.system)

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.gold)

    def add(self, other: PerpetratorCounts) -> None:
        self.matched += other.matched
        self.system += other.system
        self.found += other.found
        self.gold += other.gold


@dataclass
class ExtraPerpetrator:
    """A system perpetrator of a matched pair that matches none of gold's."""

    gold_index: int
    system_index: int
    name: list[str] = field(default_factory=list)


def count_perpetrators(gold: Item, system: Item) -> tuple[PerpetratorCounts, list[list[str]]]:
    """Count one matched pair's perpetrator names; also return the system's extra names."""
    gold_keys = [name_keys(name) for name in as_name_list(gold.get("perpetrators"))]
    system_names = as_name_list(system.get("perpetrators"))
    system_keys = [name_keys(name) for name in system_names]
    extra = [
        name
        for name, keys in zip(system_names, system_keys, strict=True)
        if not any(keys & other for other in gold_keys)
    ]
    found = sum(any(keys & other for other in system_keys) for keys in gold_keys)
    matched = len(system_names) - len(extra)
    return PerpetratorCounts(matched, len(system_names), found, len(gold_keys)), extra
