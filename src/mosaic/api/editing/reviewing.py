"""Review decisions on statements: confirm, correct, reject, and undo any decision.

Each decision is applied to the knowledge base and recorded in the review log
with who took it, when, and what it replaced, in that order; undoing writes
the replaced values back and stamps the decision as undone. Confirmed and
corrected statements rank above unreviewed ones wherever evidence is listed.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

from mosaic.api.editing import corrections, entity_edits
from mosaic.api.visible import VisibleRepository
from mosaic.errors import InputError, NotFoundError
from mosaic.model import Event, Relation, ReviewStatus, Statement, SubjectKind
from mosaic.model.ids import digest
from mosaic.store.ports import Repository
from mosaic.store.review import Decision, ReviewLog

STATUS_OF = {"confirm": ReviewStatus.CONFIRMED, "reject": ReviewStatus.REJECTED}


def now() -> dt.datetime:
    """UTC without a zone: what SQL DateTime columns store on every dialect."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_decision(action: str, target: str, reviewer: str, **fields: Any) -> Decision:
    at = now()
    return Decision(
        digest("decision", action, target, reviewer, at.isoformat()),
        action,
        target,
        reviewer,
        at,
        **fields,
    )


def seen_decisions(repo: VisibleRepository, decisions: list[Decision]) -> list[Decision]:
    """The decisions on a statement or entity the reader may see: a decision keeps the
    values its target had."""
    if repo.policy.sees_everything:
        return decisions
    return [
        d
        for d in decisions
        if repo.get_statement(d.target) is not None or repo.get_entity(d.target) is not None
    ]


def require_statement(repo: Repository, statement_id: str) -> Statement:
    statement = repo.get_statement(statement_id)
    if statement is None:
        raise NotFoundError(f"no statement with id {statement_id!r}")
    return statement


def set_status(
    repo: Repository,
    log: ReviewLog,
    statement_id: str,
    action: str,
    reviewer: str,
    note: str | None = None,
) -> Decision:
    """Confirm or reject a statement as it stands."""
    statement = require_statement(repo, statement_id)
    status = STATUS_OF[action]
    decision = new_decision(
        action,
        statement.id,
        reviewer,
        note=note,
        before={"status": statement.status.value},
        after={"status": status.value},
    )
    repo.set_statement_status(statement.id, status)
    log.record(decision)
    return decision


def correct(
    repo: Repository,
    log: ReviewLog,
    statement_id: str,
    value: Any,
    reviewer: str,
    note: str | None = None,
) -> Decision:
    """Replace a statement's value: the original is rejected, a corrected one takes its place.

    The corrected value is also written into the event or relation field it
    states, so lists and maps show the reviewed figure.
    """
    original = require_statement(repo, statement_id)
    fixed = replace(
        original,
        id="",
        value=json.dumps(value, sort_keys=True),
        extractor=f"review:{reviewer}",
        status=ReviewStatus.CORRECTED,
        confidence=1.0,
    )
    if fixed.id == original.id:
        raise InputError("value", "the corrected value is the value already stated")
    record = _subject(repo, original)
    with repo.transaction():
        before: dict[str, Any] = {"status": original.status.value}
        if record is not None:
            before["field"] = corrections.field_value(record, original.prop)
            _save(repo, corrections.apply_value(record, original.prop, value))
        repo.add_statements([fixed])
        repo.set_statement_status(original.id, ReviewStatus.REJECTED)
    decision = new_decision(
        "correct",
        original.id,
        reviewer,
        note=note,
        before=before,
        after={"status": "rejected", "statement": fixed.id, "value": value},
    )
    log.record(decision)
    return decision


def undo(repo: Repository, log: ReviewLog, decision_id: str, reviewer: str) -> Decision:
    """Put back what a decision replaced, and stamp it undone (it stays in the log)."""
    decision = log.get(decision_id)
    if decision is None:
        raise NotFoundError(f"no review decision with id {decision_id!r}")
    if not decision.active:
        raise InputError(decision_id, f"already undone by {decision.undone_by}")
    with repo.transaction():
        if decision.action in STATUS_OF:
            repo.set_statement_status(decision.target, ReviewStatus(decision.before["status"]))
        elif decision.action == "correct":
            _undo_correction(repo, decision)
        else:
            entity_edits.restore(repo, decision.before)
    at = now()
    log.mark_undone(decision.id, reviewer, at)
    return replace(decision, undone_at=at, undone_by=reviewer)


def _undo_correction(repo: Repository, decision: Decision) -> None:
    original = require_statement(repo, decision.target)
    repo.set_statement_status(decision.after["statement"], ReviewStatus.REJECTED)
    repo.set_statement_status(original.id, ReviewStatus(decision.before["status"]))
    record = _subject(repo, original)
    if record is not None and "field" in decision.before:
        _save(repo, corrections.apply_value(record, original.prop, decision.before["field"]))


def _subject(repo: Repository, statement: Statement) -> Event | Relation | None:
    """The event or relation a statement is about, when its property maps to a field."""
    if statement.subject_kind is SubjectKind.EVENT:
        fields: dict[str, Any] = corrections.EVENT_FIELDS
        record: Event | Relation | None = repo.get_event(statement.subject_id)
    elif statement.subject_kind is SubjectKind.RELATION:
        fields = corrections.RELATION_FIELDS
        record = repo.get_relation(statement.subject_id)
    else:
        return None
    return record if statement.prop in fields else None


def _save(repo: Repository, record: Event | Relation) -> None:
    if isinstance(record, Event):
        repo.save_event(record)
    else:
        repo.save_relation(record)


def merge_entities(
    repo: Repository,
    log: ReviewLog,
    keep: str,
    absorb: str,
    reviewer: str,
    note: str | None = None,
) -> Decision:
    """Record that `absorb` is the same real-world entity as `keep`, and merge them."""
    before, after = entity_edits.merge(repo, keep, absorb)
    decision = new_decision("merge", absorb, reviewer, note=note, before=before, after=after)
    log.record(decision)
    return decision


def split_entity(
    repo: Repository,
    log: ReviewLog,
    entity_id: str,
    name: str,
    aliases: list[str],
    event_ids: list[str],
    relation_ids: list[str],
    reviewer: str,
    note: str | None = None,
) -> Decision:
    """Record that one entity conflates two, and give the second its names and facts."""
    before, after = entity_edits.split(repo, entity_id, name, aliases, event_ids, relation_ids)
    decision = new_decision("split", entity_id, reviewer, note=note, before=before, after=after)
    log.record(decision)
    return decision
