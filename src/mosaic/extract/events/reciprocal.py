"""Two states acting on each other: one sentence, two events.

"Iran and Pakistan violated each other's air space, striking militant camps"
tells of two strikes: Iran's in Pakistan and Pakistan's in Iran. Kept as one
event, it would have two perpetrators and no country; split, each state's act
lies in the other's country.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Span

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.events.rules.registry import rule_for
from mosaic.model import EntityRef, EventFinding

_STATES = frozenset({Role.STATE, Role.COUNTRY})
RECIPROCALS = lexicon.phrases("events.reciprocals")
"""Phrases of a two-sided act ("fought each other", "attacked one another")."""


def reciprocal_parts(
    finding: EventFinding,
    perpetrators: Sequence[EntityMention],
    sent: Span,
    refs_of: Callable[[Sequence[EntityMention]], tuple[EntityRef, ...]],
) -> list[EventFinding]:
    """The finding as one act per state when two states act on "each other" or "one
    another"; else the finding alone. `refs_of` gives a perpetrator's refs."""
    if (
        not rule_for(finding.type).report.reciprocal
        or len(perpetrators) != 2
        or not _reciprocal(sent)
    ):
        return [finding]
    first, second = perpetrators
    if first.role not in _STATES or second.role not in _STATES:
        return [finding]
    if not first.country or not second.country or first.country == second.country:
        return [finding]
    return [
        _one_side(finding, refs_of([first]), second.country),
        _one_side(finding, refs_of([second]), first.country),
    ]


def _one_side(finding: EventFinding, refs: tuple[EntityRef, ...], country: str) -> EventFinding:
    place = finding.place if finding.country == country else None
    return replace(finding, perpetrators=refs, country=country, place=place)


def _reciprocal(sent: Span) -> bool:
    pairs = set(pairwise(t.lower_ for t in sent))
    return any(pair in pairs for pair in RECIPROCALS)
