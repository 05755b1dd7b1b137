"""A small in-process cache for figures that take a scan of the knowledge base to compute.

Event counts over 100,000 events cost a few hundred milliseconds in SQLite;
the dashboard asks for the same ones on every load. Entries live `ttl` seconds
and every write through the API clears them, so a figure is never staler than
`ttl` (writes by another process, such as `mosaic ingest`, show up after that).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
DEFAULT_TTL = 60.0
MAX_ENTRIES = 256


class FigureCache:
    def __init__(self, ttl: float = DEFAULT_TTL) -> None:
        self.ttl = ttl
        self._entries: dict[Hashable, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for `key`, computing (outside the lock) when absent or expired."""
        now = time.monotonic()
        with self._lock:
            entry = self._entries.get(key)
        if entry is not None and now - entry[0] < self.ttl:
            value: T = entry[1]
            return value
        value = compute()
        with self._lock:
            if len(self._entries) >= MAX_ENTRIES:
                self._entries.clear()
            self._entries[key] = (now, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
