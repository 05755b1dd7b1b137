"""Tolls an encyclopedia page's infobox states, for the attack the page is about.

Attack pages open with a box of fields, among them "Fatalities: 40 (+1 suicide bomber)"
and "Injuries: 35". The page's attack (the first attack or killing written out after the
box, and any the title or the box itself tells) takes them where its prose gave none. A
row that splits its toll by site ("Injuries: 85, Station: 44, Trolleybus: 41") tells
several events and gives none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from mosaic.extract import lexicon
from mosaic.extract.events.rules.registry import rule_for
from mosaic.extract.numbers.counts import parse_count
from mosaic.model import Count, EventFinding, stated_first

_DEATH_LABELS = lexicon.words("numbers.table_death_labels")
_ROW = re.compile(
    r"^[ \t|*-]*(?P<label>Deaths|Fatalities|Killed|Injuries|Injured|Wounded)[ \t]*[:|][ \t]*"
    r"(?P<count>(?:at least |more than |over )?[\d,]+\+?)(?P<rest>[^\n]*)$",
    re.M,
)
_SPLIT_BY_SITE = re.compile(r":")


def infobox_tolls(text: str) -> tuple[Count | None, Count | None, int]:
    """The dead and the wounded the infobox states (None where it states none, or splits
    them by site), and where its last toll row ends."""
    killed: Count | None = None
    wounded: Count | None = None
    box_end = 0
    for row in _ROW.finditer(text):
        box_end = max(box_end, row.end())
        if _SPLIT_BY_SITE.search(row["rest"]):
            continue
        phrase = row["count"].replace(",", "")
        count = Count.at_least(int(phrase[:-1])) if phrase.endswith("+") else parse_count(phrase)
        if row["label"] in _DEATH_LABELS:
            killed = killed or count
        else:
            wounded = wounded or count
    return killed, wounded, box_end


def attach_infobox_tolls(
    events: Sequence[EventFinding], text: str, threshold: float
) -> list[EventFinding]:
    """The events with the infobox's tolls given to the page's attack where it has none, or
    only a count of the people its prose names (`Count.named`): the first attack or killing
    written out (at `threshold` or above) after the box, and any told in the page's title or
    the box itself."""
    killed, wounded, box_end = infobox_tolls(text)
    updated = list(events)
    if killed is None and wounded is None:
        return updated
    boxed = [i for i, e in enumerate(events)
             if rule_for(e.type).report.infobox and e.confidence >= threshold]  # fmt: skip
    after = [i for i in boxed if events[i].evidence.start >= box_end]
    first_after = [min(after, key=lambda i: events[i].evidence.start)] if after else []
    for index in [i for i in boxed if events[i].evidence.start < box_end] + first_after:
        event = events[index]
        updated[index] = replace(
            event,
            killed=stated_first(event.killed, killed),
            wounded=stated_first(event.wounded, wounded),
        )
    return updated
