"""Failed sign-ins counted per user and per client, and refused for a while past a limit.

A key (`user:alice`, `client:203.0.113.9`) that failed `limit` times within
`window` is locked until the oldest of those failures is `window` old; while
locked, even the right token is refused, so guessing cannot go on. The counts
live in the serving process's memory: a restart forgets them.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from mosaic.services.audit import Clock, utc_now

USER_FAILURES = 5
CLIENT_FAILURES = 20
WINDOW = dt.timedelta(minutes=15)
_KEPT_KEYS = 100_000


@dataclass(frozen=True)
class Lock:
    """A key refused until `until`."""

    key: str
    until: dt.datetime

    def seconds_left(self, now: dt.datetime) -> int:
        return max(1, int((self.until - now).total_seconds()) + 1)


class LoginThrottle:
    def __init__(
        self,
        user_failures: int = USER_FAILURES,
        client_failures: int = CLIENT_FAILURES,
        window: dt.timedelta = WINDOW,
        clock: Clock = utc_now,
    ) -> None:
        self._limits = {"user": user_failures, "client": client_failures}
        self._window = window
        self._clock = clock
        self._failures: dict[str, deque[dt.datetime]] = {}
        self._lock = threading.Lock()

    def now(self) -> dt.datetime:
        return self._clock()

    def any_failures(self) -> bool:
        """Whether any failure is remembered (none: nothing can be locked)."""
        return bool(self._failures)

    def locked(self, keys: Iterable[str]) -> Lock | None:
        """The lock that refuses a sign-in under any of `keys` now, if there is one."""
        now = self._clock()
        with self._lock:
            locks = [lock for key in keys if (lock := self._lock_of(key, now))]
        return max(locks, key=lambda lock: lock.until, default=None)

    def failed(self, keys: Iterable[str]) -> list[Lock]:
        """Count a failure under each key; the locks this failure started."""
        now = self._clock()
        started = []
        with self._lock:
            if len(self._failures) > _KEPT_KEYS:
                self._forget_old(now)
            for key in keys:
                times = self._failures.setdefault(key, deque(maxlen=self._limit(key)))
                times.append(now)
                if lock := self._lock_of(key, now):
                    started.append(lock)
        return started

    def succeeded(self, keys: Iterable[str]) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)

    def _lock_of(self, key: str, now: dt.datetime) -> Lock | None:
        times = self._failures.get(key)
        if not times or len(times) < self._limit(key):
            return None
        until = times[0] + self._window
        return Lock(key, until) if until > now else None

    def _limit(self, key: str) -> int:
        return self._limits[key.partition(":")[0]]

    def _forget_old(self, now: dt.datetime) -> None:
        for key in [k for k, times in self._failures.items() if times[-1] + self._window <= now]:
            del self._failures[key]


def keys_of(client: str, user: str | None) -> list[str]:
    """The keys a sign-in from `client`, with a token of `user` (if known), counts under."""
    return [f"client:{client}", *([f"user:{user}"] if user else [])]
