"""One-to-one matching of gold items to system items (FORMAT.md, Scoring 1 and 4).

Matching is greedy: every eligible (gold, system) pair gets a rank, pairs are taken best
first, and a pair is kept when neither side is taken yet. Ties are broken
deterministically, so that a run can be repeated and compared:

* events rank by the FORMAT.md score (agreeing place, perpetrators, killed, date at full
  precision), then by agreeing country, wounded, attack_type and targets, then by lower gold
  index, then by lower system index;
* relations rank by agreeing date, then agreeing date_end, then gold index, system index.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mosaic.evaluation.names import names_match
from mosaic.evaluation.slots import (
    SCORED_SLOTS,
    TIE_SLOTS,
    count_agreeing,
    dates_compatible,
    slot_agrees,
    states,
)

SYMMETRIC_RELATIONS = frozenset({"alliance", "rivalry"})

Item = Mapping[str, Any]


@dataclass(frozen=True)
class Candidate:
    """An eligible pair: indices into the gold and system lists, and its rank (higher wins)."""

    gold: int
    system: int
    rank: tuple[int, ...]


def greedy_match(candidates: Sequence[Candidate]) -> list[tuple[int, int]]:
    """Take pairs best rank first (then lower gold, then lower system index), one-to-one."""
    ordered = sorted(candidates, key=lambda c: (tuple(-r for r in c.rank), c.gold, c.system))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for candidate in ordered:
        if candidate.gold in used_gold or candidate.system in used_system:
            continue
        used_gold.add(candidate.gold)
        used_system.add(candidate.system)
        pairs.append((candidate.gold, candidate.system))
    return sorted(pairs)


def event_eligible(gold: Item, system: Item) -> bool:
    """Same type, compatible dates and, where both give one, the same country."""
    if gold.get("type") is None or gold.get("type") != system.get("type"):
        return False
    if not dates_compatible(gold.get("date"), system.get("date")):
        return False
    both_countries = states(gold, "country") and states(system, "country")
    return not both_countries or gold.get("country") == system.get("country")


def event_rank(gold: Item, system: Item) -> tuple[int, int]:
    """The FORMAT.md score, then the tie-break count of other agreeing slots."""
    return (count_agreeing(SCORED_SLOTS, gold, system), count_agreeing(TIE_SLOTS, gold, system))


def relation_eligible(gold: Item, system: Item) -> bool:
    """Same type, subject and object (NAME match); alliance and rivalry in either order."""
    kind = gold.get("type")
    if kind is None or kind != system.get("type"):
        return False
    g_subject, g_object = gold.get("subject"), gold.get("object")
    s_subject, s_object = system.get("subject"), system.get("object")
    if names_match(g_subject, s_subject) and names_match(g_object, s_object):
        return True
    swapped = names_match(g_subject, s_object) and names_match(g_object, s_subject)
    return kind in SYMMETRIC_RELATIONS and swapped


def relation_rank(gold: Item, system: Item) -> tuple[int, int]:
    """Agreeing date, then agreeing date_end (exact strings)."""
    return (int(slot_agrees("date", gold, system)), int(slot_agrees("date_end", gold, system)))


def match_events(gold: Sequence[Item], system: Sequence[Item]) -> list[tuple[int, int]]:
    """Pair gold events with system events, one-to-one, as (gold index, system index)."""
    candidates = [
        Candidate(gi, si, event_rank(g, s))
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if event_eligible(g, s)
    ]
    return greedy_match(candidates)


def match_relations(gold: Sequence[Item], system: Sequence[Item]) -> list[tuple[int, int]]:
    """Pair gold relations with system relations, one-to-one, as (gold index, system index)."""
    candidates = [
        Candidate(gi, si, relation_rank(g, s))
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if relation_eligible(g, s)
    ]
    return greedy_match(candidates)
