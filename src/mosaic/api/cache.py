"""A small in-process cache for figures that take a scan of the knowledge base to compute.

Event counts over 100,000 events cost a few hundred milliseconds in SQLite;
the dashboard asks for the same ones on every load. Entries live `ttl` seconds
and every write through the API clears them. An entry is kept with the write
generation read before it was computed (`store/generation.py`) and used only
while that generation holds, so writes by other processes (the server's other
workers, `mosaic ingest`) show at once; without a generation, after `ttl`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from mosaic.api.response_cache import Generation, no_generation

T = TypeVar("T")
DEFAULT_TTL = 60.0
MAX_ENTRIES = 256


class FigureCache:
    def __init__(self, ttl: float = DEFAULT_TTL, generation: Generation = no_generation) -> None:
        self.ttl = ttl
        self.generation = generation
        self._entries: dict[Hashable, tuple[float, bytes, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for `key`, computing (outside the lock) when absent, expired or
        computed before the last write."""
        now, generation = time.monotonic(), self.generation()
        with self._lock:
            entry = self._entries.get(key)
        if entry is not None and now - entry[0] < self.ttl and entry[1] == generation:
            value: T = entry[2]
            return value
        value = compute()
        with self._lock:
            if len(self._entries) >= MAX_ENTRIES:
                self._entries.clear()
            self._entries[key] = (now, generation, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
