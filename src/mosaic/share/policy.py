"""The one rule that decides which records a reader may see.

Every record carries a `Marking` (owner and TLP label). A reader belongs to an
organisation and is cleared up to a TLP label: records of their own
organisation are always visible, others' records only up to that clearance.
Today the only reader is the local analyst, who sees everything; the rule is
written once here so that sharing can be switched on without touching the
API, the web pages or the analyses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from mosaic.model import LOCAL_ORGANISATION, Marking, Tlp


class Marked(Protocol):
    """Anything that carries a marking: reports, entities, events, relations, statements."""

    @property
    def marking(self) -> Marking: ...


M = TypeVar("M", bound=Marked)


@dataclass(frozen=True)
class AccessPolicy:
    """What one reader may see: their organisation's records, and others' up to `clearance`."""

    organisation: str = LOCAL_ORGANISATION
    clearance: Tlp = Tlp.RED
    user: str = "analyst"

    @classmethod
    def local(cls, user: str = "analyst") -> AccessPolicy:
        """The analyst working on their own knowledge base: every record is theirs to see."""
        return cls(LOCAL_ORGANISATION, Tlp.RED, user)

    @property
    def sees_everything(self) -> bool:
        """True when no record can be hidden, so readers may skip filtering."""
        return self.clearance is Tlp.RED

    def allows(self, marking: Marking) -> bool:
        return marking.owner == self.organisation or marking.tlp.rank <= self.clearance.rank

    def can_see(self, record: Marked | None) -> bool:
        return record is not None and self.allows(record.marking)

    def visible(self, record: M | None) -> M | None:
        """The record itself if the reader may see it, else None (as if it did not exist)."""
        return record if self.can_see(record) else None

    def only_visible(self, records: Iterable[M]) -> list[M]:
        return [record for record in records if self.allows(record.marking)]

    def allowed_tlps(self) -> tuple[Tlp, ...]:
        """The labels visible whatever the owner: what SQL aggregations filter on."""
        return tuple(tlp for tlp in Tlp if tlp.rank <= self.clearance.rank)
