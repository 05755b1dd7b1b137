"""Publication dates as files state them: ISO, day-month-year, month-day-year, RFC 822, PDF.

Only fixed formats are accepted, never a guess, so that a date such as 03/04/2016
is refused rather than read as March or April depending on the machine.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from mosaic.errors import InputError

_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2}) ([a-z]+),? (\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+) (\d{1,2}),? (\d{4})$")
_SLASHED = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_MONTH_NAMES = (
    *("january", "february", "march", "april", "may", "june", "july"),
    *("august", "september", "october", "november", "december"),
)
_MONTHS = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}
EXAMPLES = "2016-01-21, 21 January 2016, Jan 21, 2016 or Thu, 21 Jan 2016 10:00:00 +0000"


def parse_published(value: str, source: str) -> dt.date:
    """The calendar date in `value`; raise InputError naming `source` when none is found.

    A timestamp keeps the date as written in its own time zone: a report published
    at 23:30 local time belongs to that day, not to the next one in UTC.
    """
    text = " ".join(value.split())
    for parse in (_parse_iso, _parse_pdf, _parse_rfc822, _parse_written):
        found = parse(text)
        if found is not None:
            return found
    raise InputError(source, f"published date {value!r} is not a date (expected e.g. {EXAMPLES})")


def _parse_iso(text: str) -> dt.date | None:
    match = _ISO_DAY.match(text)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _parse_pdf(text: str) -> dt.date | None:
    """PDF metadata dates (`D:20160121093000+05'00'`); a missing month or day means 1."""
    match = _PDF_DATE.match(text)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return None


def _parse_rfc822(text: str) -> dt.date | None:
    if not re.search(r"\d{1,2}:\d{2}", text):
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _parse_written(text: str) -> dt.date | None:
    """English dates with the month in words, with or without a weekday, dots or ordinals.

    Month names come from a table rather than the C library, so that the result
    does not depend on the machine's locale.
    """
    cleaned = _ORDINAL.sub("", _WEEKDAY.sub("", text.lower())).replace(".", "")
    if match := _DAY_MONTH_YEAR.match(cleaned):
        day, month, year = match[1], _MONTHS.get(match[2]), match[3]
    elif match := _MONTH_DAY_YEAR.match(cleaned):
        month, day, year = _MONTHS.get(match[1]), match[2], match[3]
    elif match := _SLASHED.match(cleaned):
        year, month, day = match[1], int(match[2]), match[3]
    else:
        return None
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None
