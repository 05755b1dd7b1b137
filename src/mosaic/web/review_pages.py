"""The review queue: statements waiting for a decision, and the decisions taken so far."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from mosaic.api import schemas
from mosaic.api.context import review_log, visible_repository
from mosaic.api.editing import reviewing
from mosaic.api.params import WebOffset
from mosaic.api.visible import VisibleRepository
from mosaic.model import ReviewStatus, Statement
from mosaic.store.review import ReviewLog
from mosaic.web.render import page

router = APIRouter(include_in_schema=False)
Repo = Annotated[VisibleRepository, Depends(visible_repository)]
Log = Annotated[ReviewLog, Depends(review_log)]
PAGE = 50


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, repo: Repo, log: Log, offset: WebOffset = 0) -> HTMLResponse:
    offset = max(offset, 0)
    waiting = repo.statements_with_status(ReviewStatus.UNREVIEWED, PAGE, offset)
    seen = reviewing.seen_decisions(repo, log.history(limit=20))
    decisions = [schemas.decision_json(d) for d in seen]
    return page(
        request,
        "review.html",
        title="Review",
        queue=[queue_row(repo, s) for s in waiting],
        decisions=decisions,
        offset=offset,
        limit=PAGE,
    )


def queue_row(repo: VisibleRepository, statement: Statement) -> dict[str, Any]:
    """A statement with a link to what it is about and the report it comes from."""
    report = repo.get_report(statement.report_id)
    path = {"event": "events", "relation": "relations"}.get(statement.subject_kind, "entities")
    return {
        **schemas.statement_json(statement),
        "subject_href": f"/{path}/{statement.subject_id}",
        "report": schemas.report_summary_json(report) if report else None,
    }
