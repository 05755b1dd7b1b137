"""Counts of people as sources state them: exact, ranges, lower bounds."""

from __future__ import annotations

from dataclasses import dataclass

FormatCount = int | list[int | None]


@dataclass(frozen=True)
class Count:
    """A number of people, `low`..`high`; `high` is None for "more than N"."""

    low: int
    high: int | None

    def __post_init__(self) -> None:
        if self.low < 0 or (self.high is not None and self.high < self.low):
            raise ValueError(f"not a count range: {self.low}..{self.high}")

    @classmethod
    def exactly(cls, value: int) -> Count:
        return cls(value, value)

    @classmethod
    def at_least(cls, value: int) -> Count:
        return cls(value, None)

    @property
    def is_exact(self) -> bool:
        return self.low == self.high

    def to_format(self) -> FormatCount:
        """FORMAT.md's form: an int, or `[min, max]` with null for an open end."""
        return self.low if self.is_exact else [self.low, self.high]

    @classmethod
    def from_format(cls, value: FormatCount) -> Count:
        if isinstance(value, int):
            return cls.exactly(value)
        low, high = value
        return cls(low or 0, high)

    def __str__(self) -> str:
        if self.is_exact:
            return str(self.low)
        return f"{self.low}+" if self.high is None else f"{self.low}-{self.high}"
