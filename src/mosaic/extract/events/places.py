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
from mosaic.extract.places.locations import is_home_modifier, is_location_span
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import tree_distance

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
        if is_location_span(context.doc, m.start, m.end):
            home = is_home_modifier(root)  # "a Kunduz politician": only when nothing else
            candidates.append((home, m.start not in own, m.place_rank, distance, m))
    return min(candidates, key=lambda c: c[:4])[4] if candidates else None
