"""Recording to the audit log, and checking that nobody edited or deleted an entry.

An entry is appended in its own short transaction once the change it records
is made (or joins the caller's open transaction). Appends in one process are
serialised by a lock, and across processes by the store's lock on the log; if
two writers still collide on an entry number, the loser retries on the new head
after a short random pause. Either way the chain never forks.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from mosaic.errors import StoreError
from mosaic.model import LOCAL_ORGANISATION
from mosaic.model.audit import AuditEntry, AuditEvent, ChainReport, chain, verify_chain
from mosaic.services.ingest import Outcome, ReportOutcome
from mosaic.store.ports import KnowledgeBase

_ATTEMPTS = 5
_PAGE = 1000
_append_lock = threading.Lock()
Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Actor:
    """Who did something: a user of an organisation, or the command line or lone analyst."""

    name: str
    organisation: str = LOCAL_ORGANISATION


COMMAND_LINE = Actor("cli")
LONE_ANALYST = Actor("analyst")


def record(
    store: KnowledgeBase,
    actor: Actor,
    action: str,
    target: str,
    details: Mapping[str, Any] | None = None,
    clock: Clock = utc_now,
) -> AuditEntry:
    """Append one entry after the newest; `details` must be JSON (it is hashed as JSON)."""
    event = AuditEvent(
        clock().isoformat(), actor.name, actor.organisation, action, target, dict(details or {})
    )
    for attempt in range(_ATTEMPTS):
        try:
            return _append(store, event)
        except StoreError:
            if attempt == _ATTEMPTS - 1:
                raise
            # SQLite refuses a stale writer at once rather than waiting: back off a little.
            time.sleep(random.uniform(0, 0.002 * (attempt + 1)))
    raise AssertionError("unreachable")


def _append(store: KnowledgeBase, event: AuditEvent) -> AuditEntry:
    with _append_lock, store.transaction():
        store.lock_audit_log()
        entry = chain(store.last_audit_entry(), event)
        store.append_audit_entry(entry)
    return entry


def entries(store: KnowledgeBase) -> Iterator[AuditEntry]:
    """Every entry, oldest first, read a page at a time."""
    after = 0
    while True:
        page = store.audit_entries(after=after, limit=_PAGE)
        yield from page
        if len(page) < _PAGE:
            return
        after = page[-1].sequence


def verify(store: KnowledgeBase, expected_head: str | None = None) -> ChainReport:
    return verify_chain(entries(store), expected_head)


def record_ingest(store: KnowledgeBase, actor: Actor, outcomes: Iterable[ReportOutcome]) -> int:
    """One `report.ingest` entry per report stored, with its source and marking; how many."""
    count = 0
    for outcome in outcomes:
        report = store.get_report(outcome.report_id or "")
        if outcome.outcome is not Outcome.STORED or report is None:
            continue
        marking = report.marking
        details = {
            "source": outcome.source,
            "tlp": marking.tlp.value,
            "distribution": marking.distribution.value,
            "sharing_group": marking.sharing_group,
            "owner": marking.owner,
        }
        record(store, actor, "report.ingest", report.id, details)
        count += 1
    return count


def record_export(
    store: KnowledgeBase, actor: Actor, format: str, selection: Mapping[str, object]
) -> AuditEntry:
    """One `export` entry: the format, and the filters that chose what left (as text)."""
    details = {key: str(value) for key, value in selection.items() if value is not None}
    return record(store, actor, "export", format, details)
