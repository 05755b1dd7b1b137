"""Dates known to a precision of a day, a month or a year."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A calendar date cut to what the source states: `2016-01-13`, `2015-08` or `2002`."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            dt.date(self.year, self.month or 1, self.day)  # raises on 31 February

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Read the ISO form written by `iso()`; raise ValueError otherwise."""
        match = _ISO.match(text.strip())
        if not match:
            raise ValueError(f"not an ISO date of year, month or day precision: {text!r}")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def from_date(cls, value: dt.date) -> FuzzyDate:
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return self.first_day()
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def truncate(self, precision: Precision) -> FuzzyDate:
        """This date cut to a coarser precision (never refined)."""
        if precision is Precision.YEAR:
            return FuzzyDate(self.year)
        if precision is Precision.MONTH and self.month is not None:
            return FuzzyDate(self.year, self.month)
        return self

    def compatible(self, other: FuzzyDate) -> bool:
        """Equal at the coarser of the two precisions (FORMAT.md's rule)."""
        coarser = min(self.precision, other.precision, key=_PRECISION_ORDER.index)
        return self.truncate(coarser) == other.truncate(coarser)

    def __str__(self) -> str:
        return self.iso()


_PRECISION_ORDER = [Precision.YEAR, Precision.MONTH, Precision.DAY]
