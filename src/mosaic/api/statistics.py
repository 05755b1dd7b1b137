"""Event figures shaped for the charts: the most active groups kept, the rest summed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from mosaic.store.ports import Bucket

Key = tuple[str | None, ...]


def fold_groups(buckets: list[Bucket], dimensions: Sequence[str], keep: int) -> list[Bucket]:
    """The `keep` groups with most events as they are, every other group summed as 'other'."""
    at = list(dimensions).index("group")
    totals: Counter[str | None] = Counter()
    for bucket in buckets:
        totals[bucket.keys[at]] += bucket.count
    kept = {key for key, _ in totals.most_common(keep)}
    folded: Counter[Key] = Counter()
    labels: dict[Key, Key] = {}
    for bucket in buckets:
        inside = bucket.keys[at] in kept
        keys = bucket.keys if inside else (*bucket.keys[:at], "other", *bucket.keys[at + 1 :])
        shown = (
            bucket.labels
            if inside
            else (*bucket.labels[:at], "other groups", *bucket.labels[at + 1 :])
        )
        folded[keys] += bucket.count
        labels[keys] = shown
    ordered = sorted(folded.items(), key=lambda kv: (-kv[1], tuple(k or "" for k in kv[0])))
    return [Bucket(keys, labels[keys], n) for keys, n in ordered]
