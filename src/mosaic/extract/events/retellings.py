"""An event named again only by a noun pointing back ("the attack"), folded into its first telling.

"It is believed that the group carried out the attacks", "US officials blamed that attack on
X", "The attack occurred a day before the holiday": the noun says nothing of its own, so the
event is one the report told before, however far before. The rest of its sentence can still
lend it slots that keep the merge from linking it (the statement's date, the speaker's
country, a place the sentence names for something else), and it would be written out as a
second event. Such a retelling is folded into the last event of its type told before it,
which keeps its own date and place and takes the retelling's parties and toll where nothing
contradicts it; where a date or town does, the retelling is dropped. A retelling set in
another country than that event, or with no event of its type before it, stays as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from mosaic.extract.events.merge import Within, combine, compatible
from mosaic.model import EventFinding


def fold_retellings(
    findings: Sequence[EventFinding], threshold: float, within: Within
) -> list[EventFinding]:
    """The findings, each written-out retelling folded into the last written-out finding of
    its type told before it."""
    result = list(findings)
    for retelling in [f for f in findings if f.retelling and f.confidence >= threshold]:
        told = _told_before(result, retelling, threshold)
        if told is None:
            continue
        first = result[told]
        if compatible(first, retelling, within):
            result[told] = _retold(first, retelling, within)
        elif _other_country(first, retelling):
            continue
        result.remove(retelling)
    return result


def _other_country(first: EventFinding, retelling: EventFinding) -> bool:
    """Whether the retelling's sentence sets it in another country than the event before it:
    the report has moved on to another event, first told as this one ("the attack" in
    Indonesia after one in Thailand)."""
    return bool(first.country and retelling.country and first.country != retelling.country)


def _retold(first: EventFinding, retelling: EventFinding, within: Within) -> EventFinding:
    """The first telling with what the retelling adds (who did it, whom it hit, the toll),
    but its own date and place: the retelling's come from the rest of its sentence. Where
    the first telling has no place, the retelling's stands, if both are in one country
    ("the blast at the stadium": where the attack told before struck)."""
    told = combine(first, retelling, within)
    if first.place is None and retelling.place is not None and retelling.country == first.country:
        return replace(told, date=first.date, date_end=first.date_end, country=first.country)
    return replace(
        told, date=first.date, date_end=first.date_end, place=first.place, country=first.country
    )


def _told_before(
    findings: Sequence[EventFinding], retelling: EventFinding, threshold: float
) -> int | None:
    """The index of the last finding of the retelling's type, written out, told before it."""
    before = [
        (f.evidence.start, i)
        for i, f in enumerate(findings)
        if f.type is retelling.type
        and f.confidence >= threshold
        and f.evidence.start < retelling.evidence.start
    ]
    return max(before)[1] if before else None
