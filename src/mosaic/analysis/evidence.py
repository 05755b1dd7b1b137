"""The sentences and sources behind a fact."""

from __future__ import annotations

import json
from dataclasses import dataclass

from mosaic.errors import NotFoundError
from mosaic.model import Report, Statement, SubjectKind
from mosaic.store.ports import Repository


@dataclass(frozen=True)
class SourcedValue:
    """One value of one property, with every statement that gives it."""

    prop: str
    value: object
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class EvidenceItem:
    statement: Statement
    report: Report | None


def is_reviewed(statement: Statement) -> bool:
    """Confirmed or corrected by an analyst: ranks above what was only extracted."""
    return statement.status in ("confirmed", "corrected")


def fact_kind(repo: Repository, fact_id: str) -> SubjectKind:
    """Whether `fact_id` names an event, a relation or an entity."""
    if repo.get_event(fact_id) is not None:
        return SubjectKind.EVENT
    if repo.get_relation(fact_id) is not None:
        return SubjectKind.RELATION
    if repo.get_entity(fact_id) is not None:
        return SubjectKind.ENTITY
    raise NotFoundError(f"no event, relation or entity with id {fact_id!r}")


def evidence_for(repo: Repository, fact_id: str) -> list[EvidenceItem]:
    """Every statement about the fact (or the one statement with that id), with its report.

    Rejected statements are left out; confirmed ones come first.
    """
    single = repo.get_statement(fact_id)
    statements = [single] if single else repo.statements_about(fact_kind(repo, fact_id), fact_id)
    return evidence_of(repo, statements)


def evidence_of(repo: Repository, statements: list[Statement]) -> list[EvidenceItem]:
    """The statements but rejected ones, confirmed ones first, each with its report."""
    statements = [s for s in statements if s.status != "rejected"]
    statements.sort(
        key=lambda s: (s.status not in ("confirmed", "corrected"), s.report_id, s.start)
    )
    reports = repo.get_reports([s.report_id for s in statements])
    return [EvidenceItem(s, reports.get(s.report_id)) for s in statements]


def sourced_values(statements: list[Statement]) -> dict[str, list[SourcedValue]]:
    """Statements grouped by property, then by value: conflicting figures side by side."""
    grouped: dict[str, dict[str, list[Statement]]] = {}
    for statement in statements:
        if statement.status == "rejected":
            continue
        grouped.setdefault(statement.prop, {}).setdefault(statement.value, []).append(statement)
    return {
        prop: [
            SourcedValue(prop, json.loads(value), tuple(found))
            for value, found in sorted(by_value.items(), key=lambda kv: -len(kv[1]))
        ]
        for prop, by_value in grouped.items()
    }
