import pytest

from mosaic.errors import InputError, NotFoundError
from mosaic.model.accounts import Role
from mosaic.model.sharing import GroupMember
from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE, verify
from mosaic.services.authentication import Authenticator
from mosaic.share.tokens import split_token
from support.accounts import CHEAP_HASHER
from support.memory import MemoryRepository


@pytest.fixture
def store() -> MemoryRepository:
    store = MemoryRepository()
    accounts.add_organisation(store, "org-a", COMMAND_LINE)
    return store


def test_accounts_new_user_gets_a_token_that_is_stored_only_as_a_hash(
    store: MemoryRepository,
) -> None:
    new = accounts.add_user(store, CHEAP_HASHER, "ana", "org-a", Role.ANALYST, COMMAND_LINE)
    (stored,) = store.tokens_of("ana")
    assert stored.id == new.token_id
    parts = split_token(new.token)
    assert parts is not None and parts[0] == new.token_id
    assert parts[1] not in stored.secret_hash
    assert Authenticator(store, CHEAP_HASHER).user_for_token(new.token) == new.user


def test_accounts_refuse_duplicates_bad_names_and_unknown_organisations(
    store: MemoryRepository,
) -> None:
    accounts.add_user(store, CHEAP_HASHER, "ana", "org-a", Role.READER, COMMAND_LINE)
    with pytest.raises(InputError):
        accounts.add_organisation(store, "org-a", COMMAND_LINE)
    with pytest.raises(InputError):
        accounts.add_user(store, CHEAP_HASHER, "ana", "org-a", Role.READER, COMMAND_LINE)
    with pytest.raises(InputError):
        accounts.add_user(store, CHEAP_HASHER, "a b", "org-a", Role.READER, COMMAND_LINE)
    with pytest.raises(NotFoundError):
        accounts.add_user(store, CHEAP_HASHER, "bob", "org-z", Role.READER, COMMAND_LINE)


def test_accounts_revoked_token_no_longer_authenticates(store: MemoryRepository) -> None:
    new = accounts.add_user(store, CHEAP_HASHER, "ana", "org-a", Role.ADMIN, COMMAND_LINE)
    authenticator = Authenticator(store, CHEAP_HASHER)
    assert authenticator.user_for_token(new.token) is not None
    assert accounts.revoke_user_tokens(store, "ana", COMMAND_LINE) == [new.token_id]
    assert authenticator.user_for_token(new.token) is None
    with pytest.raises(InputError):
        accounts.revoke_token(store, new.token_id, COMMAND_LINE)


def test_accounts_has_admin_only_once_an_admin_exists(store: MemoryRepository) -> None:
    accounts.add_user(store, CHEAP_HASHER, "bob", "org-a", Role.READER, COMMAND_LINE)
    assert not accounts.has_admin(store)
    accounts.add_user(store, CHEAP_HASHER, "ana", "org-a", Role.ADMIN, COMMAND_LINE)
    assert accounts.has_admin(store)


def test_accounts_sharing_group_members_here_must_exist_elsewhere_need_not(
    store: MemoryRepository,
) -> None:
    accounts.add_sharing_group(store, "partners", "org-a", COMMAND_LINE)
    accounts.add_group_member(store, "partners", "cert-b", COMMAND_LINE, "https://b.example")
    with pytest.raises(NotFoundError):
        accounts.add_group_member(store, "partners", "cert-b", COMMAND_LINE)
    group = store.get_sharing_group("partners")
    assert group is not None
    assert group.members == frozenset({GroupMember("https://b.example", "cert-b")})


def test_accounts_every_change_is_in_the_audit_log(store: MemoryRepository) -> None:
    new = accounts.add_user(store, CHEAP_HASHER, "ana", "org-a", Role.ADMIN, COMMAND_LINE)
    accounts.add_sharing_group(store, "partners", "org-a", COMMAND_LINE)
    accounts.revoke_token(store, new.token_id, COMMAND_LINE)
    actions = [entry.event.action for entry in store.audit_entries()]
    assert actions == ["organisation.add", "user.add", "group.add", "token.revoke"]
    assert all(entry.event.actor == "cli" for entry in store.audit_entries())
    assert verify(store).intact
