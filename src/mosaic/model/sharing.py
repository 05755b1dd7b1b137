"""Sharing groups: named sets of organisations, here or on other instances, to share with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

LOCAL_INSTANCE = "local"
"""How members and records name this instance; another instance is named by its URL or name."""


@dataclass(frozen=True, order=True)
class GroupMember:
    """One organisation of one instance."""

    instance: str
    organisation: str

    @property
    def local(self) -> bool:
        return self.instance == LOCAL_INSTANCE

    def __str__(self) -> str:
        return self.organisation if self.local else f"{self.organisation}@{self.instance}"


@dataclass(frozen=True)
class SharingGroup:
    """A group that records marked `Distribution.GROUP` with its name are shared with.

    `owner` is the organisation that created it and manages its members; it is
    always a member itself, whatever `members` lists.
    """

    name: str
    owner: str
    created_at: dt.datetime
    members: frozenset[GroupMember] = frozenset()

    def includes(self, organisation: str, instance: str = LOCAL_INSTANCE) -> bool:
        if instance == LOCAL_INSTANCE and organisation == self.owner:
            return True
        return GroupMember(instance, organisation) in self.members
