"""Who uses an instance: organisations, their users and roles, API tokens and web sessions.

Only what a token or session *is* lives here; making and checking secrets is
`mosaic.share.tokens` (it needs a memory-hard hash from a third-party library).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

_HANDLE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}")


def is_handle(name: str) -> bool:
    """A name that organisations, users and groups are known by: letters, digits, `._-`."""
    return _HANDLE.fullmatch(name) is not None


class Role(StrEnum):
    """What a user may do: read; also write (ingest, review, mark); also manage the instance."""

    READER = "reader"
    ANALYST = "analyst"
    ADMIN = "admin"

    @property
    def can_write(self) -> bool:
        return self is not Role.READER

    @property
    def can_administer(self) -> bool:
        return self is Role.ADMIN


@dataclass(frozen=True)
class Organisation:
    """An organisation served by this instance; its name is the `owner` of its records."""

    name: str
    created_at: dt.datetime


@dataclass(frozen=True)
class User:
    name: str
    organisation: str
    role: Role
    created_at: dt.datetime


@dataclass(frozen=True)
class ApiToken:
    """A user's API token as stored: its public id and the hash of its secret, never the secret."""

    id: str
    user: str
    secret_hash: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class Session:
    """A web login: the hash of the cookie's value, whose user, until when, with which token.

    `token_id` is None for sessions stored before sessions kept their token.
    """

    id_hash: str
    user: str
    created_at: dt.datetime
    expires_at: dt.datetime
    token_id: str | None = None

    def valid_at(self, now: dt.datetime) -> bool:
        return now < self.expires_at
