import hashlib
import json
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from mosaic.model.audit import GENESIS, AuditEntry, AuditEvent, chain, verify_chain


def event(action: str, **details: object) -> AuditEvent:
    return AuditEvent("2026-12-05T12:00:00+00:00", "ana", "org-a", action, "r-1", details)


def log(*actions: str) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for action in actions:
        entries.append(chain(entries[-1] if entries else None, event(action, n=len(entries))))
    return entries


def test_audit_hash_is_sha256_of_previous_hash_and_canonical_json() -> None:
    first = chain(None, event("report.ingest", tlp="TLP:AMBER", ü="é"))
    body = {
        "action": "report.ingest",
        "actor": "ana",
        "at": "2026-12-05T12:00:00+00:00",
        "details": {"tlp": "TLP:AMBER", "ü": "é"},
        "organisation": "org-a",
        "sequence": 1,
        "target": "r-1",
    }
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert first.previous == GENESIS
    assert first.hash == hashlib.sha256((GENESIS + text).encode("utf-8")).hexdigest()


def test_audit_entries_follow_one_another() -> None:
    first, second = log("user.add", "login")
    assert (first.sequence, second.sequence) == (1, 2)
    assert second.previous == first.hash


def test_audit_verify_accepts_an_untouched_chain() -> None:
    entries = log("org.add", "user.add", "login")
    report = verify_chain(entries, expected_head=entries[1].hash)
    assert report.intact
    assert (report.entries, report.head) == (3, entries[-1].hash)


def test_audit_verify_finds_an_edited_entry() -> None:
    entries = log("org.add", "marking.release", "login")
    entries[1] = replace(entries[1], event=replace(entries[1].event, actor="mallory"))
    report = verify_chain(entries)
    assert not report.intact
    assert report.problems == ("entry 2: its content does not match its hash (edited)",)


def test_audit_verify_finds_an_edit_whose_hash_was_recomputed() -> None:
    entries = log("org.add", "marking.release", "login")
    forged = replace(entries[1].event, details={"reason": "forged"})
    entries[1] = chain(entries[0], forged)
    problems = verify_chain(entries).problems
    assert problems == ("entry 3: does not follow the entry before it",)


def test_audit_verify_finds_a_deleted_entry() -> None:
    entries = log("org.add", "user.add", "login")
    del entries[1]
    problems = verify_chain(entries).problems
    assert "entry 3: expected entry 2 (entries missing)" in problems
    assert "entry 3: does not follow the entry before it" in problems


def test_audit_verify_finds_the_newest_entries_gone_only_against_a_noted_head() -> None:
    entries = log("org.add", "user.add", "login")
    head = entries[-1].hash
    assert verify_chain(entries[:-1]).intact
    assert not verify_chain(entries[:-1], expected_head=head).intact


def test_audit_verify_of_an_empty_log_is_intact() -> None:
    report = verify_chain([])
    assert report.intact and report.entries == 0 and report.head == GENESIS


texts = st.text(max_size=12)
events = st.builds(
    AuditEvent,
    at=st.just("2026-12-05T12:00:00+00:00"),
    actor=texts,
    organisation=texts,
    action=st.sampled_from(["report.ingest", "login", "marking.release", "export"]),
    target=texts,
    details=st.dictionaries(texts, st.integers() | texts, max_size=3),
)


def chained(items: list[AuditEvent]) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for item in items:
        entries.append(chain(entries[-1] if entries else None, item))
    return entries


@settings(max_examples=100, deadline=None)
@given(st.lists(events, min_size=2, max_size=12), st.data())
def test_audit_verify_finds_any_one_edit_or_deletion_but_the_newest(
    items: list[AuditEvent], data: st.DataObject
) -> None:
    entries = chained(items)
    assert verify_chain(entries).intact
    index = data.draw(st.integers(0, len(entries) - 2), label="index")
    how = data.draw(st.sampled_from(["delete", "edit", "swap"]), label="how")
    if how == "delete":
        del entries[index]
    elif how == "swap":
        entries[index], entries[index + 1] = entries[index + 1], entries[index]
    else:
        changed = data.draw(events.filter(lambda e: e != entries[index].event), label="new")
        entries[index] = replace(entries[index], event=changed)
    assert not verify_chain(entries).intact
