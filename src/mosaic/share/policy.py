"""What one reader may see, as the API, the web pages, the analyses and the exports ask it.

Every record carries a `Marking` (owner, TLP label, distribution, sharing
group). The rule itself is `mosaic.model.Visibility.admits`: written once, in
the model, and mirrored in SQL by the store. A policy is that rule for one
reader, or a reader who sees everything (the lone analyst of an instance
without users).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from mosaic.model import LOCAL_ORGANISATION, Marking, Visibility
from mosaic.model.sharing import SharingGroup


class Marked(Protocol):
    """Anything that carries a marking: reports, entities, events, relations, statements."""

    @property
    def marking(self) -> Marking: ...


M = TypeVar("M", bound=Marked)


@dataclass(frozen=True)
class AccessPolicy:
    """What one reader may see: the records `Visibility.admits` for their organisation and
    the sharing groups it belongs to; everything when `everything` is set."""

    organisation: str = LOCAL_ORGANISATION
    user: str = "analyst"
    groups: frozenset[str] = frozenset()
    everything: bool = False

    @classmethod
    def local(cls, user: str = "analyst") -> AccessPolicy:
        """The analyst working on their own knowledge base: every record is theirs to see."""
        return cls(LOCAL_ORGANISATION, user, everything=True)

    @classmethod
    def member(
        cls, organisation: str, user: str, sharing_groups: Iterable[SharingGroup]
    ) -> AccessPolicy:
        """A user of `organisation`, reading through the sharing groups it belongs to."""
        joined = frozenset(g.name for g in sharing_groups if g.includes(organisation))
        return cls(organisation, user, joined)

    @property
    def sees_everything(self) -> bool:
        """True when no record can be hidden, so readers may skip filtering."""
        return self.everything

    @property
    def visibility(self) -> Visibility | None:
        """The rule the store applies for this reader; None when they see everything."""
        return None if self.everything else Visibility(self.organisation, self.groups)

    def allows(self, marking: Marking) -> bool:
        return self.everything or Visibility(self.organisation, self.groups).admits(marking)

    def can_see(self, record: Marked | None) -> bool:
        return record is not None and self.allows(record.marking)

    def visible(self, record: M | None) -> M | None:
        """The record itself if the reader may see it, else None (as if it did not exist)."""
        return record if self.can_see(record) else None

    def only_visible(self, records: Iterable[M]) -> list[M]:
        return [record for record in records if self.allows(record.marking)]
