"""Review decisions stored as data: who decided what, when, and what undoing it restores.

A decision is never deleted: undoing one stamps it with who undid it and when,
so the log keeps the whole history of a fact's review. `before` holds the
records as they were (what undo writes back), `after` what the decision wrote.
The SQL table is created by migration 0002; the memory log serves any other
repository (the tests' memory store).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import sqlalchemy as sa

from mosaic.store.ports import Repository
from mosaic.store.schema import review_decisions


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision: confirm, correct or reject a statement; merge or split entities."""

    id: str
    action: str
    target: str
    reviewer: str
    decided_at: dt.datetime
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    undone_at: dt.datetime | None = None
    undone_by: str | None = None

    @property
    def active(self) -> bool:
        return self.undone_at is None


class ReviewLog(Protocol):
    """Where decisions are kept; `undo` only stamps, the caller restores the records."""

    def record(self, decision: Decision) -> None: ...
    def get(self, decision_id: str) -> Decision | None: ...
    def mark_undone(self, decision_id: str, by: str, at: dt.datetime) -> None: ...
    def history(
        self, target: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[Decision]: ...


class MemoryReviewLog:
    def __init__(self) -> None:
        self._decisions: dict[str, Decision] = {}
        self._lock = threading.Lock()

    def record(self, decision: Decision) -> None:
        with self._lock:
            self._decisions[decision.id] = decision

    def get(self, decision_id: str) -> Decision | None:
        return self._decisions.get(decision_id)

    def mark_undone(self, decision_id: str, by: str, at: dt.datetime) -> None:
        with self._lock:
            found = self._decisions[decision_id]
            self._decisions[decision_id] = replace(found, undone_at=at, undone_by=by)

    def history(
        self, target: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[Decision]:
        found = [d for d in self._decisions.values() if target is None or d.target == target]
        found.sort(key=lambda d: (d.decided_at, d.id), reverse=True)
        return found[offset : offset + limit]


class SqlReviewLog:
    """Decisions in the `review_decisions` table of the knowledge base itself."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def record(self, decision: Decision) -> None:
        with self._engine.begin() as connection:
            connection.execute(review_decisions.insert().values(**_row(decision)))

    def get(self, decision_id: str) -> Decision | None:
        query = review_decisions.select().where(review_decisions.c.id == decision_id)
        with self._engine.connect() as connection:
            row = connection.execute(query).mappings().first()
        return _decision(row) if row else None

    def mark_undone(self, decision_id: str, by: str, at: dt.datetime) -> None:
        update = (
            review_decisions.update()
            .where(review_decisions.c.id == decision_id)
            .values(undone_at=at, undone_by=by)
        )
        with self._engine.begin() as connection:
            connection.execute(update)

    def history(
        self, target: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[Decision]:
        query = review_decisions.select()
        if target is not None:
            query = query.where(review_decisions.c.target == target)
        query = query.order_by(review_decisions.c.decided_at.desc(), review_decisions.c.id.desc())
        with self._engine.connect() as connection:
            rows = connection.execute(query.limit(limit).offset(offset)).mappings().all()
        return [_decision(row) for row in rows]


def review_log_for(repo: Repository) -> ReviewLog:
    """The SQL log when the repository is the SQL store, else one kept in memory."""
    engine = getattr(repo, "engine", None)
    if isinstance(engine, sa.Engine):
        return SqlReviewLog(engine)
    return MemoryReviewLog()


def _row(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.id,
        "action": decision.action,
        "target": decision.target,
        "reviewer": decision.reviewer,
        "decided_at": decision.decided_at,
        "before": json.dumps(decision.before, sort_keys=True),
        "after": json.dumps(decision.after, sort_keys=True),
        "note": decision.note,
        "undone_at": decision.undone_at,
        "undone_by": decision.undone_by,
    }


def _decision(row: Any) -> Decision:
    return Decision(
        id=row["id"],
        action=row["action"],
        target=row["target"],
        reviewer=row["reviewer"],
        decided_at=row["decided_at"],
        before=json.loads(row["before"]),
        after=json.loads(row["after"]),
        note=row["note"],
        undone_at=row["undone_at"],
        undone_by=row["undone_by"],
    )
