"""Reading one date phrase ("on January 13", "late November", "two days later").

Pure functions over a cleaned, lower-case phrase and the dates it is read
against: `published` (the report's date; weekdays and "this year" count from
it) and `anchor` (the narrative's current date, for "the month before").
Each returns a `DateValue` or None; None means "not a date we can place",
which callers prefer to a guess.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from mosaic.extract import lexicon
from mosaic.extract.text.words import INDEFINITE_ARTICLES, NUMBER_WORDS
from mosaic.model import FuzzyDate, Precision

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|'?\d{2})"
_FULL_YEAR = r"(?P<year>\d{4}|'\d{2})"
_LEADING = re.compile(
    r"^(?:on|in|since|by|during|from|until|till|before|after|around|about|circa|c\.|"
    r"the|of|at|as of|early|late|mid-|mid|middle of|beginning of|end of|start of|"
    r"earlier|later|this past|the end of|the start of|as early as|"
    r"(?:small |wee )?hours of)(?![a-z])\s*",
)
_DAY_MONTH_YEAR = re.compile(rf"^{_DAY}(?: of)? {_MONTH},? {_YEAR}$")
_MONTH_DAY_YEAR = re.compile(rf"^{_MONTH} {_DAY},? {_FULL_YEAR}$")
_MONTH_YEAR = re.compile(rf"^{_MONTH},?(?: of)? {_FULL_YEAR}$")
_DAY_MONTH = re.compile(rf"^{_DAY}(?: of)? {_MONTH}$")
_MONTH_DAY = re.compile(rf"^{_MONTH} {_DAY}$")
_MONTH_ONLY = re.compile(rf"^{_MONTH}$")
_YEAR_ONLY = re.compile(r"^(?:the year |year )?(?P<year>\d{4})$")
_LAST_MONTH = re.compile(rf"^last {_MONTH}$")
_MONTH_OF_STEPPED_YEAR = re.compile(rf"^{_MONTH},?(?: of)? (?P<which>[a-z]+) year$")
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
_WEEKDAY = re.compile(
    r"^(?:last |this )?(?P<weekday>[a-z]+day)(?: (?:morning|night|evening|afternoon))?$"
)
_WEEKEND = re.compile(r"^(?:over (?:the )?)?(?:last |past |this )?weekend$")
_SATURDAY = 5
_OFFSET = re.compile(
    r"^(?P<n>a few|a couple of|\w+) (?P<unit>day|week|month|year)s? "
    r"(?P<dir>ago|later|earlier|before|previously|after|afterwards|on)$"
)
_NEW_YEAR = re.compile(r"^new year's day,? (?P<year>\d{4})$")
_UNITS = lexicon.ordered("dates.units")
_DAY_BEFORE = lexicon.words("dates.day_before")
_SAME_DAY = lexicon.words("dates.same_day")
_DAY_PARTS = _DAY_BEFORE | _SAME_DAY
"""The relative days read as one word ("last night", "this morning")."""
_FORWARD = lexicon.words("dates.forward")
_FROM_PUBLICATION = lexicon.words("dates.from_publication")
_STEPS = (
    dict.fromkeys(lexicon.ordered("dates.same_step"), 0)
    | dict.fromkeys(lexicon.ordered("dates.step_back"), -1)
    | dict.fromkeys(lexicon.ordered("dates.step_on"), 1)
)
"""How far "this", "last", "next" ... move a unit ("last month": one month back)."""
_NARRATIVE_STEPS = {word for word, step in _STEPS.items() if step == 0} - _FROM_PUBLICATION
"""The words naming the narrative's own unit ("that day", "the same night"), not the telling's."""
DAY_PART_NOUNS = lexicon.words("dates.time_nouns")
"""The parts of a day a phrase may name of the narrative's day ("that afternoon")."""
_NUMBER_WORDS = dict.fromkeys(INDEFINITE_ARTICLES, 1) | NUMBER_WORDS
_FEW = lexicon.words("dates.few")
FEW_DAYS = (2, 7)
"""What "a few days" may span: read as a month only when both ends fall in the same one."""


@dataclass(frozen=True)
class DateValue:
    """A resolved date phrase: a date, or a span `start`..`end`; `explicit` if it stated a year."""

    start: FuzzyDate
    end: FuzzyDate | None = None
    explicit: bool = False


@dataclass(frozen=True)
class DateContext:
    """What a phrase is read against: the publication date and the narrative's date."""

    published: dt.date | None
    anchor: FuzzyDate | None


