"""API tokens and session ids: made at random, stored only as hashes, checked on use.

A token reads `mosaic_<id>_<secret>`: the id finds the stored row (and can be
shown, listed and revoked), the secret is checked against its argon2id hash,
memory-hard so that a stolen table does not give the tokens away. Session ids
are 256 random bits, stored as SHA-256: too long to guess, so a fast hash is enough.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_PREFIX = "mosaic"


@dataclass(frozen=True)
class IssuedToken:
    """A new token: `text` is shown once to its user; `secret_hash` is what is stored."""

    id: str
    text: str
    secret_hash: str


class TokenHasher:
    """argon2id with argon2-cffi's defaults (RFC 9106 low-memory: 64 MiB, 3 passes).

    Tests pass a cheaper `PasswordHasher`; the parameters travel inside each
    hash, so any hasher verifies any stored hash.
    """

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()

    def issue(self) -> IssuedToken:
        token_id = secrets.token_hex(8)
        secret = secrets.token_urlsafe(32)
        return IssuedToken(token_id, f"{_PREFIX}_{token_id}_{secret}", self._hasher.hash(secret))

    def matches(self, secret_hash: str, secret: str) -> bool:
        try:
            return self._hasher.verify(secret_hash, secret)
        except (VerificationError, InvalidHashError):
            return False


def split_token(text: str) -> tuple[str, str] | None:
    """The id and secret of a token's text, or None if it is not shaped like one."""
    prefix, _, rest = text.strip().partition("_")
    token_id, _, secret = rest.partition("_")
    if prefix != _PREFIX or len(token_id) != 16 or not secret:
        return None
    return token_id, secret


def new_session_id() -> str:
    return secrets.token_urlsafe(32)


def session_hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()
