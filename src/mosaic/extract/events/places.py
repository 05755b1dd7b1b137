"""An event's place: the most specific location near its trigger.

Places in the trigger's own phrase come first; a place nearer another trigger
of the sentence is that event's, unless that event is nested in this one's
phrase ("attacks on troops engaged in operations in Karachi": both in
Karachi); a place naming a person's home ("a Kunduz politician") counts only
when nothing else does.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.events.merge import lies_within
from mosaic.extract.places.locations import describes_person, is_home_modifier, is_location_span
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import NOUN_POS, tree_distance

MAX_PLACE_DISTANCE = 10
"""A place outside the trigger's phrase must be this close to it in the parse."""


def event_place(
    trigger: Token,
    context: SentenceContext,
    taken: Sequence[EntityMention],
    rivals: Sequence[Token] = (),
) -> EntityMention | None:
    """The most specific location near the trigger (places in its own phrase first), leaving
    places nearer another trigger of the sentence to that one."""
    own = {t.i for t in trigger.subtree}
    found = _place_near(trigger, context, taken, rivals)
    nested = [r for r in rivals if r.i in own]
    if found is None and nested:  # "attacks on troops engaged in operations in Karachi"
        found = _place_near(trigger, context, taken, [r for r in rivals if r.i not in own])
        found = found if found is not None and found.start in own else None
    return found


def _place_near(
    trigger: Token,
    context: SentenceContext,
    taken: Sequence[EntityMention],
    rivals: Sequence[Token],
) -> EntityMention | None:
    # A state actor's span may reach past its country ("US strike"): overlap is enough.
    used = {i for m in taken for i in range(m.start, m.end)}
    own = {t.i for t in trigger.subtree}
    candidates = []
    for m in context.mentions:
        if m.role not in (Role.PLACE, Role.COUNTRY) or used & set(range(m.start, m.end)):
            continue
        root = context.doc[m.start : m.end].root
        distance = tree_distance(trigger, root)
        if distance > MAX_PLACE_DISTANCE or any(tree_distance(r, root) < distance for r in rivals):
            continue
        if is_location_span(context.doc, m.start, m.end) and not describes_person(root):
            home = is_home_modifier(root)  # "a Kunduz politician": only when nothing else
            candidates.append((home, m.start not in own, m.place_rank, distance, m))
    return min(candidates, key=lambda c: c[:4])[4] if candidates else None


def spread_country(
    found: EntityMention | None,
    trigger: Token,
    context: SentenceContext,
    rivals: Sequence[Token] = (),
) -> str | None:
    """The country of an event told in two or more towns far apart ("blasts in several cities
    including X and Y", "one killed in X and another in Y"): one event across the country,
    whose place no one town is; `found` is the event's place (`event_place`); None when the
    trigger's places are one town or none."""
    if found is None or found.role is not Role.PLACE or found.place_rank >= _REGION_RANK:
        return None
    apart = [
        m for m in context.mentions
        if m.role is Role.PLACE and m.place_rank < _REGION_RANK and m.text != found.text
        and (m.country is None or found.country is None or m.country == found.country)
        and _site_of(trigger, context, m, rivals) and _apart(context, m, found)
        and _coordinated(context, m, found)
    ]  # fmt: skip
    return (found.country or apart[0].country) if apart else None


_REGION_RANK = 3
"""Places ranked this coarse (districts, provinces) may hold several towns of one event."""
SPREAD_KM = 25.0
"""Two towns further apart than this are two sites, not one place told two ways."""


def _site_of(
    trigger: Token, context: SentenceContext, mention: EntityMention, rivals: Sequence[Token]
) -> bool:
    """Whether the place is near the trigger in the parse and no nearer another trigger."""
    root = context.doc[mention.start : mention.end].root
    distance = tree_distance(trigger, root)
    return distance <= MAX_PLACE_DISTANCE and not any(
        tree_distance(r, root) < distance for r in rivals
    )


def _apart(context: SentenceContext, a: EntityMention, b: EntityMention) -> bool:
    """Two sites: known towns more than SPREAD_KM apart, or towns the table lacks that neither
    describes the other ("the Shahr-e Naw area of Kabul")."""
    first, second = a.ref, b.ref
    if first is not None and second is not None and first.latitude and second.latitude:
        return not lies_within(first, second, SPREAD_KM)
    root_a = context.doc[a.start : a.end].root
    root_b = context.doc[b.start : b.end].root
    return root_a not in root_b.subtree and root_b not in root_a.subtree


def _coordinated(context: SentenceContext, a: EntityMention, b: EntityMention) -> bool:
    """Whether two places hang on coordinated nouns ("X and Y", "a man in X and a boy in Y"),
    not on two clauses that may tell two events."""
    root_a = context.doc[a.start : a.end].root
    root_b = context.doc[b.start : b.end].root
    above_a = [root_a, *root_a.ancestors]
    above_b = [root_b, *root_b.ancestors]
    common = next((t for t in above_a if t in above_b), None)
    if common is None:
        return False
    path = above_a[: above_a.index(common)] + above_b[: above_b.index(common)]
    return any(t.dep_ == "conj" and t.pos_ in NOUN_POS for t in path)
