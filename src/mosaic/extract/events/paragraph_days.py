"""The day a hard-wrapped paragraph goes on in, for the events it tells after naming it.

The finder dates a dateless sentence by the day named before it in its paragraph
(`SentenceContext.narrative`), where a paragraph ends at a line break. Wire copy wraps its
lines mid-sentence, so there the day named on one line ("Yesterday morning terrorists
machine-gunned a bus ...") would not reach the next line's "The bus was attacked on the
coastal highway". This stage gives such an event, still dateless after the merge, the last
day its paragraph named before it, where a paragraph ends only at a paragraph break
(`text.boundaries.breaks_paragraph`). It runs after the merge so that the day fills a date
left open without linking events the report tells apart; in text of one paragraph a line
the finder has already done the same. A doubtful finding (below the written-out threshold)
that the day would make an echo of that day's event is left dateless. A sentence told as
hours from what went before ("Hours later, a jet bombed ...", "a few hours later", "where
hours earlier rebels had ...") goes on in the last day the report named for an act (not
a statement's day), whatever paragraph named it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from mosaic.extract import lexicon
from mosaic.extract.dates.phrases import DateValue
from mosaic.extract.events.dates import acts_dates
from mosaic.extract.events.finder import sentence_states_a_date
from mosaic.extract.events.merge import echoes
from mosaic.extract.text.boundaries import breaks_paragraph
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EventFinding


def date_by_paragraph(
    events: Sequence[EventFinding], contexts: Sequence[SentenceContext], threshold: float
) -> list[EventFinding]:
    """The events, those still dateless dated by the day their paragraph named before them.
    An event below `threshold` (a doubtful mention, not written out) that the day would make
    an echo of a written-out event of that day (`merge.echoes`) keeps no date: dated, it
    would be stored as a second event of that day, which no other report's event joins for
    want of a place or country, where undated it is stored apart from every day's events."""
    days = paragraph_days(contexts)
    dated = [_dated(event, days) for event in events]
    written = [event for event in dated if event.confidence >= threshold]
    return [
        day if day.confidence >= threshold or not echoes(day, written) else event
        for event, day in zip(events, dated, strict=True)
    ]


def _dated(event: EventFinding, days: dict[int, DateValue]) -> EventFinding:
    """The event with its paragraph's day, if it has no date and its sentence has that day."""
    day = days.get(event.evidence.start) if event.date is None else None
    return event if day is None else replace(event, date=day.start, date_end=day.end)


def paragraph_days(contexts: Sequence[SentenceContext]) -> dict[int, DateValue]:
    """Where each dateless sentence starts -> the last date its paragraph named before it,
    when that date is a day."""
    days: dict[int, DateValue] = {}
    last: DateValue | None = None
    told: DateValue | None = None  # the last date of an act named, in any paragraph
    for before, context in zip([None, *contexts], contexts, strict=False):
        if before is None or _new_paragraph(before, context):
            last = None
        acts = acts_dates(context)
        told = acts[-1].value if acts else told
        if context.dates:
            last = context.dates[-1].value
        elif (
            last is not None and last.start.day is not None and not sentence_states_a_date(context)
        ):
            days[context.evidence.start] = last
        elif told is not None and told.start.day is not None and _hours_on(context):
            days[context.evidence.start] = told
    return days


HOUR_UNITS = lexicon.words("dates.hour_units")
HOUR_STEPS = lexicon.words("dates.hour_steps")


def _hours_on(context: SentenceContext) -> bool:
    """Whether the sentence tells its act as hours or minutes from what went before ("Hours
    later", "about three hours later", "hours after the ambush", "where hours earlier")."""
    words = [t.lower_ for t in context.sent]
    return any(word in HOUR_UNITS and after in HOUR_STEPS for word, after in pairwise(words))


def _new_paragraph(before: SentenceContext, context: SentenceContext) -> bool:
    """Whether a paragraph break stands between the sentence's last word and the next one
    (a sentence's span may end in the blank line after it)."""
    words = [t for t in before.sent if not t.is_space] or list(before.sent)
    end = words[-1].idx + len(words[-1])
    return breaks_paragraph(context.doc_text, end, context.sent.start_char)
