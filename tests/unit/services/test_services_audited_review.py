import datetime as dt

from mosaic.model.accounts import Role
from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE, verify
from mosaic.services.audited_review import AuditedReviewLog
from mosaic.store.review import Decision, MemoryReviewLog
from support.accounts import CHEAP_HASHER
from support.memory import MemoryRepository

AT = dt.datetime(2026, 12, 5, 12, 0)


def test_audited_review_records_each_decision_and_undo_with_the_reviewers_organisation() -> None:
    store = MemoryRepository()
    accounts.add_organisation(store, "org-a", COMMAND_LINE)
    accounts.add_user(store, CHEAP_HASHER, "ana", "org-a", Role.ANALYST, COMMAND_LINE)
    log = AuditedReviewLog(MemoryReviewLog(), store)
    log.record(Decision("d-1", "merge", "ent-1", "ana", AT, note="same group"))
    log.mark_undone("d-1", "analyst", AT)
    decision = log.get("d-1")
    assert decision is not None and not decision.active
    merge, undo = store.audit_entries()[-2:]
    assert (merge.event.action, merge.event.target, merge.event.organisation) == (
        "review.merge",
        "ent-1",
        "org-a",
    )
    assert merge.event.details == {"decision": "d-1", "note": "same group"}
    assert (undo.event.action, undo.event.actor, undo.event.organisation) == (
        "review.undo",
        "analyst",
        "local",
    )
    assert verify(store).intact
