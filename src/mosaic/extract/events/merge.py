"""Coreference of event findings within one report: one real event told in several sentences.

Two findings are one event when they have the same type, nothing contradicts
it (dates compatible, same country, no two different towns) and something links
them: the same day, the same town, the same month and perpetrators, or a
follow-up sentence with no date of its own close behind ("The Taliban claimed
responsibility for the attack."). The merged finding keeps the most specific
value of each slot; for casualty figures the later statement wins, as tolls
are revised upwards as a story goes on, save that a number stated outranks a count of the
people named (`Count.named`: "12 were killed" before "X was killed as he ...") and a
smaller count of a part of a group (`Count.part`: "56 were killed ... one of them") does
not revise it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace

from mosaic.model import (
    AttackType,
    Count,
    EntityKind,
    EntityRef,
    EventFinding,
    Evidence,
    PerpetratorStatus,
    Precision,
    StatedFigure,
    stated_first,
)

FOLLOW_UP_CHARS = 400
"""A dateless finding this close after another may refer back to it ("the attack")."""
FORWARD_PENALTY = 200
"""Characters added to the distance of a link from a dateless finding to a later dated one."""
_ATTACK_TYPE_ORDER = [
    AttackType.SUICIDE_BOMBING, AttackType.BEHEADING, AttackType.KIDNAPPING,
    AttackType.ASSASSINATION, AttackType.ARMED_ASSAULT, AttackType.BOMBING,
    AttackType.FACILITY_ATTACK, AttackType.UNKNOWN,
]  # fmt: skip
_PRECISION_ORDER = [Precision.YEAR, Precision.MONTH, Precision.DAY]
SAME_PLACE_KM = 8.0
"""Two known places this close are one event's place told finer and coarser (a school and
its city), not two towns."""


SAME_DAY = 3
"""The strongest link: two findings told on the same day or in the same sentence."""


Within = Callable[[str, str], bool]
"""Whether the place keyed first holds the place keyed second (a province and its town)."""


def _never(_outer: str, _inner: str) -> bool:
    return False


def merge_events(
    findings: Iterable[EventFinding],
    threshold: float,
    within: Within = _never,
    apart: Collection[Evidence] = (),
) -> list[EventFinding]:
    """The findings with those describing one event merged, strongest links first; findings
    below `threshold` stay apart (they are not written out and must not lend their slots).
    `within` lets a town and the province holding it be one event's place. A finding told in
    a sentence of `apart` ("In a separate incident, ...") joins nothing told before it."""
    items = list(findings)
    clusters = {i: [i] for i in range(len(items))}
    owner = list(range(len(items)))
    for _, i, j in _links(items, threshold, within, apart):
        a, b = owner[i], owner[j]
        if a == b or not all(
            compatible(items[x], items[y], within) for x in clusters[a] for y in clusters[b]
        ):
            continue
        clusters[a] += clusters.pop(b)
        for member in clusters[a]:
            owner[member] = a
    return [
        _combine_all([items[i] for i in sorted(members)], within)
        for _, members in sorted(clusters.items())
    ]


def _links(
    items: Sequence[EventFinding], threshold: float, within: Within, apart: Collection[Evidence]
) -> list[tuple[int, int, int]]:
    """Linked pairs (strength, i, j), strongest and closest first."""
    pairs = []
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if min(a.confidence, b.confidence) < threshold or not compatible(a, b, within):
                continue
            if _opens_after(a, b, apart) or _opens_after(b, a, apart):
                continue
            strength = link_strength(a, b)
            if strength:
                pairs.append((strength, i, j, _distance(a, b)))
    pairs.sort(key=lambda p: (-p[0], p[3]))
    return [(strength, i, j) for strength, i, j, _ in pairs]


def _opens_after(first: EventFinding, then: EventFinding, apart: Collection[Evidence]) -> bool:
    """Whether `then` is told as another event, in a sentence after `first`'s."""
    return then.evidence in apart and then.evidence.start >= first.evidence.end


def _distance(a: EventFinding, b: EventFinding) -> int:
    """How far apart two findings are told, counting a forward reference as further: a
    dateless sentence after an event usually refers back to it ("That attack was claimed by
    X"), less often ahead to details told next (a headline or lead)."""
    later, earlier = (b, a) if b.evidence.start >= a.evidence.start else (a, b)
    forward = earlier.date is None and later.date is not None
    return later.evidence.start - earlier.evidence.start + (FORWARD_PENALTY if forward else 0)


def _combine_all(findings: Sequence[EventFinding], within: Within) -> EventFinding:
    merged = findings[0]
    for finding in findings[1:]:
        merged = combine(merged, finding, within)
    return merged


def _is_country(place: EntityRef | None) -> bool:
    return place is None or (place.key is not None and place.key.count(":") == 1)


def _places_agree(a: EventFinding, b: EventFinding, within: Within = _never) -> bool:
    first, second = a.place, b.place
    if first is None or second is None or _is_country(first) or _is_country(second):
        return True
    if first.key and second.key:
        return (
            first.key == second.key
            or lies_within(first, second, SAME_PLACE_KM)
            or _holds(first, second, within)
        )
    return lies_within(first, second, SAME_PLACE_KM) or bool(set(first.names) & set(second.names))


