"""Traffic Light Protocol markings, distribution and record ownership."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

LOCAL_ORGANISATION = "local"

# Labels of TLP 1.0 and common spellings, read as the TLP 2.0 label they became.
_LEGACY_TLP = {
    "TLP:WHITE": "TLP:CLEAR",
    "WHITE": "TLP:CLEAR",
    "CLEAR": "TLP:CLEAR",
    "GREEN": "TLP:GREEN",
    "AMBER": "TLP:AMBER",
    "AMBER+STRICT": "TLP:AMBER+STRICT",
    "TLP:AMBER-STRICT": "TLP:AMBER+STRICT",
    "TLP:AMBER_STRICT": "TLP:AMBER+STRICT",
    "RED": "TLP:RED",
}


class Tlp(StrEnum):
    """TLP 2.0 labels, least to most restrictive.

    `Tlp("TLP:WHITE")` is `Tlp.CLEAR`: labels of TLP 1.0 still read, so records
    and files marked before TLP 2.0 keep their meaning.
    """

    CLEAR = "TLP:CLEAR"
    GREEN = "TLP:GREEN"
    AMBER = "TLP:AMBER"
    AMBER_STRICT = "TLP:AMBER+STRICT"
    RED = "TLP:RED"

    @property
    def rank(self) -> int:
        return list(Tlp).index(self)

    @classmethod
    def _missing_(cls, value: object) -> Tlp | None:
        if not isinstance(value, str):
            return None
        label = value.strip().upper().replace(" ", "")
        known = _LEGACY_TLP.get(label, label)
        return next((tlp for tlp in cls if tlp.value == known), None)


class Distribution(StrEnum):
    """How far a record may travel, in MISP's sense; TLP says who may read it there.

    ORGANISATION: the owner's organisation only; COMMUNITY: every organisation
    of this instance; CONNECTED: this instance and those connected to it; ALL:
    any instance, passed on further; GROUP: the members of one sharing group,
    named in `Marking.sharing_group`.
    """

    ORGANISATION = "organisation"
    COMMUNITY = "community"
    CONNECTED = "connected"
    ALL = "all"
    GROUP = "group"


DEFAULT_DISTRIBUTION = Distribution.COMMUNITY


@dataclass(frozen=True)
class Marking:
    """Who owns a record, how far it may be shared, and who may read it.

    Every stored record carries one. `sharing_group` is set exactly when the
    distribution is GROUP.
    """

    owner: str = LOCAL_ORGANISATION
    tlp: Tlp = Tlp.CLEAR
    distribution: Distribution = DEFAULT_DISTRIBUTION
    sharing_group: str | None = None

    def __post_init__(self) -> None:
        if (self.distribution is Distribution.GROUP) != (self.sharing_group is not None):
            raise ValueError("a marking names a sharing group exactly when distributed to one")


DEFAULT_MARKING = Marking()
