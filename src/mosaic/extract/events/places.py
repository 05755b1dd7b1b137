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

from mosaic.extract import lexicon
from mosaic.extract.entities.mentions import EntityMention, Role
from mosaic.extract.events.merge import lies_within
from mosaic.extract.events.rules.registry import rule_for
from mosaic.extract.events.types import entry_for
from mosaic.extract.places.datelines import DATELINE_CHARS, dateline_end
from mosaic.extract.places.locations import describes_person, is_home_modifier, is_location_span
from mosaic.extract.places.place_slots import NAME_HEADS, container_span, in_place_slot
from mosaic.extract.text.modality import claimed_definite
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import (
    NOUN_MODIFIER_DEPS,
    NOUN_POS,
    SUBJECT_DEPS,
    TIME_LABELS,
    children,
    tree_distance,
)

SUBDIVISION_NOUNS = lexicon.words("places.subdivision_nouns")
CAPITAL_NOUNS = lexicon.words("places.capital_nouns")
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
    found = town_of_venue(found, context) if found is not None else None
    return found or _capital_filed_from(trigger, context, rivals)


def town_of_venue(found: EntityMention, context: SentenceContext) -> EntityMention:
    """ "at the X shrine in Shiraz", "in Baghdad's X Square": an event at a venue is placed in
    the town the sentence names as holding it, the place FORMAT.md asks for (the venue's
    town); a venue no town is named beside keeps its own name."""
    if found.role is not Role.PLACE or not _is_venue(found, context):
        return found
    holder = container_span(context.doc[found.start : found.end])
    if holder is None:
        return found
    towns = [
        m for m in context.mentions
        if m.role is Role.PLACE and m.start == holder.start and m.feature in _TOWN_FEATURES
    ]  # fmt: skip
    return towns[0] if towns else found


_TOWN_FEATURES = frozenset({"city", "town", "village"})


def _is_venue(found: EntityMention, context: SentenceContext) -> bool:
    """A venue the table lists, or a new place named as a facility ("X Square", "X Hotel")."""
    if found.feature == "venue":
        return True
    last = context.doc[found.end - 1]
    return found.ref is not None and found.ref.key is None and last.lower_ in NAME_HEADS


def _capital_filed_from(
    trigger: Token, context: SentenceContext, rivals: Sequence[Token]
) -> EntityMention | None:
    """ "KABUL (AP) — A bomb tore through a neighborhood of the capital", "QUETTA — ... on the
    outskirts of the provincial capital": a capital named by no other word than its rank is the
    town the lead was filed from."""
    if context.sent.start_char >= DATELINE_CHARS:
        return None
    end = dateline_end(context.doc[: context.sent.end].text)
    filed = [m for m in context.mentions if m.role is Role.PLACE and m.start_char < (end or 0)]
    capitals = [
        t for t in context.sent
        if t.lemma_.lower() in CAPITAL_NOUNS and t.pos_ in NOUN_POS
        and not any(c.dep_ in ("poss", "compound") or c.lower_ == "of" for c in t.children)
        and not any(c.ent_type_ and c.ent_type_ not in TIME_LABELS for c in t.children)
    ]  # fmt: skip
    near = [
        t for t in capitals
        if tree_distance(trigger, t) <= MAX_PLACE_DISTANCE
        and not any(tree_distance(r, t) < tree_distance(trigger, t) for r in rivals)
    ]  # fmt: skip
    return filed[0] if filed and near else None


