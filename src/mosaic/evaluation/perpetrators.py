"""Perpetrator names counted one by one over matched event pairs.

The `perpetrators` slot agrees when every gold name is found, so a system that names the
right group and two wrong ones still agrees: its extra names are invisible there. These
counts see them: `matched` system names match a gold name of the same event (NAME match,
by any name or alias, as the slot matches), out of `system` names given; `found` gold names
are matched by a system name, out of `gold`. Names are paired one to one, as many pairs as
can be made: a group given twice under two of its names is one right name and one extra
(the resolver failed to make them one entity), not two right ones. A pair whose gold names
no perpetrator still counts the system's names, which are then all extra.
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
    candidates = [[g for g, keys in enumerate(gold_keys) if keys & mine] for mine in system_keys]
    partner = pair_names(candidates)
    extra = [name for s, name in enumerate(system_names) if s not in partner.values()]
    matched = len(partner)
    counts = PerpetratorCounts(matched, len(system_names), matched, len(gold_keys))
    return counts, extra


def pair_names(candidates: list[list[int]]) -> dict[int, int]:
    """The most one-to-one pairs of system name to gold name: gold index -> system index.

    `candidates[s]` lists the gold names system name `s` matches. Augmenting paths
    (Kuhn's algorithm), since a name may match several and a greedy pairing can fall short;
    the lists are a few names long.
    """
    partner: dict[int, int] = {}

    def claim(system_index: int, seen: set[int]) -> bool:
        for gold_index in candidates[system_index]:
            if gold_index in seen:
                continue
            seen.add(gold_index)
            holder = partner.get(gold_index)
            if holder is None or claim(holder, seen):
                partner[gold_index] = system_index
                return True
        return False

    for system_index in range(len(candidates)):
        claim(system_index, set())
    return partner
