"""The day a hard-wrapped paragraph goes on in, for the events it tells after naming it.

The finder dates a dateless sentence by the day named before it in its paragraph
(`SentenceContext.narrative`), where a paragraph ends at a line break. Wire copy wraps its
lines mid-sentence, so there the day named on one line ("Yesterday morning terrorists
machine-gunned a bus ...") would not reach the next line's "The bus was attacked on the
coastal highway". This stage gives such an event, still dateless after the merge, the last
day its paragraph named before it, where a paragraph ends only at a paragraph break
(`text.boundaries.breaks_paragraph`). It runs after the merge so that the day fills a date
left open without linking events the report tells apart; in text of one paragraph a line
the finder has already done the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from mosaic.extract.dates.phrases import DateValue
from mosaic.extract.events.finder import sentence_states_a_date
from mosaic.extract.text.boundaries import breaks_paragraph
from mosaic.extract.text.sentences import SentenceContext
from mosaic.model import EventFinding


def date_by_paragraph(
    events: Sequence[EventFinding], contexts: Sequence[SentenceContext]
) -> list[EventFinding]:
    """The events, those still dateless dated by the day their paragraph named before them."""
    days = paragraph_days(contexts)
    return [
        replace(event, date=day.start, date_end=day.end)
        if event.date is None and (day := days.get(event.evidence.start)) is not None
        else event
        for event in events
    ]


def paragraph_days(contexts: Sequence[SentenceContext]) -> dict[int, DateValue]:
    """Where each dateless sentence starts -> the last date its paragraph named before it,
    when that date is a day."""
    days: dict[int, DateValue] = {}
    last: DateValue | None = None
    for before, context in zip([None, *contexts], contexts, strict=False):
        if before is None or _new_paragraph(before, context):
            last = None
        if context.dates:
            last = context.dates[-1].value
        elif (
            last is not None and last.start.day is not None and not sentence_states_a_date(context)
        ):
            days[context.evidence.start] = last
    return days


def _new_paragraph(before: SentenceContext, context: SentenceContext) -> bool:
    """Whether a paragraph break stands between the sentence's last word and the next one
    (a sentence's span may end in the blank line after it)."""
    words = [t for t in before.sent if not t.is_space] or list(before.sent)
    end = words[-1].idx + len(words[-1])
    return breaks_paragraph(context.doc_text, end, context.sent.start_char)
