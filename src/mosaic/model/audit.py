"""The audit log's entries and the hash chain that makes editing or deleting one detectable.

Each entry's hash is SHA-256 over the previous entry's hash and the canonical
JSON of the entry (sorted keys, no spaces, UTF-8), so changing any field, or
removing an entry from the middle, breaks every hash after it. Removing the
newest entries leaves a shorter valid chain: only a head hash noted elsewhere
(`verify_chain(..., expected_head=...)`) shows that.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

GENESIS = "0" * 64
"""The `previous` hash of the first entry."""


@dataclass(frozen=True)
class AuditEvent:
    """What happened, before it takes its place in the chain.

    `action` is a dotted name (`report.ingest`, `user.add`, `marking.release`);
    `at` is an ISO 8601 UTC timestamp, kept as text so that its hash never
    depends on how a database returns dates.
    """

    at: str
    actor: str
    organisation: str
    action: str
    target: str
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditEntry:
    """An event with its place (`sequence`, from 1) and its links in the chain."""

    sequence: int
    event: AuditEvent
    previous: str
    hash: str


def canonical_json(sequence: int, event: AuditEvent) -> str:
    body = {
        "sequence": sequence,
        "at": event.at,
        "actor": event.actor,
        "organisation": event.organisation,
        "action": event.action,
        "target": event.target,
        "details": event.details,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(previous: str, sequence: int, event: AuditEvent) -> str:
    data = previous.encode("ascii") + canonical_json(sequence, event).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def chain(last: AuditEntry | None, event: AuditEvent) -> AuditEntry:
    """`event` as the entry that follows `last` (None: the first entry)."""
    sequence = last.sequence + 1 if last else 1
    previous = last.hash if last else GENESIS
    return AuditEntry(sequence, event, previous, entry_hash(previous, sequence, event))


@dataclass(frozen=True)
class ChainReport:
    """What `verify_chain` found: how many entries, the newest hash, and every break."""

    entries: int
    head: str
    problems: tuple[str, ...]

    @property
    def intact(self) -> bool:
        return not self.problems


def verify_chain(entries: Iterable[AuditEntry], expected_head: str | None = None) -> ChainReport:
    """Check every entry, oldest first: numbering without gaps, links and hashes."""
    problems: list[str] = []
    previous, expected, count, seen = GENESIS, 1, 0, set()
    for entry in entries:
        problems += _entry_problems(entry, previous, expected)
        previous, expected, count = entry.hash, entry.sequence + 1, count + 1
        seen.add(entry.hash)
    if expected_head is not None and expected_head not in seen:
        problems.append(f"the head {expected_head} noted earlier is no longer in the log")
    return ChainReport(count, previous, tuple(problems))


def _entry_problems(entry: AuditEntry, previous: str, expected: int) -> list[str]:
    problems = []
    if entry.sequence != expected:
        problems.append(f"entry {entry.sequence}: expected entry {expected} (entries missing)")
    if entry.previous != previous:
        problems.append(f"entry {entry.sequence}: does not follow the entry before it")
    if entry.hash != entry_hash(entry.previous, entry.sequence, entry.event):
        problems.append(f"entry {entry.sequence}: its content does not match its hash (edited)")
    return problems
