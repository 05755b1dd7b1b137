"""The `AccessStore` half of the memory store: accounts, groups and the audit log in dicts.

Kept in the memory store's `_State`, so that a transaction that raises rolls
these back too, as the SQL store's transaction does.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from mosaic.errors import NotFoundError, StoreError
from mosaic.model import Marking
from mosaic.model.accounts import ApiToken, Organisation, Session, User
from mosaic.model.audit import AuditEntry
from mosaic.model.sharing import GroupMember, SharingGroup

_TABLES = {
    "report": "reports",
    "statement": "statements",
    "entity": "entities",
    "event": "events",
    "relation": "relations",
}


@dataclass
class AccessState:
    organisations: dict[str, Organisation] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    tokens: dict[str, ApiToken] = field(default_factory=dict)
    sessions: dict[str, Session] = field(default_factory=dict)
    groups: dict[str, SharingGroup] = field(default_factory=dict)
    audit: list[AuditEntry] = field(default_factory=list)


class _Holder(Protocol):
    access: AccessState


class MemoryAccess:
    """Mixed into `MemoryRepository`, whose `_state` holds an `AccessState` and the records."""

    _state: _Holder

    @property
    def _access(self) -> AccessState:
        return self._state.access

    def add_organisation(self, organisation: Organisation) -> None:
        _insert(self._access.organisations, organisation.name, organisation, "organisation")

    def get_organisation(self, name: str) -> Organisation | None:
        return self._access.organisations.get(name)

    def list_organisations(self) -> list[Organisation]:
        return sorted(self._access.organisations.values(), key=lambda o: o.name)

    def add_user(self, user: User) -> None:
        if user.organisation not in self._access.organisations:
            raise StoreError(f"memory store: no organisation {user.organisation}")
        _insert(self._access.users, user.name, user, "user")

    def get_user(self, name: str) -> User | None:
        return self._access.users.get(name)

    def list_users(self, organisation: str | None = None) -> list[User]:
        found = [u for u in self._access.users.values() if organisation in (None, u.organisation)]
        return sorted(found, key=lambda u: u.name)

    def add_token(self, token: ApiToken) -> None:
        _insert(self._access.tokens, token.id, token, "token")

    def get_token(self, token_id: str) -> ApiToken | None:
        return self._access.tokens.get(token_id)

    def tokens_of(self, user: str) -> list[ApiToken]:
        found = [t for t in self._access.tokens.values() if t.user == user]
        return sorted(found, key=lambda t: (t.created_at, t.id))

    def revoke_token(self, token_id: str, at: dt.datetime) -> bool:
        token = self._access.tokens.get(token_id)
        if token is None or not token.active:
            return False
        self._access.tokens[token_id] = replace(token, revoked_at=at)
        return True

    def add_session(self, session: Session) -> None:
        self._access.sessions[session.id_hash] = session

    def get_session(self, id_hash: str) -> Session | None:
        return self._access.sessions.get(id_hash)

    def delete_session(self, id_hash: str) -> None:
        self._access.sessions.pop(id_hash, None)

    def add_sharing_group(self, group: SharingGroup) -> None:
        _insert(self._access.groups, group.name, group, "sharing group")

    def get_sharing_group(self, name: str) -> SharingGroup | None:
        return self._access.groups.get(name)

    def list_sharing_groups(self) -> list[SharingGroup]:
        return sorted(self._access.groups.values(), key=lambda g: g.name)

    def add_group_member(self, group: str, member: GroupMember) -> None:
        found = self._group(group)
        self._access.groups[group] = replace(found, members=found.members | {member})

    def remove_group_member(self, group: str, member: GroupMember) -> bool:
        found = self._group(group)
        self._access.groups[group] = replace(found, members=found.members - {member})
        return member in found.members

    def _group(self, name: str) -> SharingGroup:
        found = self._access.groups.get(name)
        if found is None:
            raise NotFoundError(f"sharing group {name}: no such group")
        return found

    def set_marking(self, kind: str, record_id: str, marking: Marking) -> bool:
        if kind not in _TABLES:
            raise ValueError(f"not a kind of marked record: {kind}")
        table: dict[str, Any] = getattr(self._state, _TABLES[kind])
        stored = table.get(record_id)
        if stored is None:
            return False
        record = stored[0] if isinstance(stored, tuple) else stored
        record.marking = marking
        return True

    def lock_audit_log(self) -> None:
        """Nothing to do: the memory store is used from one thread at a time."""

    def last_audit_entry(self) -> AuditEntry | None:
        return self._access.audit[-1] if self._access.audit else None

    def append_audit_entry(self, entry: AuditEntry) -> None:
        if any(e.sequence == entry.sequence for e in self._access.audit):
            raise StoreError(f"memory store: audit entry {entry.sequence} exists already")
        self._access.audit.append(copy.deepcopy(entry))
        self._access.audit.sort(key=lambda e: e.sequence)

    def audit_entries(self, after: int = 0, limit: int = 1000) -> list[AuditEntry]:
        return [e for e in self._access.audit if e.sequence > after][:limit]


def _insert(table: dict[str, Any], key: str, value: object, what: str) -> None:
    if key in table:
        raise StoreError(f"memory store: {what} {key} exists already")
    table[key] = value
