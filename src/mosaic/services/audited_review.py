"""The review log, with every decision and every undo also recorded in the audit log.

Review decisions (confirm, reject, correct, merge, split) all pass through
`ReviewLog.record`, so wrapping the log is the one place that audits them all.
"""

from __future__ import annotations

import datetime as dt

from mosaic.services.audit import Actor, record
from mosaic.store.ports import KnowledgeBase
from mosaic.store.review import Decision, ReviewLog


class AuditedReviewLog:
    def __init__(self, log: ReviewLog, store: KnowledgeBase) -> None:
        self._log = log
        self._store = store

    def record(self, decision: Decision) -> None:
        self._log.record(decision)
        details = {"decision": decision.id, "note": decision.note}
        actor = self._actor(decision.reviewer)
        record(self._store, actor, f"review.{decision.action}", decision.target, details)

    def get(self, decision_id: str) -> Decision | None:
        return self._log.get(decision_id)

    def mark_undone(self, decision_id: str, by: str, at: dt.datetime) -> None:
        self._log.mark_undone(decision_id, by, at)
        record(self._store, self._actor(by), "review.undo", decision_id)

    def history(
        self, target: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[Decision]:
        return self._log.history(target, limit, offset)

    def _actor(self, name: str) -> Actor:
        user = self._store.get_user(name)
        return Actor(name, user.organisation) if user else Actor(name)
