"""Markings on the record pages: the panel that shows (and to its owner, changes) a marking,
the form's route, and the statement page, the one record that had no page of its own.

Lowering a marking through the form is a release: it needs a reason, which the
audit log keeps with who released what (`mosaic.services.markings`).
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mosaic.api import schemas
from mosaic.api.context import AppContext, context, policy, visible_repository
from mosaic.api.guards.authentication import current_user, viewing_as
from mosaic.api.markings import change_marking_as, may_change
from mosaic.api.visible import VisibleRepository
from mosaic.errors import NotFoundError
from mosaic.ingest.fields import parse_tlp
from mosaic.model import Distribution, Marking, Tlp
from mosaic.services.markings import marking_json
from mosaic.share.policy import AccessPolicy
from mosaic.web.access import is_admin, store_of
from mosaic.web.render import page

router = APIRouter(include_in_schema=False)
Repo = Annotated[VisibleRepository, Depends(visible_repository)]
Reader = Annotated[AccessPolicy, Depends(policy)]
Context = Annotated[AppContext, Depends(context)]
PAGES = {
    "report": "reports",
    "entity": "entities",
    "event": "events",
    "relation": "relations",
    "statement": "statements",
}
DISTRIBUTIONS = [d.value for d in Distribution if d is not Distribution.GROUP]


def record_path(kind: str, record_id: str) -> str:
    return f"/{PAGES[kind]}/{quote(record_id, safe='')}"


def marking_panel(request: Request, kind: str, record_id: str, marking: Marking) -> dict[str, Any]:
    """What `_marking.html` shows: the marking, and the form's choices when the reader may edit."""
    editable = viewing_as(request) is None and may_change(current_user(request), marking)
    return {
        **marking_json(marking),
        "kind": kind,
        "id": record_id,
        "editable": editable,
        "tlps": [tlp.value for tlp in Tlp],
        "distributions": DISTRIBUTIONS,
        "groups": group_choices(request, marking) if editable else [],
    }


def group_choices(request: Request, marking: Marking) -> list[str]:
    """The sharing groups this reader may distribute to: all for an admin, else their own."""
    user = current_user(request)
    groups = store_of(request).list_sharing_groups()
    if user is None or is_admin(request):
        return [group.name for group in groups]
    names = [group.name for group in groups if group.includes(user.organisation)]
    return sorted({*names, *([marking.sharing_group] if marking.sharing_group else [])})


@router.post("/markings/{kind}/{record_id}")
def change_marking(
    request: Request,
    ctx: Context,
    reader: Reader,
    kind: str,
    record_id: str,
    tlp: Annotated[str, Form(max_length=40)],
    distribution: Annotated[str, Form(max_length=100)],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """The marking form: change, or release with a reason; back to the record's page."""
    if kind not in PAGES:
        raise NotFoundError(f"{kind}: not a kind of marked record")
    label = parse_tlp(tlp, "tlp")
    user = current_user(request)
    change_marking_as(
        ctx, reader, user, kind, record_id, label, distribution, reason.strip() or None
    )
    return RedirectResponse(record_path(kind, record_id) + "#marking", status_code=303)


@router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement(request: Request, repo: Repo, statement_id: str) -> HTMLResponse:
    found = repo.get_statement(statement_id)
    if found is None:
        raise NotFoundError(f"no statement with id {statement_id!r}")
    report = repo.get_report(found.report_id)
    return page(
        request,
        "statement.html",
        title=f"Statement {found.id}",
        statement=schemas.statement_json(found),
        subject_href=record_path(found.subject_kind.value, found.subject_id),
        report=schemas.report_summary_json(report) if report else None,
        marking=marking_panel(request, "statement", found.id, found.marking),
    )
