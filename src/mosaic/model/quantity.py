"""Counts of people as sources state them: exact, ranges, lower bounds."""

from __future__ import annotations

from dataclasses import dataclass, field

FormatCount = int | list[int | None]


@dataclass(frozen=True)
class Count:
    """A number of people, `low`..`high`; `high` is None for "more than N".

    `named` marks a count made one per person the text names ("X and his wife were
    killed": 2) where it states no number: weaker evidence of a toll than a number stated,
    which outranks it wherever both tell one event (`stated_first`). It is how the figure
    was read, not a part of its value: equal numbers compare equal. `claimed` marks a count
    the killers state of their own act ("the group said it had killed 40"), which a number
    another source states of the same event outranks in the same way. `part` marks a count
    of some of a group ("killing one of them", "two of the passengers were hurt"): a detail
    of an event whose toll counts the whole group, which a smaller part does not revise.
    """

    low: int
    high: int | None
    named: bool = field(default=False, compare=False)
    claimed: bool = field(default=False, compare=False)
    part: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        if self.low < 0 or (self.high is not None and self.high < self.low):
            raise ValueError(f"not a count range: {self.low}..{self.high}")

    @classmethod
    def exactly(cls, value: int) -> Count:
        return cls(value, value)

    @classmethod
    def at_least(cls, value: int) -> Count:
        return cls(value, None)

    @classmethod
    def of_named(cls, people: int) -> Count:
        """The count of the people a text names, where it states no number."""
        return cls(people, people, named=True)

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


def stated_first(kept: Count | None, other: Count | None) -> Count | None:
    """`kept` (the figure a merge would keep) unless it is weaker evidence than `other`, a
    number of the same event: only it counts named people ("12 were killed ... among them
    X, who was killed as he ..." is 12, wherever X's killing is told), or only it is the
    killers' claim ("10 soldiers were killed ... the group said it had killed 40" is 10)."""
    if kept is None or (other is not None and _weight(kept) < _weight(other)):
        return other
    return kept


def _weight(count: Count) -> int:
    """How a count was read, weakest first: people named, the killers' claim, a number
    another source states."""
    return 0 if count.named else 1 if count.claimed else 2
