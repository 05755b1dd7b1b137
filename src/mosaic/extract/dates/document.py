"""Dates in a document: DATE phrases normalised against the publication date and the narrative.

`DateResolver` reads phrases in document order and keeps the narrative's current
date: "In August, ... By September ..." both take the year the story is in,
and "two days later" counts from the last date read. The anchor resets at each
paragraph, where articles go back to the present (a background paragraph's
"May 2013" must not turn the next paragraph's "In August" into 2013). Weekdays
and "this year" count from the publication date, as news reports use them.
The `mosaic_dates_v1` component stores what it found on `doc._.mosaic_dates`
as plain lists, so documents cross process boundaries in `nlp.pipe`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from mosaic.extract import lexicon
from mosaic.extract.dates.phrases import (
    DAY_PART_NOUNS,
    MONTHS,
    WEEKDAYS,
    DateContext,
    DateValue,
    clean_phrase,
    counts_days,
    read_absolute,
    read_named_relative,
    read_offset,
    read_partial,
    read_stepped_month,
    read_weekday,
    read_weekend,
)
from mosaic.extract.text.boundaries import breaks_paragraph
from mosaic.extract.text.syntax import NOUN_MODIFIER_DEPS
from mosaic.model import FuzzyDate

DATES_ATTR = "mosaic_dates"
PUBLISHED_ATTR = "mosaic_published"
_SKIP = re.compile(
    r"\d0s\b|\b(?:centur(?:y|ies)|decades?|ages?|aged|old|hours?|minutes?|seconds?|recent|past|"
    r"coming|seasons?|times?|weekend|era|period)\b|\d+ (?:years|months|weeks|days)$"
)
_RANGE = re.compile(r"^(?:between |from )?(?P<a>.+?) ?(?: and | to | until | till |-|–)(?P<b>.+)$")
_DAY_RANGE = re.compile(
    r"^(?P<month>[a-z]+)\.? (?P<d1>\d{1,2}) ?[-–] ?(?P<d2>\d{1,2})(?P<rest>,? \d{4})?$"
)
_MONTH_NAMES = "|".join(
    form for m in sorted(MONTHS, key=len, reverse=True) for form in (m.capitalize(), m.upper())
)
_EXPLICIT = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{_MONTH_NAMES})\.?,? \d{{4}}"
    rf"|(?:{_MONTH_NAMES})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    rf"|(?:{_MONTH_NAMES}),? \d{{4}}"
    r"|(?:19|20)\d\d ?[–-] ?(?:19|20)\d\d)\b"
)
_DEICTIC = re.compile(r"\b(?:[Tt]oday|[Yy]esterday|[Tt]onight)\b(?!')")
"""Days named from the telling, which the NER sometimes misses ("It's a hard day today.")."""
_DAY_PART = re.compile(
    r"\b(?:(?:[Tt]hat|[Tt]he same) |(?<=\b[Ii]n )the )(?:"
    + "|".join(sorted(DAY_PART_NOUNS))
    + r")\b(?! of\b)"
)
"""A part of the narrative's day ("that afternoon", "the same night", "in the evening"),
which the NER tells as a time or not at all; not "the morning of 3 May", a date of its own."""
DATELINE_CHARS = 120
_DATELINE = re.compile(
    rf"\b\d{{1,2}} (?:{_MONTH_NAMES})\.?,? (?:\d{{4}}|\d{{2}})\b"
    rf"|\b(?:{_MONTH_NAMES})\.? \d{{1,2}},? \d{{4}}\b"
)
_YEAR = re.compile(r"\b\d{4}\b")
_UNIT_END = re.compile(r"\b(?:day|week|month|year)s?$", re.IGNORECASE)
_ADVERB_AFTER = re.compile(
    r"^ (?:earlier|later|previously|afterwards|beforehand|before|after)"
    r"(?=[,.;:)]|$|\s+(?:in|on|at|during|when|while|and|but|as)\b)"
)
"""A direction after a span of time: "the month before in Syria", "two days later, ..."."""
_ASIDE = re.compile(r" [-–—] ")
_APPOSITION = re.compile(r"^[\s,(]*(?:[A-Z][a-z]+\s+)?$")
_HAS_MONTH_OR_YEAR = re.compile(rf"\b(?:{_MONTH_NAMES.lower()})\b|\b\d{{4}}\b")


@dataclass(frozen=True)
class DateMention:
    """A date phrase at characters `start`..`end` of the document, with its value."""

    start: int
    end: int
    value: DateValue


class DateResolver:
    """Resolves date phrases in reading order, keeping the narrative's current date."""

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.anchor: FuzzyDate | None = None
        self.previous: FuzzyDate | None = None
        self.last_day: FuzzyDate | None = None
        """The last day read: what an offset in days counts from when the narrative's date
        is a year named in passing (`_day_before`)."""

    def new_paragraph(self) -> None:
        """Back to the present: the next phrase is read against the publication date; only
        a relative one ("the next day", "a week later") still counts from the last date read."""
        self.previous = self.anchor or self.previous
        self.anchor = None

    def resolve(self, phrase: str) -> DateValue | None:
        """The phrase's date (or span), or None when it names no placeable date."""
        text = clean_phrase(phrase)
        if weekend := read_weekend(text, self._context()):
            return weekend  # before _SKIP, which keeps "weekend" out of every other reading
        if not text or _SKIP.search(text) or (text.isdigit() and len(text) != 4):
            return None
        value = self._span(text) or self._single(text)
        # "Last August, X. In April, Y": a month stepped from the telling is a recap's, not
        # the narrative's, so a month named after it without a year is still this year's.
        if value is not None and read_stepped_month(text, self._context()) is None:
            self.anchor = value.end or value.start
        if value is not None and self.anchor is not None and self.anchor.day is not None:
            self.last_day = self.anchor
        return value

    def _context(self) -> DateContext:
        return DateContext(self.published, self.anchor)

    def _single(self, text: str) -> DateValue | None:
        context = self._context()
        for reader in (read_absolute, read_partial, read_stepped_month, read_weekday):
            value = reader(text, context)
            if value is not None:
                return value
        base = self.anchor or self.previous
        if base is not None and base.day is None and counts_days(text):
            base = self._day_before(base)
        relative = DateContext(self.published, base)
        for reader in (read_offset, read_named_relative):
            value = reader(text, relative)
            if value is not None:
                return value
        return self._fallback(text)

    def _day_before(self, base: FuzzyDate) -> FuzzyDate:
        """The last day read, for an offset in days counted from a year named in passing, at or
        before that day ("on Sunday ... since 2015 ... Two weeks earlier"); `base` itself after
        a month, which moves the narrative ("on January 10 ... By April ... two days later")."""
        day = self.last_day
        if day is None or base.month is not None or base.year > day.year:
            return base
        return day

    def _span(self, text: str) -> DateValue | None:
        """ "between July and November", "2012 and 2013", "October 15-30"."""
        match = _DAY_RANGE.match(text)
        if match and match["month"] in MONTHS:
            first = self._single(f"{match['month']} {match['d1']}{match['rest'] or ''}")
            last = self._single(f"{match['month']} {match['d2']}{match['rest'] or ''}")
            return _joined(first, last)
        match = _RANGE.match(text)
        if not match:
            return None
        last = self._single(clean_phrase(match["b"]))
        if last is not None and last.explicit:
            self.anchor = last.start
        first = self._single(clean_phrase(match["a"]))
        return _joined(first, last)

    def _fallback(self, text: str) -> DateValue | None:
        """dateparser for the forms the rules do not know; only phrases naming a month or year."""
        base = self.anchor.first_day() if self.anchor else self.published
        if not _HAS_MONTH_OR_YEAR.search(text) or (base is None and not _YEAR.search(text)):
            return None
        data = _date_parser(base).get_date_data(text)
        when, period = data["date_obj"], data["period"]
        if when is None or period not in ("day", "month", "year"):
            return None
        if not _plausible(when.year, self.published):
            return None
        explicit = bool(re.search(r"\b\d{4}\b", text))
        if period == "year":
            return DateValue(FuzzyDate(when.year), explicit=explicit)
        if period == "month":
            return DateValue(FuzzyDate(when.year, when.month), explicit=explicit)
        return DateValue(FuzzyDate(when.year, when.month, when.day), explicit=explicit)