def clean_phrase(phrase: str) -> str:
    """Lower case, single spaces, no leading prepositions or "early/late" modifiers, no
    possessive ending."""
    text = " ".join(phrase.lower().replace("’", "'").replace(",", " , ").split())
    text = text.replace(" ,", ",").strip(" ,.;:()[]\"'").removesuffix("'s")  # "last month's"
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text).strip()
    return text


def year_of(text: str, published: dt.date | None) -> int:
    """A four-digit year, or a two-digit one ("'90", "90") read in the publication's century."""
    digits = text.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    reference = published or dt.date.today()
    year = reference.year // 100 * 100 + int(digits)
    return year - 100 if year > reference.year + 1 else year


def month_with_year(month: int, context: DateContext) -> int | None:
    """The year of a month named without one: the anchor's year, or the one before
    when that month would lie after the publication date."""
    reference = context.anchor.year if context.anchor else None
    if reference is None:
        reference = context.published.year if context.published else None
    if reference is None:
        return None
    published = context.published
    if published and (reference, month) > (published.year, published.month):
        reference -= 1
    return reference


def read_absolute(text: str, context: DateContext) -> DateValue | None:
    """Dates that state their year: "13 January 2016", "Jan. 10, 2015", "May 2011", "2015"."""
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO):
        match = pattern.match(text)
        if match:
            return _day_value(match, year_of(match["year"], context.published))
    match = _MONTH_YEAR.match(text)
    if match:
        month = _month_number(match["month"])
        return DateValue(FuzzyDate(year_of(match["year"], context.published), month), explicit=True)
    match = _NEW_YEAR.match(text)
    if match:
        return DateValue(FuzzyDate(int(match["year"]), 1, 1), explicit=True)
    match = _YEAR_ONLY.match(text)
    if match and _plausible_year(int(match["year"]), context.published):
        return DateValue(FuzzyDate(int(match["year"])), explicit=True)
    return None


def read_partial(text: str, context: DateContext) -> DateValue | None:
    """Dates without a year: "13 January", "January 3", "November"."""
    for pattern in (_DAY_MONTH, _MONTH_DAY, _MONTH_ONLY):
        match = pattern.match(text)
        if not match:
            continue
        year = month_with_year(_month_number(match["month"]), context)
        if year is None:
            return None
        if pattern is _MONTH_ONLY:
            return DateValue(FuzzyDate(year, _month_number(match["month"])))
        return _day_value(match, year, explicit=False)
    return None


def read_stepped_month(text: str, context: DateContext) -> DateValue | None:
    """ "October last year", "May of this year", "June that year": the month in the year
    the step names, from the telling ("last", "this") or from the narrative's date. "Last
    August" only where both of the ways reports read it (the latest August, or the one a year
    back) agree: told before August comes round again, it is last year's."""
    last = _LAST_MONTH.match(text)
    if last is not None:
        return _last_month(_month_number(last["month"]), context.published)
    match = _MONTH_OF_STEPPED_YEAR.match(text)
    if not match or match["which"] not in _STEPS:
        return None
    base = _publication(context) if match["which"] in _FROM_PUBLICATION else context.anchor
    if base is None:
        return None
    return DateValue(FuzzyDate(base.year + _STEPS[match["which"]], _month_number(match["month"])))


def _last_month(month: int, published: dt.date | None) -> DateValue | None:
    """ "last September" told in January: last year's September; told in or after September,
    None (this year's, or last year's)."""
    if published is None or month <= published.month:
        return None
    return DateValue(FuzzyDate(published.year - 1, month))


def read_weekday(text: str, context: DateContext) -> DateValue | None:
    """ "Tuesday": the latest such day on or before the publication date (news usage); "last
    Friday" in a report of a Friday is the Friday a week before."""
    match = _WEEKDAY.match(text)
    if not match or match["weekday"] not in WEEKDAYS or context.published is None:
        return None
    back = (context.published.weekday() - WEEKDAYS[match["weekday"]]) % 7
    if back == 0 and text.startswith("last "):
        back = 7
    return DateValue(FuzzyDate.from_date(context.published - dt.timedelta(days=back)))


def read_weekend(text: str, context: DateContext) -> DateValue | None:
    """ "over the weekend": the latest Saturday and Sunday up to the publication date, which
    leave the day open; the month they lie in, where both lie in one."""
    if not _WEEKEND.match(text) or context.published is None:
        return None
    saturday = context.published - dt.timedelta(days=(context.published.weekday() - _SATURDAY) % 7)
    sunday = min(saturday + dt.timedelta(days=1), context.published)
    if (saturday.year, saturday.month) != (sunday.year, sunday.month):
        return None
    return DateValue(FuzzyDate(saturday.year, saturday.month))


