"""Query parameters read once, with messages that say which parameter is wrong and why.

Parameters arrive as text and are parsed here rather than by FastAPI's type
coercion, so that a bad date or an unknown type is a 400 naming the parameter
and the accepted forms, never a 500 or an opaque validation dump.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, TypeVar

from fastapi import Query

from mosaic.errors import InputError
from mosaic.model import FuzzyDate, Tlp

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000  # far past any list, and inside every database's integers
E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class Page:
    """Which slice of a list to return: at most `limit` items after skipping `offset`."""

    limit: int
    offset: int


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
) -> Page:
    """FastAPI dependency: `limit` (1..500, default 50) and `offset` (0..MAX_OFFSET)."""
    return Page(limit, offset)


WebOffset = Annotated[int, Query(le=MAX_OFFSET, description="Items to skip.")]


def fuzzy_date(value: str | None, name: str) -> FuzzyDate | None:
    """A date parameter as written, or a 400; years 1 to 9999, as the calendar has them."""
    if value is None or value == "":
        return None
    try:
        date = FuzzyDate.parse(value)
        date.first_day()
        return date
    except ValueError as error:
        raise InputError(
            name, f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)"
        ) from error


def first_day(value: str | None, name: str) -> dt.date | None:
    """A date parameter taken as its first day: `since=2015` starts on 1 January 2015."""
    date = fuzzy_date(value, name)
    return date.first_day() if date else None


def last_day(value: str | None, name: str) -> dt.date | None:
    """A date parameter taken as its last day: `until=2015` ends on 31 December 2015."""
    date = fuzzy_date(value, name)
    return date.last_day() if date else None


def choice(value: str | None, kind: type[E], name: str) -> E | None:
    """One member of a string enum, or a 400 that lists the accepted values."""
    if value is None or value == "":
        return None
    try:
        return kind(value)
    except ValueError as error:
        known = ", ".join(member.value for member in kind)
        raise InputError(name, f"unknown value {value!r}; one of {known}") from error


def country(value: str | None, name: str = "country") -> str | None:
    """An ISO 3166 alpha-2 code, upper-cased."""
    if value is None or value == "":
        return None
    if len(value) != 2 or not value.isalpha() or not value.isascii():
        raise InputError(name, f"not an ISO alpha-2 country code: {value!r} (e.g. PK)")
    return value.upper()


def marking(value: str | None, name: str = "marking") -> Tlp | None:
    """A TLP label, with or without its `TLP:` prefix, in any case."""
    if value is None or value == "":
        return None
    text = value.strip().upper()
    return choice(text if text.startswith("TLP:") else f"TLP:{text}", Tlp, name)


def sort_key(value: str | None, allowed: tuple[str, ...], name: str = "sort") -> tuple[str, bool]:
    """`field` or `-field` (descending) for one of `allowed`; the first is the default."""
    text = value or allowed[0]
    descending = text.startswith("-")
    field = text.removeprefix("-")
    if field not in allowed:
        known = ", ".join(allowed)
        raise InputError(name, f"cannot sort by {field!r}; one of {known} (prefix - to reverse)")
    return field, descending
