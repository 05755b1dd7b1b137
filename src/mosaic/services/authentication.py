"""Who is asking: a user found from an API token or a web session, or nobody.

A token's secret is checked with argon2 (tens of milliseconds, by design), so a
token that checked once is remembered by the SHA-256 of its text; the stored
token row is still read on every request, so a revocation holds at once, even
one made by another process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading

from mosaic.model.accounts import ApiToken, Session, User
from mosaic.services.audit import Actor, Clock, record, utc_now
from mosaic.share.tokens import TokenHasher, new_session_id, session_hash, split_token
from mosaic.store.ports import KnowledgeBase

SESSION_LIFETIME = dt.timedelta(hours=8)
_REMEMBERED = 10_000


class Authenticator:
    def __init__(
        self, store: KnowledgeBase, hasher: TokenHasher | None = None, clock: Clock = utc_now
    ) -> None:
        self._store = store
        self._hasher = hasher or TokenHasher()
        self._clock = clock
        self._checked: dict[str, str] = {}
        self._lock = threading.Lock()

    def user_for_token(self, text: str) -> User | None:
        """The token's user, if the token exists, is not revoked and its secret matches."""
        parts = split_token(text)
        token = self._store.get_token(parts[0]) if parts else None
        if parts is None or token is None or not token.active:
            return None
        if not self._secret_matches(text, token.secret_hash, parts[1]):
            return None
        return self._store.get_user(token.user)

    def owner_of(self, text: str) -> str | None:
        """Whose token this claims to be (from its id alone, secret unchecked), if any."""
        token = self.claimed(text)
        return token.user if token else None

    def claimed(self, text: str) -> ApiToken | None:
        """The stored token whose id this text bears (secret unchecked), if any."""
        parts = split_token(text)
        return self._store.get_token(parts[0]) if parts else None

    def login(self, text: str) -> tuple[User, str] | None:
        """A new web session for the token's user: the user and the cookie's value."""
        user = self.user_for_token(text)
        parts = split_token(text)
        if user is None or parts is None:
            return None
        session_id, now = new_session_id(), self._clock()
        self._store.add_session(
            Session(session_hash(session_id), user.name, now, now + SESSION_LIFETIME, parts[0])
        )
        record(
            self._store, Actor(user.name, user.organisation), "login", user.name, clock=self._clock
        )
        return user, session_id

    def user_for_session(self, session_id: str) -> User | None:
        """The session's user while it lasts and the token that started it is active.

        Revoking that token (`mosaic token revoke`), or every token of the user,
        signs the session out too.
        """
        session = self._store.get_session(session_hash(session_id))
        if session is None:
            return None
        if self._revoked(session) or not session.valid_at(self._clock()):
            self._store.delete_session(session.id_hash)
            return None
        return self._store.get_user(session.user)

    def _revoked(self, session: Session) -> bool:
        if session.token_id is None:  # stored before sessions kept their token
            return not any(token.active for token in self._store.tokens_of(session.user))
        token = self._store.get_token(session.token_id)
        return token is None or not token.active or token.user != session.user

    def logout(self, session_id: str) -> None:
        self._store.delete_session(session_hash(session_id))

    def _secret_matches(self, text: str, secret_hash: str, secret: str) -> bool:
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        with self._lock:
            if self._checked.get(key) == secret_hash:
                return True
        if not self._hasher.matches(secret_hash, secret):
            return False
        with self._lock:
            if len(self._checked) >= _REMEMBERED:
                self._checked.clear()
            self._checked[key] = secret_hash
        return True
