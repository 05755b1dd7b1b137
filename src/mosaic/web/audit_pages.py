"""The audit log for admins: newest entries first, a page at a time, and whether the chain holds."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from mosaic.api.params import WebOffset
from mosaic.model.audit import AuditEntry
from mosaic.services import audit
from mosaic.web.access import require_admin, store_of
from mosaic.web.render import page

router = APIRouter(include_in_schema=False)
PAGE = 50


@router.get("/audit", response_class=HTMLResponse)
def audit_log(request: Request, offset: WebOffset = 0) -> HTMLResponse:
    """Entries `offset` to `offset + PAGE` counted from the newest, and `mosaic audit verify`."""
    require_admin(request)
    store = store_of(request)
    offset = max(offset, 0)
    report = audit.verify(store)
    last = store.last_audit_entry()
    newest = last.sequence if last else 0
    after = max(newest - offset - PAGE, 0)
    limit = max(newest - offset - after, 0)
    entries = store.audit_entries(after=after, limit=limit) if limit else []
    return page(
        request,
        "audit.html",
        title="Audit log",
        verification={
            "intact": report.intact,
            "entries": report.entries,
            "head": report.head,
            "problems": list(report.problems),
        },
        entries=[entry_json(e) for e in reversed(entries)],
        offset=offset,
        limit=PAGE,
        total=newest,
    )


def entry_json(entry: AuditEntry) -> dict[str, Any]:
    event = entry.event
    return {
        "sequence": entry.sequence,
        "at": event.at,
        "actor": event.actor,
        "organisation": event.organisation,
        "action": event.action,
        "target": event.target,
        "details": dict(event.details),
        "hash": entry.hash,
    }