def _holds(a: EntityRef, b: EntityRef, within: Within) -> bool:
    """Whether one of the two places is the province or region holding the other."""
    if not a.key or not b.key:
        return False
    return within(a.key, b.key) or within(b.key, a.key)


def lies_within(a: EntityRef, b: EntityRef, km: float) -> bool:
    """Whether two places with coordinates lie within `km` of each other."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return False
    lat_a, lat_b = math.radians(a.latitude), math.radians(b.latitude)
    east = math.radians(b.longitude - a.longitude) * math.cos((lat_a + lat_b) / 2)
    return 6371.0 * math.hypot(east, lat_b - lat_a) <= km


def compatible(a: EventFinding, b: EventFinding, within: Within = _never) -> bool:
    """Nothing in the two findings contradicts their being one event."""
    if a.type is not b.type:
        return False
    if a.date is not None and b.date is not None and not a.date.compatible(b.date):
        return False
    if a.country and b.country and a.country != b.country:
        return False
    return _places_agree(a, b, within)


def link_strength(a: EventFinding, b: EventFinding) -> int:
    """How strongly something ties two compatible findings to one event: 3 the same day or
    sentence, 2 the same town, perpetrators and date, or named victim, 1 a dateless follow-up
    close by ("The Taliban claimed responsibility for the attack."), 0 nothing."""
    if a.evidence == b.evidence or (
        a.date and a.date == b.date and a.date.precision is Precision.DAY
    ):
        return SAME_DAY
    if _same_town(a, b):
        return 2  # compatible() has checked that the two towns are one
    if shares_entity(a.perpetrators, b.perpetrators) and a.date and b.date and a.date == b.date:
        return 2
    if shares_entity(a.targets, b.targets, named_only=True):
        return 2
    later, earlier = (b, a) if b.evidence.start >= a.evidence.start else (a, b)
    close = 0 <= later.evidence.start - earlier.evidence.end <= FOLLOW_UP_CHARS
    close = close or _attackers_fate(later)
    return 1 if close and (later.date is None or earlier.date is None) else 0


def _attackers_fate(finding: EventFinding) -> bool:
    """ "All five militants were killed": a dateless telling of only the attackers' dead is the
    end of an event told before, however far before."""
    dead = finding.attackers_killed
    return finding.date is None and dead is not None and finding.killed == dead


def _same_town(a: EventFinding, b: EventFinding) -> bool:
    """Two places finer than a country that compatible() let through as one: the same key, a
    few km apart, or (when unknown) a shared name; a province and its town link by nothing
    else than the findings' other slots."""
    first, second = a.place, b.place
    if first is None or second is None or _is_country(first) or _is_country(second):
        return False
    if first.key and second.key:
        return first.key == second.key or lies_within(first, second, SAME_PLACE_KM)
    return True


def shares_entity(a: Sequence[EntityRef], b: Sequence[EntityRef], named_only: bool = False) -> bool:
    """Whether the two lists name one entity (with a gazetteer key, if `named_only`)."""

    def counts(ref: EntityRef) -> bool:
        return not named_only or ref.key is not None or ref.kind is EntityKind.PERSON

    keys = {ref.key or ref.name for ref in a if counts(ref)}
    return any((ref.key or ref.name) in keys for ref in b if counts(ref))


def same_event(a: EventFinding, b: EventFinding) -> bool:
    """Whether two findings of one report describe the same real event."""
    return compatible(a, b) and link_strength(a, b) > 0


def _finer(a: EventFinding, b: EventFinding) -> EventFinding:
    if a.date is None:
        return b
    if b.date is None:
        return a
    rank_a, rank_b = (
        _PRECISION_ORDER.index(a.date.precision),
        _PRECISION_ORDER.index(b.date.precision),
    )
    return b if rank_b > rank_a else a


def _more_specific(a: EventFinding, b: EventFinding, within: Within = _never) -> EventFinding:
    if a.place is None or (
        _is_country(a.place) and b.place is not None and not _is_country(b.place)
    ):
        return b
    if a.place.key and b.place is not None and b.place.key and within(a.place.key, b.place.key):
        return b  # the town, not the province holding it
    return a


def _union(a: Sequence[EntityRef], b: Sequence[EntityRef]) -> tuple[EntityRef, ...]:
    seen = {ref.key or ref.name for ref in a}
    return (*a, *(ref for ref in b if (ref.key or ref.name) not in seen))


CLAUSE_GAP = 2
"""Characters between a clause ending in a semicolon and the next clause of its sentence."""
_KEPT_BEFORE_BOMBS = frozenset({AttackType.ARMED_ASSAULT, AttackType.ASSASSINATION})
"""Kinds of attack that bombs told later are a part of: gunmen who storm a site and blow
themselves up at the end, a leader shot at and then bombed, are an assault, a killing."""


def _one_sentence(first: Evidence, then: Evidence) -> bool:
    """Whether two findings are told in one sentence: the same, or two clauses a semicolon
    joins (told apart by the sentence splitter)."""
    joined = first.sentence.rstrip().endswith(";")
    return first == then or (joined and 0 <= then.start - first.end <= CLAUSE_GAP)


