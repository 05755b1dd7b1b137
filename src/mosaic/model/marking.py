"""Traffic Light Protocol markings and record ownership."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

LOCAL_ORGANISATION = "local"


class Tlp(StrEnum):
    """TLP 2.0 labels, least to most restrictive."""

    CLEAR = "TLP:CLEAR"
    GREEN = "TLP:GREEN"
    AMBER = "TLP:AMBER"
    AMBER_STRICT = "TLP:AMBER+STRICT"
    RED = "TLP:RED"

    @property
    def rank(self) -> int:
        return list(Tlp).index(self)


@dataclass(frozen=True)
class Marking:
    """Who owns a record and how far it may be shared.

    Every stored record carries one, so that sharing rules can be enforced later
    without changing what existing records mean.
    """

    owner: str = LOCAL_ORGANISATION
    tlp: Tlp = Tlp.CLEAR


DEFAULT_MARKING = Marking()
