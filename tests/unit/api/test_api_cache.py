"""The figure cache: computes once per key within its time to live, recomputes after clear
or another process's write."""

from __future__ import annotations

from mosaic.api.cache import FigureCache


def test_cache_computes_once_until_cleared_or_expired() -> None:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    cache = FigureCache(ttl=60)
    assert cache.get("k", compute) == 1
    assert cache.get("k", compute) == 1
    assert cache.get("other", compute) == 2
    cache.clear()
    assert cache.get("k", compute) == 3
    expired = FigureCache(ttl=0)
    assert expired.get("k", compute) == 4
    assert expired.get("k", compute) == 5


def test_cache_recomputes_after_the_write_generation_moves() -> None:
    generations = [b"one"]
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    cache = FigureCache(ttl=60, generation=lambda: generations[-1])
    assert cache.get("k", compute) == 1
    assert cache.get("k", compute) == 1
    generations.append(b"two")
    assert cache.get("k", compute) == 2
    assert cache.get("k", compute) == 2