def read_offset(text: str, context: DateContext) -> DateValue | None:
    """ "two days later", "three years ago": counted from the anchor ("ago": publication)."""
    match = _OFFSET.match(text)
    if not match:
        return None
    n = _NUMBER_WORDS.get(match["n"]) or (int(match["n"]) if match["n"].isdigit() else 0)
    forward = match["dir"] in _FORWARD
    base = _publication(context) if match["dir"] == "ago" else context.anchor
    if base is None:
        return None
    if match["n"] in _FEW and match["unit"] == "day":
        return _few_days(base, 1 if forward else -1)
    if not n:
        return None
    return shift(base, match["unit"], n if forward else -n)


def counts_days(text: str) -> bool:
    """Whether the phrase is an offset in days or weeks from the narrative's date ("two weeks
    earlier", "three days later"), which only a day can be counted from."""
    match = _OFFSET.match(text)
    return match is not None and match["dir"] != "ago" and match["unit"] in ("day", "week")


def _few_days(base: FuzzyDate, sign: int) -> DateValue | None:
    """ "a few days later": the month it falls in, when that month is sure."""
    if base.day is None:
        return DateValue(base) if base.month is not None else None
    days = [base.first_day() + dt.timedelta(days=sign * n) for n in FEW_DAYS]
    months = {(day.year, day.month) for day in days}
    return DateValue(FuzzyDate(*months.pop())) if len(months) == 1 else None


def read_named_relative(text: str, context: DateContext) -> DateValue | None:
    """ "this year", "last month", "the following year", "the month before", "today"."""
    words = text.split()
    if text in ("month", "year") and context.anchor is not None:
        return shift(context.anchor, text, 0)  # "earlier in the month", "later in the year"
    if _told_day_part(words) and context.anchor is not None:
        return DateValue(context.anchor) if context.anchor.day is not None else None
    if len(words) == 1 or text in _DAY_PARTS:
        return _single_word(text, _publication(context))
    if len(words) != 2:
        return None
    which, unit = words if words[1] in _UNITS else words[::-1]
    if unit not in _UNITS or which not in _STEPS:
        return None
    base = _publication(context) if which in _FROM_PUBLICATION else context.anchor
    if base is None or (which == "last" and unit == "day"):
        return None
    return shift(base, unit, _STEPS[which])


def _told_day_part(words: list[str]) -> bool:
    """ "that afternoon", "the same night", "(in the) evening": a part of the day the
    narrative is in, not of the telling ("this morning", "tonight")."""
    if len(words) == 1:
        return words[0] in DAY_PART_NOUNS
    return len(words) == 2 and words[0] in _NARRATIVE_STEPS and words[1] in DAY_PART_NOUNS


SHIFT_UNITS = ("year", "month", "week", "day")
"""The units `shift` moves a date by."""


def shift(base: FuzzyDate, unit: str, n: int) -> DateValue | None:
    """`base` moved by `n` units, at the precision the unit allows and the base has."""
    if unit == "year":
        return DateValue(FuzzyDate(base.year + n))
    if unit == "month" and base.month is not None:
        index = base.year * 12 + base.month - 1 + n
        return DateValue(FuzzyDate(index // 12, index % 12 + 1))
    if unit in ("day", "week") and base.day is not None:
        days = n * (7 if unit == "week" else 1)
        moved = FuzzyDate.from_date(base.first_day() + dt.timedelta(days=days))
        return DateValue(moved if unit == "day" else moved.truncate(Precision.MONTH))
    return None


def _single_word(text: str, published: FuzzyDate | None) -> DateValue | None:
    if published is None:
        return None
    if text == "today":
        return DateValue(published)
    if text in _DAY_BEFORE:
        return shift(published, "day", -1)
    if text in _SAME_DAY:
        return DateValue(published)
    return None


def _publication(context: DateContext) -> FuzzyDate | None:
    return FuzzyDate.from_date(context.published) if context.published else None


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".")]


def _day_value(match: re.Match[str], year: int, explicit: bool = True) -> DateValue | None:
    try:
        day = FuzzyDate(year, _month_number(match["month"]) if not match["month"].isdigit()
                        else int(match["month"]), int(match["day"]))  # fmt: skip
    except ValueError:
        return None
    return DateValue(day, explicit=explicit)


def _plausible_year(year: int, published: dt.date | None) -> bool:
    latest = published.year + 1 if published else dt.date.today().year + 1
    return 1900 <= year <= latest
