"""The AccessStore contract: accounts, groups, markings and the audit log, on every store."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.errors import NotFoundError, StoreError
from mosaic.model import (
    Distribution,
    Entity,
    EntityKind,
    Event,
    EventType,
    Marking,
    Relation,
    RelationType,
    Report,
    Statement,
    SubjectKind,
    Tlp,
)
from mosaic.model.accounts import ApiToken, Organisation, Role, Session, User
from mosaic.model.audit import AuditEvent, chain, verify_chain
from mosaic.model.sharing import GroupMember, SharingGroup
from mosaic.store.ports import AccessStore, Repository

NOW = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)
REMOTE = GroupMember("https://mosaic.partner.example", "cert-b")


class Store(Repository, AccessStore):
    """Both ports, as every concrete store implements them."""


def with_users(repo: Store) -> None:
    repo.add_organisation(Organisation("org-a", NOW))
    repo.add_organisation(Organisation("org-b", NOW))
    repo.add_user(User("ana", "org-a", Role.ADMIN, NOW))
    repo.add_user(User("bob", "org-b", Role.READER, NOW))


def test_access_organisations_and_users_round_trip(repo: Store) -> None:
    with_users(repo)
    assert [o.name for o in repo.list_organisations()] == ["org-a", "org-b"]
    assert repo.get_organisation("org-a") == Organisation("org-a", NOW)
    assert repo.get_user("bob") == User("bob", "org-b", Role.READER, NOW)
    assert repo.get_user("nobody") is None
    assert [u.name for u in repo.list_users()] == ["ana", "bob"]
    assert [u.name for u in repo.list_users("org-b")] == ["bob"]


def test_access_names_are_unique_and_users_need_their_organisation(repo: Store) -> None:
    with_users(repo)
    with pytest.raises(StoreError):
        repo.add_organisation(Organisation("org-a", NOW))
    with pytest.raises(StoreError):
        repo.add_user(User("ana", "org-b", Role.READER, NOW))
    with pytest.raises(StoreError):
        repo.add_user(User("eve", "no-such-org", Role.READER, NOW))


def test_access_tokens_are_revoked_once(repo: Store) -> None:
    with_users(repo)
    repo.add_token(ApiToken("0123456789abcdef", "ana", "$argon2id$x", NOW))
    assert repo.get_token("0123456789abcdef") == ApiToken(
        "0123456789abcdef", "ana", "$argon2id$x", NOW
    )
    later = NOW + dt.timedelta(minutes=5)
    assert repo.revoke_token("0123456789abcdef", later)
    assert not repo.revoke_token("0123456789abcdef", later)
    assert not repo.revoke_token("fedcba9876543210", later)
    (token,) = repo.tokens_of("ana")
    assert token.revoked_at == later and not token.active
    assert repo.tokens_of("bob") == []


def test_access_sessions_are_found_and_deleted(repo: Store) -> None:
    with_users(repo)
    session = Session("h" * 64, "bob", NOW, NOW + dt.timedelta(hours=8))
    repo.add_session(session)
    assert repo.get_session("h" * 64) == session
    repo.delete_session("h" * 64)
    assert repo.get_session("h" * 64) is None


def test_access_sharing_groups_hold_members_of_other_instances(repo: Store) -> None:
    repo.add_sharing_group(SharingGroup("partners", "org-a", NOW))
    repo.add_group_member("partners", REMOTE)
    repo.add_group_member("partners", REMOTE)
    repo.add_group_member("partners", GroupMember("local", "org-b"))
    group = repo.get_sharing_group("partners")
    assert group is not None
    assert group.members == frozenset({REMOTE, GroupMember("local", "org-b")})
    assert group.includes("cert-b", REMOTE.instance)
    assert repo.remove_group_member("partners", REMOTE)
    assert not repo.remove_group_member("partners", REMOTE)
    assert [g.name for g in repo.list_sharing_groups()] == ["partners"]
    with pytest.raises(NotFoundError):
        repo.add_group_member("nobody", REMOTE)
    with pytest.raises(StoreError):
        repo.add_sharing_group(SharingGroup("partners", "org-b", NOW))


def test_access_set_marking_changes_one_record(repo: Store) -> None:
    report = Report(text="A report.", marking=Marking("org-a", Tlp.RED, Distribution.ORGANISATION))
    other = Report(text="Another report.", marking=Marking("org-a", Tlp.RED))
    repo.add_report(report, [1, 2])
    repo.add_report(other, [3, 4])
    released = Marking("org-a", Tlp.GREEN, Distribution.GROUP, "partners")
    assert repo.set_marking("report", report.id, released)
    assert not repo.set_marking("report", "no-such-report", released)
    stored = repo.get_report(report.id)
    assert stored is not None and stored.marking == released
    unchanged = repo.get_report(other.id)
    assert unchanged is not None and unchanged.marking == Marking("org-a", Tlp.RED)


def test_access_audit_log_appends_in_order_and_refuses_a_second_entry_at_a_place(
    repo: Store,
) -> None:
    assert repo.last_audit_entry() is None
    entries = []
    for action in ("org.add", "user.add", "login"):
        event = AuditEvent(NOW.isoformat(), "ana", "org-a", action, "x", {"ü": [1, "é"]})
        entries.append(chain(entries[-1] if entries else None, event))
        repo.append_audit_entry(entries[-1])
    assert repo.last_audit_entry() == entries[-1]
    assert repo.audit_entries() == entries
    assert repo.audit_entries(after=1, limit=1) == entries[1:2]
    assert verify_chain(repo.audit_entries()).intact
    with pytest.raises(StoreError):
        repo.append_audit_entry(entries[1])


def test_access_audit_entry_is_rolled_back_with_its_transaction(repo: Store) -> None:
    event = AuditEvent(NOW.isoformat(), "ana", "org-a", "org.add", "org-a")
    with pytest.raises(RuntimeError), repo.transaction():
        repo.add_organisation(Organisation("org-a", NOW))
        repo.append_audit_entry(chain(None, event))
        raise RuntimeError("the write failed")
    assert repo.last_audit_entry() is None
    assert repo.get_organisation("org-a") is None


def test_access_set_marking_reaches_every_kind_of_record(repo: Store) -> None:
    report = Report(text="A report.")
    repo.add_report(report, [1, 2])
    repo.save_entity(Entity("ent-1", EntityKind.ORGANIZATION, "Group"))
    repo.save_event(Event("ev-1", EventType.ATTACK))
    repo.save_relation(Relation("rel-1", RelationType.ALLEGIANCE, "ent-1", "ent-2"))
    repo.add_statements([statement_about(report.id)])
    red = Marking("org-a", Tlp.RED, Distribution.ORGANISATION)
    getters = {
        "report": repo.get_report,
        "statement": repo.get_statement,
        "entity": repo.get_entity,
        "event": repo.get_event,
        "relation": repo.get_relation,
    }
    ids = {"report": report.id, "statement": "st-1", "entity": "ent-1", "event": "ev-1"}
    ids["relation"] = "rel-1"
    for kind, record_id in ids.items():
        assert repo.set_marking(kind, record_id, red), kind
        assert getattr(getters[kind](record_id), "marking", None) == red, kind
    with pytest.raises(ValueError):
        repo.set_marking("mention", "x", red)


def statement_about(report_id: str) -> Statement:
    return Statement(
        id="st-1",
        subject_kind=SubjectKind.EVENT,
        subject_id="ev-1",
        prop="killed",
        value="5",
        report_id=report_id,
        start=0,
        end=5,
        sentence="A report.",
        extractor="test.v1",
    )
