import datetime as dt

import pytest

from mosaic.model.accounts import ApiToken, Role, Session, is_handle
from mosaic.model.sharing import GroupMember, SharingGroup

NOW = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)


def test_accounts_roles_grant_writing_and_administering_in_steps() -> None:
    assert [role.can_write for role in Role] == [False, True, True]
    assert [role.can_administer for role in Role] == [False, False, True]


@pytest.mark.parametrize("name", ["org-a", "CERT.fr", "a", "user_1"])
def test_accounts_handles_accept_plain_names(name: str) -> None:
    assert is_handle(name)


@pytest.mark.parametrize("name", ["", "-org", "two words", "a/b", "x" * 64, "ünï"])
def test_accounts_handles_refuse_what_urls_and_shells_mangle(name: str) -> None:
    assert not is_handle(name)


def test_accounts_token_is_active_until_revoked() -> None:
    token = ApiToken("0123456789abcdef", "ana", "$argon2id$...", NOW)
    assert token.active
    assert not ApiToken("0123456789abcdef", "ana", "h", NOW, revoked_at=NOW).active


def test_accounts_session_expires() -> None:
    session = Session("hash", "ana", NOW, NOW + dt.timedelta(hours=8))
    assert session.valid_at(NOW + dt.timedelta(hours=7))
    assert not session.valid_at(NOW + dt.timedelta(hours=8))


def test_sharing_group_includes_its_owner_and_members_of_other_instances() -> None:
    remote = GroupMember("https://mosaic.partner.example", "cert-b")
    group = SharingGroup("partners", "org-a", NOW, frozenset({remote}))
    assert group.includes("org-a")
    assert group.includes("cert-b", "https://mosaic.partner.example")
    assert not group.includes("cert-b")
    assert not group.includes("org-c")
    assert str(remote) == "cert-b@https://mosaic.partner.example"
