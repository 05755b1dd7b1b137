"""Write endpoints: ingest a report (JSON text or a file upload) and review decisions.

Ingest runs the CLI's use case (`mosaic.services.ingest`): the same readers,
extractor, duplicate checks and transaction per report. Review decisions go
through `mosaic.api.editing.reviewing`, which records who decided what and when.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, Response, UploadFile
from pydantic import AfterValidator, BaseModel, Field

from mosaic.api import schemas
from mosaic.api.context import AppContext, context, policy, review_log, visible_repository
from mosaic.api.editing import entity_edits, reviewing
from mosaic.api.guards.authentication import current_user
from mosaic.api.guards.limits import MAX_UPLOAD, encodable, upload_name
from mosaic.api.params import Page, page
from mosaic.api.visible import VisibleRepository
from mosaic.errors import InputError
from mosaic.ingest import ReadFailure, read_reports
from mosaic.ingest.fields import parse_tlp
from mosaic.model import Marking, Report, ReviewStatus, Tlp
from mosaic.services.audit import Actor, record_ingest
from mosaic.services.ingest import (
    MAX_TEXT_CHARS,
    Outcome,
    ReportOutcome,
    extract_and_store,
    too_long,
)
from mosaic.services.markings import MarkingChoice, marking_choice
from mosaic.share.policy import AccessPolicy
from mosaic.store.review import ReviewLog

router = APIRouter(prefix="/api", tags=["write"])
Repo = Annotated[VisibleRepository, Depends(visible_repository)]
Log = Annotated[ReviewLog, Depends(review_log)]
Reader = Annotated[AccessPolicy, Depends(policy)]
Context = Annotated[AppContext, Depends(context)]


def stored_text(value: str) -> str:
    """Text a database can store: no lone surrogate (JSON's `"\\ud800"`)."""
    if not encodable(value):
        raise ValueError("holds a lone surrogate, which is not text")
    return value


Text = Annotated[str, AfterValidator(stored_text)]


class ReportIn(BaseModel):
    """A report given as text; the fields a reader would otherwise take from a file."""

    text: Text = Field(min_length=1, description="The report's full text.")
    title: Text | None = None
    published: dt.date | None = Field(None, description="YYYY-MM-DD")
    url: Text | None = None
    publisher: Text | None = None
    marking: Tlp = Tlp.CLEAR
    org: str | None = Field(None, description="Owner; default: the caller's organisation.")
    distribution: str | None = Field(
        None, description="organisation, community, connected, all, or a sharing group's name."
    )


def outcome_json(outcome: ReportOutcome) -> dict[str, Any]:
    return {
        "outcome": outcome.outcome.value,
        "source": outcome.source,
        "report_id": outcome.report_id,
        "events": outcome.events,
        "relations": outcome.relations,
        "near_duplicates": list(outcome.near_duplicates),
        "error": outcome.error,
    }


def ingest_reports(
    ctx: AppContext, reports: list[Report], response: Response, reader: AccessPolicy
) -> dict[str, Any]:
    """Extract and store new reports; duplicates are reported, not extracted again."""
    repo = ctx.repository()
    refused = [too_long(r) for r in reports if len(r.text) > MAX_TEXT_CHARS]
    if refused and len(refused) == len(reports):
        raise refused[0]
    outcomes = [ReportOutcome(Outcome.FAILED, e.source, error=str(e)) for e in refused]
    readable = [r for r in reports if len(r.text) <= MAX_TEXT_CHARS]
    fresh = [r for r in readable if not repo.has_report(r.content_hash)]
    outcomes += [
        ReportOutcome(Outcome.DUPLICATE, r.source_path or "", r.id)
        for r in readable
        if r not in fresh
    ]
    if fresh:
        outcomes += extract_and_store(repo, ctx.extractor_factory(), fresh)
    stored = any(o.outcome is Outcome.STORED for o in outcomes)
    record_ingest(repo, Actor(reader.user, reader.organisation), outcomes)
    if stored:
        ctx.figures.clear()
    response.status_code = 201 if stored else 200
    return {"outcomes": [outcome_json(o) for o in outcomes]}


DUPLICATES_ONLY: dict[int | str, dict[str, Any]] = {
    200: {"description": "Every report was already stored: nothing new"}
}


@router.post(
    "/reports",
    summary="Ingest a report given as JSON text",
    status_code=201,
    responses=DUPLICATES_ONLY,
)
def ingest_text(
    body: ReportIn, ctx: Context, reader: Reader, request: Request, response: Response
) -> Any:
    choice = _marking_choice(ctx, request, reader, body.org, body.marking, body.distribution)
    report = Report(
        text=body.text,
        title=body.title,
        url=body.url,
        publisher=body.publisher,
        published=body.published,
        source_path="api",
        marking=choice.apply(Marking()),
    )
    return ingest_reports(ctx, [report], response, reader)


def _marking_choice(
    ctx: AppContext,
    request: Request,
    reader: AccessPolicy,
    org: str | None,
    tlp: Tlp | None,
    distribution: str | None,
) -> MarkingChoice:
    """The caller's organisation owns what they ingest; only an admin may name another."""
    user = current_user(request)
    owner = org or reader.organisation
    if user is not None and owner != user.organisation and not user.role.can_administer:
        raise HTTPException(403, f"{user.name} may ingest for {user.organisation} only")
    return marking_choice(ctx.repository(), owner, tlp, distribution)


@router.post(
    "/reports/upload",
    summary="Ingest an uploaded file (text, Markdown, HTML, PDF, JSONL)",
    status_code=201,
    responses=DUPLICATES_ONLY,
)
def ingest_upload(
    ctx: Context,
    reader: Reader,
    request: Request,
    response: Response,
    file: Annotated[UploadFile, File(description="The report file.")],
    published: Annotated[str | None, Form(description="YYYY-MM-DD if the file has none")] = None,
    org: Annotated[str | None, Form(description="Owner; default: yours")] = None,
    tlp: Annotated[
        str | None, Form(description="TLP label; default: the file's, else CLEAR")
    ] = None,
    distribution: Annotated[
        str | None, Form(description="organisation, community, connected, all or a group")
    ] = None,
) -> Any:
    label = parse_tlp(tlp, "tlp") if tlp else None
    choice = _marking_choice(ctx, request, reader, org, label, distribution)
    name = upload_name(file.filename or "upload.txt")
    data = file.file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise InputError(name, f"larger than {MAX_UPLOAD // (1024 * 1024)} MB")
    day = _published(published)
    with tempfile.TemporaryDirectory(prefix="mosaic-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        results = list(read_reports(path, published=day))
    failures = [r for r in results if isinstance(r, ReadFailure)]
    read = [r for r in results if isinstance(r, Report)]
    if failures and not read:
        raise InputError(name, failures[0].error.problem)
    reports = [
        replace(r, source_path=f"upload:{name}", marking=choice.apply(r.marking)) for r in read
    ]
    return ingest_reports(ctx, reports, response, reader)


def _published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise InputError("published", f"not a date: {value!r} (use YYYY-MM-DD)") from error


class StatementDecision(BaseModel):
    action: str = Field(description="confirm, reject or correct")
    value: Any = Field(None, description="The corrected value (for correct), in FORMAT.md form.")
    note: Text | None = None


class MergeIn(BaseModel):
    keep: Text = Field(description="Id of the entity that stays.")
    absorb: Text = Field(description="Id of the entity merged into it.")
    note: Text | None = None


class SplitIn(BaseModel):
    entity: Text
    name: Text = Field(min_length=1)
    aliases: list[Text] = []
    events: list[Text] = []
    relations: list[Text] = []
    note: Text | None = None


@router.get("/review/queue", summary="Statements waiting for a decision, least confident first")
def review_queue(repo: Repo, paging: Annotated[Page, Depends(page)]) -> dict[str, Any]:
    waiting = repo.statements_with_status(ReviewStatus.UNREVIEWED, paging.limit, paging.offset)
    items = [schemas.statement_json(s) for s in waiting]
    return schemas.page_json(items, paging.limit, paging.offset)


@router.get("/review/decisions", summary="Review decisions, newest first")
def decisions(
    log: Log, repo: Repo, paging: Annotated[Page, Depends(page)], target: str | None = None
) -> dict[str, Any]:
    """Only decisions on a statement or entity the caller may see: a decision keeps its
    target's values."""
    found = reviewing.seen_decisions(repo, log.history(target, paging.limit, paging.offset))
    return schemas.page_json([schemas.decision_json(d) for d in found], paging.limit, paging.offset)


@router.post("/review/statements/{statement_id}", summary="Confirm, reject or correct a statement")
def decide(
    statement_id: str, body: StatementDecision, repo: Repo, log: Log, reader: Reader, ctx: Context
) -> dict[str, Any]:
    ctx.figures.clear()
    reviewing.require_statement(repo, statement_id)
    inner = repo.inner
    if body.action in reviewing.STATUS_OF:
        made = reviewing.set_status(inner, log, statement_id, body.action, reader.user, body.note)
    elif body.action == "correct":
        if body.value is None:
            raise InputError("value", "a correction needs the corrected value")
        made = reviewing.correct(inner, log, statement_id, body.value, reader.user, body.note)
    else:
        raise InputError(
            "action", f"unknown action {body.action!r}; one of confirm, reject, correct"
        )
    return schemas.decision_json(made)


@router.post("/review/merge", summary="Merge one entity into another")
def merge(body: MergeIn, repo: Repo, log: Log, reader: Reader, ctx: Context) -> dict[str, Any]:
    ctx.figures.clear()
    for entity_id in (body.keep, body.absorb):
        entity_edits.require(repo, entity_id)
    made = reviewing.merge_entities(repo.inner, log, body.keep, body.absorb, reader.user, body.note)
    return schemas.decision_json(made)


@router.post("/review/split", summary="Split an entity that conflates two")
def split(body: SplitIn, repo: Repo, log: Log, reader: Reader, ctx: Context) -> dict[str, Any]:
    ctx.figures.clear()
    entity_edits.require(repo, body.entity)
    made = reviewing.split_entity(
        repo.inner,
        log,
        body.entity,
        body.name,
        body.aliases,
        body.events,
        body.relations,
        reader.user,
        body.note,
    )
    return schemas.decision_json(made)


@router.post("/review/decisions/{decision_id}/undo", summary="Undo a review decision")
def undo(decision_id: str, repo: Repo, log: Log, reader: Reader, ctx: Context) -> dict[str, Any]:
    ctx.figures.clear()
    return schemas.decision_json(reviewing.undo(repo.inner, log, decision_id, reader.user))