def _attack_type(a: EventFinding, b: EventFinding) -> AttackType | None:
    """The more specific kind of the two (`b` told after `a`), save that a suicide bomb told
    in a later sentence than an assault or an assassination is a part of it, not its kind
    (told in the same sentence, it says how it was done: "the assassination of X; he was
    killed in a suicide bombing")."""
    first, then = a.attack_type, b.attack_type
    later = not _one_sentence(a.evidence, b.evidence)
    if later and first in _KEPT_BEFORE_BOMBS and then is AttackType.SUICIDE_BOMBING:
        return first
    known = [t for t in (first, then) if t is not None]
    return min(known, key=_ATTACK_TYPE_ORDER.index) if known else None


def _status(a: EventFinding, b: EventFinding) -> PerpetratorStatus | None:
    statuses = {a.perpetrator_status, b.perpetrator_status}
    for status in (PerpetratorStatus.CLAIMED, PerpetratorStatus.ATTRIBUTED):
        if status in statuses:
            return status
    return a.perpetrator_status or b.perpetrator_status


def combine(a: EventFinding, b: EventFinding, within: Within = _never) -> EventFinding:
    """One finding from two of one event (`b` stated after `a`): the most specific slots."""
    dated, placed = _finer(a, b), _more_specific(a, b, within)
    lead = a if a.confidence >= b.confidence else b
    return replace(
        lead,
        attack_type=_attack_type(a, b),
        date=dated.date, date_end=dated.date_end,
        place=placed.place, country=placed.country or a.country or b.country,
        perpetrators=_union(a.perpetrators, b.perpetrators),
        perpetrator_status=_status(a, b),
        targets=_union(a.targets, b.targets),
        killed=_killed(a, b), wounded=_wounded(a, b),
        attackers_killed=b.attackers_killed or a.attackers_killed,
        other_figures=_other_figures(a, b, lead.attributed_to),
        confidence=max(a.confidence, b.confidence),
    )  # fmt: skip


def _killed(a: EventFinding, b: EventFinding) -> Count | None:
    """The later statement of the dead, unless it counts only attackers where the earlier
    counted victims ("the toll rose to 148 ... All seven attackers were killed"), or only the
    people it names where the earlier stated a number of victims."""
    if b.killed is None or a.killed is None:
        return b.killed or a.killed
    victims = a.killed != a.attackers_killed
    if (victims and b.killed == b.attackers_killed) or _part_of(b.killed, a.killed):
        return a.killed
    return stated_first(b.killed, a.killed) if victims else b.killed


def _wounded(a: EventFinding, b: EventFinding) -> Count | None:
    """The later statement of the wounded, unless it counts only the people it names where
    the earlier stated a number, or only a part of those the earlier counted."""
    if b.wounded is not None and a.wounded is not None and _part_of(b.wounded, a.wounded):
        return a.wounded
    return stated_first(b.wounded or a.wounded, a.wounded)


def _part_of(later: Count, toll: Count) -> bool:
    """Whether the later count tells some of those an earlier toll counted ("killing 56 ...
    killing one of them"), not a revised toll: a part, and fewer."""
    return later.part and not toll.part and later.low < toll.low


def _other_figures(
    a: EventFinding, b: EventFinding, source: str | None
) -> tuple[StatedFigure, ...]:
    """Each casualty figure a source other than the merged finding's (`source`) gave, kept
    or not, so that every figure keeps who gave it. Only two named sources conflict: one
    source revising its toll, or the report's own figure beside a source's, is a revision
    where the later figure stands."""
    found = [*a.other_figures, *b.other_figures]
    for slot, kept in (("killed", _killed(a, b)), ("wounded", _wounded(a, b))):
        sources = {f.attributed_to for f in (a, b) if getattr(f, slot) is not None}
        if len(sources) < 2 or None in sources:
            continue  # a toll revised, or the report's own word beside a source's: no conflict
        for finding in (a, b):
            count: Count | None = getattr(finding, slot)
            if count is None or count.named or count == finding.attackers_killed:
                continue  # a count of the people named is no toll a source gave
            if finding.attributed_to != source or count != kept:
                found.append(StatedFigure(slot, count, finding.attributed_to, finding.evidence))
    return tuple(dict.fromkeys(found))


def drop_echoes(findings: Sequence[EventFinding], threshold: float) -> list[EventFinding]:
    """The findings less those below `threshold` that a written-out finding of the same day or
    sentence already tells ("the timing of the explosions suggests a coordinated attack"
    after the bombing): kept, they would be stored as a second event of that day."""
    strong = [f for f in findings if f.confidence >= threshold]
    return [f for f in findings if f.confidence >= threshold or not echoes(f, strong)]


def echoes(finding: EventFinding, written: Sequence[EventFinding]) -> bool:
    """Whether one of the written-out findings tells the finding's event: the same type and day
    or sentence, nothing contradicting."""
    return any(compatible(finding, w) and link_strength(finding, w) == SAME_DAY for w in written)
