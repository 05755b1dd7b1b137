"""A group's founding date from the summary box of an encyclopedia-style page.

Pages about a group open with a box of fields ("Active 26 January 2015–present",
"Dates of operation 1996–present", "Founded: May 2000"), and their prose often
states the founding with less precision ("formed in 1998") or none ("was
founded by four activists"). The box's date belongs to the page's subject: the
group the document names most, so only that group's founding takes it, and
only where it agrees with what the sentence says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mosaic.extract.dates.document import DateResolver
from mosaic.extract.entities.mentions import EntityMention
from mosaic.extract.text.sentences import SentenceContext, topic_group
from mosaic.model import FuzzyDate

BOX_CHARS = 4000
"""The summary box stands at the top of the page."""
_START_FIELD = re.compile(
    r"^[\s|*-]*(?:active|founded|formation|formed|established|foundation|dates of operation|"
    r"years active|date founded)(?![a-z])[\s|:]*(?P<date>[^\n\[|–—(]{4,30}?)\s*(?:\[\w+\]\s*)*"
    r"(?:[–—-]|\||\(|$)",
    re.IGNORECASE | re.MULTILINE,
)


def box_start_date(text: str) -> FuzzyDate | None:
    """The first start date the summary box gives, when it states a year."""
    for match in _START_FIELD.finditer(text[:BOX_CHARS]):
        value = DateResolver(None).resolve(match["date"].strip())
        if value is not None and value.explicit:
            return value.start
    return None


def founding_date(
    date: FuzzyDate | None, founded: Sequence[EntityMention], context: SentenceContext
) -> FuzzyDate | None:
    """The founding's date, refined by the page's box where the founded group is its subject
    and the box agrees with the sentence ("formed in 1998" and "Active August 1998–")."""
    topic = topic_group(context.doc_mentions)
    if topic is None or topic.ref is None or all(m.ref != topic.ref for m in founded):
        return date
    boxed = box_start_date(context.doc_text)
    if boxed is None or (date is not None and not boxed.compatible(date)):
        return date
    if date is not None and len(boxed.iso()) <= len(date.iso()):
        return date
    return boxed