def _place_near(
    trigger: Token,
    context: SentenceContext,
    taken: Sequence[EntityMention],
    rivals: Sequence[Token],
) -> EntityMention | None:
    # A state actor's span may reach past its country ("US strike"): overlap is enough.
    used = {i for m in taken for i in range(m.start, m.end)} | _claimants_words(trigger)
    own = {t.i for t in trigger.subtree}
    candidates = []
    for m in context.mentions:
        if m.role not in (Role.PLACE, Role.COUNTRY) or used & set(range(m.start, m.end)):
            continue
        root = context.doc[m.start : m.end].root
        if m.role is Role.COUNTRY and _names_the_acting_state(root):
            continue
        distance = tree_distance(trigger, root)
        if distance > MAX_PLACE_DISTANCE or any(tree_distance(r, root) < distance for r in rivals):
            continue
        if is_location_span(context.doc, m.start, m.end) and not describes_person(root):
            home = is_home_modifier(root)  # "a Kunduz politician": only when nothing else
            held = holds_a_part(root, context)
            candidates.append((home, m.start not in own, held, m.place_rank, distance, m))
    holders = _holders([c[5] for c in candidates], context)
    # A place the sentence says holds another ranks after it, before table rank and distance.
    ranked = [(*c[:3], c[5].start in holders, *c[3:]) for c in candidates]
    return min(ranked, key=lambda c: c[:6])[6] if ranked else None


def _holders(found: Sequence[EntityMention], context: SentenceContext) -> set[int]:
    """Where the places start that the sentence says hold another of the places found, by an
    "in" between ("in X town, in Y province", "the village of X, in Y", "at X in Y County"):
    the place held is the finer one, whatever rank the table gives either (it may list
    neither). Not a place the table puts in another country, nor a name the table lacks
    unless it stands in a place's slot ("at X", "X town"), not an organisation's the NER
    took for a place's; "Y's X" and "the X of Y" may name a venue or a quarter told by its
    town, and do not count."""
    by_start = {m.start: m for m in found}
    holders: set[int] = set()
    for m in found:
        span = context.doc[m.start : m.end]
        beside = container_span(span)
        holder = by_start.get(beside.start) if beside is not None else None
        if holder is None or m.country not in (None, holder.country):
            continue
        if not any(t.lower_ == "in" for t in context.doc[m.end : holder.start]):
            continue
        if (m.ref is not None and m.ref.key is not None) or in_place_slot(span):
            holders.add(holder.start)
    return holders


def _names_the_acting_state(root: Token) -> bool:
    """ "killed in a U.S. drone strike", "a Pakistan army operation": a country on the noun
    of an act a state's own forces carry out (its rule's `home_force`) names who acted, not
    where."""
    entry = entry_for(root.head) if root.dep_ in NOUN_MODIFIER_DEPS else None
    return entry is not None and rule_for(entry.type).slots.home_force


def holds_a_part(root: Token, context: SentenceContext) -> bool:
    """ "the X district of Y": Y holds the place X names, a part of it, whatever rank the table
    gives Y (a province and its town share a name)."""
    unit = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    if unit is None or unit.lower_ not in SUBDIVISION_NOUNS:
        return False
    named = [c for c in unit.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
    return any(
        m.role is Role.PLACE and m.start <= c.i < m.end for c in named for m in context.mentions
    )


def _claimants_words(trigger: Token) -> set[int]:
    """The words of who claims an event told before ("X, al-Qaida's affiliate in the Sahel,
    claimed the attack"): a place there says where the group is, not where the event was."""
    if not claimed_definite(trigger):
        return set()
    verb = trigger.head if trigger.dep_ == "dobj" else trigger.head.head.head
    return {t.i for s in children(verb, *SUBJECT_DEPS) for t in s.subtree}


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
    filed = _dateline_chars(context)
    apart = [
        m for m in context.mentions
        if m.role is Role.PLACE and m.place_rank < _REGION_RANK and m.text != found.text
        and m.start_char >= filed
        and (m.country is None or found.country is None or m.country == found.country)
        and _site_of(trigger, context, m, rivals) and _apart(context, m, found)
        and _coordinated(context, m, found)
    ]  # fmt: skip
    return (found.country or apart[0].country) if apart else None


def _dateline_chars(context: SentenceContext) -> int:
    """Where a wire dateline ("KATHMANDU, Nepal —") ends in the lead, or 0: the town it names
    is where the report was filed, no second site of the event."""
    if context.sent.start_char >= DATELINE_CHARS:
        return 0
    return dateline_end(context.doc[: context.sent.end].text) or 0


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