def _plausible(year: int, published: dt.date | None) -> bool:
    return 1900 <= year <= (published or dt.date.today()).year + 1


def _joined(first: DateValue | None, last: DateValue | None) -> DateValue | None:
    if first is None or last is None or last.start < first.start:
        return None
    return DateValue(first.start, last.start, first.explicit or last.explicit)


@functools.lru_cache(maxsize=64)
def _date_parser(base: dt.date | None) -> Any:
    from dateparser.date import DateDataParser  # lazy: slow to import, rarely needed

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def date_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of date phrases: spaCy's DATE entities plus explicit dates and the days
    named from the telling that it missed."""
    text = doc.text
    found = [_with_direction(text, ent.start_char, ent.end_char)
             for ent in doc.ents if _is_date_ent(ent) and not _custom_of_a_day(ent)]  # fmt: skip
    found += [(m.start(), m.end()) for m in _EXPLICIT.finditer(text)]
    found += [(m.start(), m.end()) for m in _DEICTIC.finditer(text)]
    found += [(m.start(), m.end()) for m in _DAY_PART.finditer(text)]
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda span: (span[0], span[0] - span[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


_TIME_NOUNS = lexicon.words("dates.time_nouns")


def _is_date_ent(ent: Span) -> bool:
    """A DATE entity, or a TIME one that names its day ("late Wednesday", "Monday night", "the
    early hours of Saturday"): the NER labels a weekday with its part of the day a time."""
    if ent.label_ == "DATE":
        return True
    return ent.label_ == "TIME" and any(t.lower_ in WEEKDAYS for t in ent)


def _custom_of_a_day(ent: Span) -> bool:
    """ "at Friday prayers", "the Sunday market": a weekday naming what happens on it, not a
    date ("Friday morning" and "Sunday's attack" are dates). An act "during Sunday Mass" or
    "during Friday prayers" took place in that day's rite: the weekday dates it."""
    if len(ent) != 1 or ent[0].lower_ not in WEEKDAYS:
        return False
    word = ent[0]
    return (
        word.dep_ in NOUN_MODIFIER_DEPS
        and word.head.pos_ == "NOUN"
        and word.head.lower_ not in _TIME_NOUNS
        and not is_occasion(word.head)
    )


def is_occasion(noun: Token) -> bool:
    """ "during Sunday Mass", "during Friday prayers": a noun told as the time something
    happened in, which a date on it dates."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "during"


def _with_direction(text: str, start: int, end: int) -> tuple[int, int]:
    """The span with the direction word spaCy leaves out ("the month" + "before"), and
    without the line breaks the NER sometimes takes in after a dateline."""
    end = start + len(text[start:end].rstrip())
    if not _UNIT_END.search(text[start:end]):
        return start, end
    match = _ADVERB_AFTER.match(text[end : end + 40])
    return (start, end + match.end()) if match else (start, end)


def _resolved(resolver: DateResolver, text: str, start: int, end: int) -> DateMention | None:
    """The phrase's date; for "January 15 - three days before ...", the part before the dash."""
    value = resolver.resolve(text[start:end])
    if value is None and (aside := _ASIDE.search(text, start, end)) is not None:
        end = aside.start()
        value = resolver.resolve(text[start:end])
    return DateMention(start, end, value) if value is not None else None


def resolve_doc_dates(doc: Doc, published: dt.date | None) -> list[DateMention]:
    """Every placeable date phrase of the document, read in order."""
    resolver = DateResolver(published)
    mentions: list[DateMention] = []
    last_end, text = 0, doc.text
    for start, end in date_spans(doc):
        if breaks_paragraph(text, last_end, start):
            resolver.new_paragraph()
        elif mentions and mentions[-1].end == last_end and _APPOSITION.match(text[last_end:start]):
            mentions[-1] = _named_day(resolver, text, mentions[-1], start, end)
            last_end = mentions[-1].end  # moved on only where the weekday took the day's date
            continue  # "On 27 March 2016, Easter Sunday": the second names the same day
        mention = _resolved(resolver, text, start, end)
        if mention is not None:
            mentions.append(mention)
        last_end = end
    return mentions


def _named_day(
    resolver: DateResolver, text: str, weekday: DateMention, start: int, end: int
) -> DateMention:
    """ "On Monday, 4 August": a weekday the day after it names, which says which Monday it
    is (the weekday alone is read as the latest before publication); else the first."""
    if text[weekday.start : weekday.end].strip().lower() not in WEEKDAYS:
        return weekday
    day = _resolved(resolver, text, start, end)
    if day is None or day.value.start.day is None or day.value.end is not None:
        return weekday
    return DateMention(weekday.start, day.end, day.value)


HEADING_LINES = 5
"""The lines a report's heading may take (outlet, kind, title, speakers)."""
TELLING_DAYS = 7
"""How long before its posting a heading's day may be ("Briefing Aug. 26", posted Aug. 27)."""
_LINE_END_DATE = re.compile(
    rf"(?:\d{{1,2}} (?:{_MONTH_NAMES})\.?,? \d{{4}}|(?:{_MONTH_NAMES})\.? \d{{1,2}},? \d{{4}})\s*$"
)


def heading_day(text: str, published: dt.date | None) -> dt.date | None:
    """The day a heading line ends with, when it is a few days before the posting: a
    transcript or statement posted later ("... Holds a Press Briefing Aug. 26, 2021") says
    "today" of that day."""
    if published is None:
        return None
    days = []
    for line in [line for line in text.splitlines() if line.strip()][:HEADING_LINES]:
        match = _LINE_END_DATE.search(line)
        value = DateResolver(published).resolve(match.group(0)) if match else None
        if value is not None and value.start.day is not None:
            days.append(value.start.first_day())
    earlier = [d for d in days if 0 < (published - d).days <= TELLING_DAYS]
    return min(earlier) if earlier else None


def dateline(text: str) -> dt.date | None:
    """The full date of a wire dateline ("SAN SALVADOR, 18 FEB 90 (DPA) --"), for reports
    that come without a publication date."""
    match = _DATELINE.search(text[:DATELINE_CHARS])
    value = DateResolver(None).resolve(match.group(0)) if match else None
    if value is None or value.start.day is None:
        return None
    return value.start.first_day()


def register_extensions() -> None:
    """The Doc attributes this module reads and writes (idempotent)."""
    for name in (DATES_ATTR, PUBLISHED_ATTR):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@Language.component("mosaic_dates_v1")
def annotate_dates(doc: Doc) -> Doc:
    """Sets `doc._.mosaic_dates` to [start, end, iso, iso_end, explicit] rows; reads
    `doc._.mosaic_published` (ISO date) when the caller set it."""
    published_iso = getattr(doc._, PUBLISHED_ATTR)
    text = doc.text
    published = dt.date.fromisoformat(published_iso) if published_iso else dateline(text)
    published = heading_day(text, published) or published
    rows = [
        [
            m.start,
            m.end,
            m.value.start.iso(),
            m.value.end.iso() if m.value.end else "",
            m.value.explicit,
        ]
        for m in resolve_doc_dates(doc, published)
    ]
    setattr(doc._, DATES_ATTR, rows)
    return doc


def doc_dates(doc: Doc) -> list[DateMention]:
    """The date mentions `mosaic_dates_v1` stored on the document."""
    rows = getattr(doc._, DATES_ATTR) or []
    return [
        DateMention(start, end, DateValue(FuzzyDate.parse(iso),
                                          FuzzyDate.parse(iso_end) if iso_end else None, explicit))
        for start, end, iso, iso_end, explicit in rows
    ]  # fmt: skip


register_extensions()
