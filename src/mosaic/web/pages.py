"""Pages for finding things: the dashboard, search, the report list and the report reader."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from mosaic.api import explore, schemas
from mosaic.api.context import event_counts, visible_repository
from mosaic.api.params import WebOffset
from mosaic.api.records import require_report
from mosaic.api.visible import VisibleRepository
from mosaic.model import EventType, Mention
from mosaic.store.ports import EventQuery
from mosaic.web.marking_pages import marking_panel
from mosaic.web.render import page

router = APIRouter(include_in_schema=False)
Repo = Annotated[VisibleRepository, Depends(visible_repository)]


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, repo: Repo) -> HTMLResponse:
    latest = repo.find_events(EventQuery(limit=10, newest_first=True))
    attacks = EventQuery(type=EventType.ATTACK)
    groups = event_counts(request, repo, ("group",), attacks)[:10]
    reports = repo.list_reports(limit=8)
    return page(
        request,
        "dashboard.html",
        title="Dashboard",
        counts=repo.counts(),
        latest=schemas.events_json(repo, latest),
        groups=groups,
        reports=[schemas.report_summary_json(r) for r in reports],
    )


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, repo: Repo, q: str = "") -> HTMLResponse:
    text = q.strip()[:200]
    if not text:
        return page(request, "search.html", title="Search", q="", results=None)
    entities = explore.search_entities(repo, text, 25)
    results = {
        "entities": [explore.entity_hit(e, text) for e in entities],
        "events": schemas.events_json(repo, explore.events_of(repo, entities, 25)),
        "reports": [schemas.report_summary_json(r) for r in explore.reports_titled(repo, text, 25)],
    }
    return page(request, "search.html", title=f"Search: {text}", q=text, results=results)


@router.get("/reports", response_class=HTMLResponse)
def reports(request: Request, repo: Repo, offset: WebOffset = 0) -> HTMLResponse:
    limit, offset = 50, max(offset, 0)
    found = repo.list_reports(limit=limit, offset=offset)
    return page(
        request,
        "reports.html",
        title="Reports",
        reports=[schemas.report_summary_json(r) for r in found],
        limit=limit,
        offset=offset,
    )


@dataclass(frozen=True)
class Segment:
    """A run of a report's text, and the mention it is (None for plain text)."""

    text: str
    mention: Mention | None = None


def segments(text: str, mentions: list[Mention]) -> list[Segment]:
    """The text cut at mention boundaries; overlapping mentions keep the first."""
    parts: list[Segment] = []
    at = 0
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if mention.start < at or mention.end > len(text):
            continue
        if mention.start > at:
            parts.append(Segment(text[at : mention.start]))
        parts.append(Segment(text[mention.start : mention.end], mention))
        at = mention.end
    if at < len(text):
        parts.append(Segment(text[at:]))
    return parts


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report(request: Request, repo: Repo, report_id: str) -> HTMLResponse:
    found = require_report(repo, report_id)
    statements = repo.statements_in_report(found.id)
    return page(
        request,
        "report.html",
        title=found.title or found.id,
        report=schemas.report_summary_json(found),
        source_path=found.source_path,
        paragraphs=_paragraphs(segments(found.text, repo.mentions_in_report(found.id))),
        statements=[schemas.statement_json(s) for s in statements],
        marking=marking_panel(request, "report", found.id, found.marking),
    )


def _paragraphs(parts: list[Segment]) -> list[list[Segment]]:
    """Segments grouped into paragraphs at blank lines, for a readable page."""
    paragraphs: list[list[Segment]] = [[]]
    for part in parts:
        if part.mention is not None or "\n\n" not in part.text:
            paragraphs[-1].append(part)
            continue
        pieces = part.text.split("\n\n")
        for i, piece in enumerate(pieces):
            if i:
                paragraphs.append([])
            if piece.strip():
                paragraphs[-1].append(Segment(piece))
    return [p for p in paragraphs if p]
