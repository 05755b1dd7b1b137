"""Review decisions made over the API land in the audit log (memory store and SQLite file)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from mosaic.services.audit import verify
from mosaic.store.ports import KnowledgeBase, Repository

pytestmark = pytest.mark.e2e


def test_api_audit_review_decision_and_undo_are_recorded(
    client: TestClient, repo: Repository
) -> None:
    store: KnowledgeBase = repo  # type: ignore[assignment]
    waiting = client.get("/api/review/queue?limit=1").json()["items"][0]["id"]
    decision = client.post(f"/api/review/statements/{waiting}", json={"action": "reject"}).json()
    client.post(f"/api/review/decisions/{decision['id']}/undo")
    reject, undo = store.audit_entries()[-2:]
    assert (reject.event.action, reject.event.target, reject.event.actor) == (
        "review.reject",
        waiting,
        "analyst",
    )
    assert reject.event.details["decision"] == decision["id"]
    assert (undo.event.action, undo.event.target) == ("review.undo", decision["id"])
    assert verify(store).intact
