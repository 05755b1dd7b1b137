import datetime as dt

from mosaic.model.accounts import Role
from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE
from mosaic.services.authentication import SESSION_LIFETIME, Authenticator
from mosaic.share.tokens import session_hash
from support.accounts import CHEAP_HASHER
from support.memory import MemoryRepository


def test_authentication_token_session_and_logout() -> None:
    store = MemoryRepository()
    accounts.add_organisation(store, "org-a", COMMAND_LINE)
    new = accounts.add_user(store, CHEAP_HASHER, "ana", "org-a", Role.READER, COMMAND_LINE)
    now = [dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)]
    auth = Authenticator(store, CHEAP_HASHER, clock=lambda: now[0])
    assert auth.user_for_token(new.token + "x") is None
    assert auth.user_for_token("mosaic_0000000000000000_guess") is None
    assert auth.login("not a token") is None
    logged_in = auth.login(new.token)
    assert logged_in is not None
    user, session_id = logged_in
    assert user.name == "ana"
    assert auth.user_for_session(session_id) == user
    assert auth.user_for_session(session_id + "x") is None
    now[0] += SESSION_LIFETIME
    assert auth.user_for_session(session_id) is None
    assert store.get_session(session_hash(session_id)) is None
    auth.logout(session_id)
    assert store.last_audit_entry().event.action == "login"  # type: ignore[union-attr]


def test_authentication_revoking_every_token_ends_the_users_sessions() -> None:
    store = MemoryRepository()
    accounts.add_organisation(store, "org-a", COMMAND_LINE)
    new = accounts.add_user(store, CHEAP_HASHER, "ana", "org-a", Role.ANALYST, COMMAND_LINE)
    auth = Authenticator(store, CHEAP_HASHER)
    logged_in = auth.login(new.token)
    assert logged_in is not None and auth.user_for_session(logged_in[1]) is not None
    accounts.revoke_user_tokens(store, "ana", COMMAND_LINE)
    assert auth.user_for_session(logged_in[1]) is None
