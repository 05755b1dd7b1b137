"""The news of the day: a report's lead told in the present perfect dates its dateless events.

"Towns across the north have been hit by bombs that killed three" in a report published
on 5 May tells that day's news: the lead of a news report states what has just happened,
and the present perfect ("have been hit", "has arrested") says so. The report's date
stands for the event's only where nothing else dates it: the sentence names no date, and
no other finding of the same type in the report is dated on another day (the lead's "police
have arrested a man" is the arrest told later as "on Thursday").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span

from mosaic.extract.events.finder import DATE_CONFIDENCE
from mosaic.extract.events.rules.registry import rule_for
from mosaic.extract.text.boundaries import breaks_paragraph
from mosaic.extract.text.sentences import SentenceContext
from mosaic.extract.text.syntax import AUXILIARY_DEPS, PRESENT_TAGS, TIME_LABELS
from mosaic.model import EventFinding, FuzzyDate, Precision

LEAD_MIN_WORDS = 12
"""The lead is the report's first paragraph with a sentence this long (a title is shorter)."""
LEAD_SENTENCES = 3
"""A lead running on without a line break ends after this many sentences of prose."""


def date_news_leads(
    findings: Sequence[EventFinding], contexts: Sequence[SentenceContext], published: dt.date | None
) -> list[EventFinding]:
    """The findings, those told dateless in a present-perfect lead dated by the report."""
    lead = lead_contexts(contexts)
    if published is None or not any(tells_news(c.sent) for c in lead):
        return list(findings)
    day = FuzzyDate.from_date(published)
    undated = {c.evidence.start for c in lead if not _names_date(c.sent)}
    return [
        _dated(finding, day)
        if finding.evidence.start in undated and _open(finding, findings, day)
        else finding
        for finding in findings
    ]


def lead_contexts(contexts: Sequence[SentenceContext]) -> list[SentenceContext]:
    """The title lines and the first paragraph of prose (at most LEAD_SENTENCES sentences)."""
    lead: list[SentenceContext] = []
    prose = 0
    for before, context in zip([None, *contexts], contexts, strict=False):
        breaks = before is not None and _line_break(before.sent, context)
        if prose and (breaks or prose == LEAD_SENTENCES):
            break
        lead.append(context)
        prose += bool(prose) or sum(not t.is_punct for t in context.sent) >= LEAD_MIN_WORDS
    return lead if prose else []


def _line_break(before: Span, context: SentenceContext) -> bool:
    """Whether a paragraph break (a line break, but not a hard-wrapped line's) stands between
    the sentence before and this one."""
    words = [t for t in before if not t.is_space] or list(before)
    last = words[-1]
    return breaks_paragraph(context.doc_text, last.idx + len(last), context.sent.start_char)


def _names_date(sent: Span) -> bool:
    """Whether the sentence names a date, even one left unresolved ("last week")."""
    return any(t.ent_type_ in TIME_LABELS for t in sent)


def tells_news(sent: Span) -> bool:
    """Whether the sentence has a verb in the present perfect ("have been hit", "has fled")."""
    return any(
        t.lemma_.lower() == "have" and t.tag_ in PRESENT_TAGS and t.dep_ in AUXILIARY_DEPS
        and t.head.tag_ == "VBN"
        for t in sent
    )  # fmt: skip


def _open(finding: EventFinding, findings: Sequence[EventFinding], day: FuzzyDate) -> bool:
    """A dateless finding of a news type that no other finding of its type dates on another
    day (a background event dated only by its month or year is another event)."""
    if finding.date is not None or not rule_for(finding.type).report.news_lead:
        return False
    return not any(
        other.type is finding.type and other.date is not None and _other_day(other.date, day)
        for other in findings
    )


def _other_day(date: FuzzyDate, day: FuzzyDate) -> bool:
    """Whether `date` is another day, which may be that of the event the lead tells."""
    return date.precision is Precision.DAY and date != day


def _dated(finding: EventFinding, day: FuzzyDate) -> EventFinding:
    confidence = min(finding.confidence + DATE_CONFIDENCE, 0.95)
    return replace(finding, date=day, confidence=round(confidence, 3))
