"""Traffic Light Protocol markings, distribution and record ownership, and who may read them.

`Visibility.admits` is the one rule that decides whether a reader may see a
marked record; the SQL store writes the same rule as a WHERE clause
(`mosaic.store.aggregates.visible_in`), and a property test holds the two equal.
"""

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


COMMUNITY_DISTRIBUTIONS = (Distribution.COMMUNITY, Distribution.CONNECTED, Distribution.ALL)
"""The distributions that reach every organisation of this instance."""
COMMUNITY_TLPS = (Tlp.CLEAR, Tlp.GREEN)
"""The labels another organisation may read when the distribution reaches the community."""
GROUP_TLPS = (Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER)
"""The labels a sharing group's members may read: AMBER goes to named recipients only."""


@dataclass(frozen=True)
class Visibility:
    """What one reader may see: their organisation, and the sharing groups it belongs to.

    A record is visible when the reader's organisation owns it, or when its
    label and its distribution both let it reach the reader:

    - CLEAR and GREEN: every organisation the distribution reaches (the
      community for community, connected and all; the members for a group);
    - AMBER: the members of the sharing group it is distributed to, the
      owner's named recipients, and no one else;
    - AMBER+STRICT and RED: the owner's organisation only;
    - distribution `organisation`: the owner's organisation only, whatever the label.
    """

    organisation: str
    groups: frozenset[str] = frozenset()

    def admits(self, marking: Marking) -> bool:
        if marking.owner == self.organisation:
            return True
        if marking.distribution is Distribution.GROUP:
            return marking.tlp in GROUP_TLPS and marking.sharing_group in self.groups
        return marking.distribution in COMMUNITY_DISTRIBUTIONS and marking.tlp in COMMUNITY_TLPS
