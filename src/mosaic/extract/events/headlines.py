"""A headline's event is the story's lead event, which the prose tells again.

"Militants Kill 10 Border Guards" above "Ten border guards were killed in a terrorist
attack" is one event, but the headline's wording can make it another type (a killing
beside the prose's attack), another country or a coarser place ("near Karachi airport"
beside the airport's name), or the lead can stand too far below it for a dateless link, so
the merge would keep it apart as a second event. A headline finding of an event with
casualties is folded into the first prose finding with casualties that tells the same toll
or the same named victims on a compatible day (or with no day); only its perpetrators and
attack type join that finding, the prose being the fuller telling. A headline the prose
does not retell keeps its finding, and one the merge links to its retelling is left to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from mosaic.extract.events.merge import Within, compatible, link_strength, shares_entity
from mosaic.extract.events.rules.registry import rule_for
from mosaic.extract.text.display_lines import DisplayLines
from mosaic.model import EventFinding


def fold_headlines(
    findings: Sequence[EventFinding], display: DisplayLines, threshold: float, within: Within
) -> list[EventFinding]:
    """The findings, each headline finding the merge would not link to the prose finding
    retelling it folded into that finding."""
    result = list(findings)
    for headline in findings:
        if not display.in_headline(headline.evidence.start) or not _has_casualties(headline):
            continue
        told = next(
            (i for i, f in enumerate(result) if _retells(f, headline, display, threshold)), None
        )
        if told is not None and not _linked(result[told], headline, within):
            result[told] = _with_headline(result[told], headline)
            result.remove(headline)
    return result


def _linked(finding: EventFinding, headline: EventFinding, within: Within) -> bool:
    """Whether the merge links the two findings by itself."""
    return compatible(finding, headline, within) and link_strength(finding, headline) > 0


def _has_casualties(finding: EventFinding) -> bool:
    return rule_for(finding.type).slots.casualties


def _retells(
    finding: EventFinding, headline: EventFinding, display: DisplayLines, threshold: float
) -> bool:
    """Whether a prose finding with casualties, to be written out, tells the headline's toll
    or named victims on a day the headline allows."""
    if display.in_headline(finding.evidence.start) or not _has_casualties(finding):
        return False
    if finding.confidence < threshold:
        return False
    if finding.date and headline.date and not finding.date.compatible(headline.date):
        return False
    same_toll = headline.killed is not None and headline.killed == finding.killed
    return same_toll or shares_entity(headline.targets, finding.targets, named_only=True)


def _with_headline(finding: EventFinding, headline: EventFinding) -> EventFinding:
    """The prose finding with the headline's perpetrators it lacks, and its attack type if it
    has none."""
    seen = {ref.key or ref.name for ref in finding.perpetrators}
    added = tuple(ref for ref in headline.perpetrators if (ref.key or ref.name) not in seen)
    return replace(
        finding,
        perpetrators=(*finding.perpetrators, *added),
        attack_type=finding.attack_type or headline.attack_type,
    )
