"""Use cases of who uses an instance: organisations, users, tokens and sharing groups.

Every change is recorded in the audit log with who made it. A new user gets an
API token whose text is returned once and never stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from mosaic.errors import InputError, NotFoundError
from mosaic.model.accounts import ApiToken, Organisation, Role, User, is_handle
from mosaic.model.sharing import LOCAL_INSTANCE, GroupMember, SharingGroup
from mosaic.services.audit import Actor, Clock, record, utc_now
from mosaic.share.tokens import TokenHasher
from mosaic.store.ports import KnowledgeBase


@dataclass(frozen=True)
class NewUser:
    user: User
    token_id: str
    token: str
    """The token's text: shown to the user once, kept nowhere."""


def add_organisation(
    store: KnowledgeBase, name: str, actor: Actor, clock: Clock = utc_now
) -> Organisation:
    _require_handle(name, "organisation")
    if store.get_organisation(name) is not None:
        raise InputError(name, "an organisation of this name exists already")
    organisation = Organisation(name, clock())
    store.add_organisation(organisation)
    record(store, actor, "organisation.add", name, clock=clock)
    return organisation


def add_user(
    store: KnowledgeBase,
    hasher: TokenHasher,
    name: str,
    organisation: str,
    role: Role,
    actor: Actor,
    clock: Clock = utc_now,
) -> NewUser:
    _require_handle(name, "user")
    if store.get_organisation(organisation) is None:
        raise NotFoundError(f"organisation {organisation}: no such organisation (mosaic org add)")
    if store.get_user(name) is not None:
        raise InputError(name, "a user of this name exists already")
    user = User(name, organisation, role, clock())
    with store.transaction():
        store.add_user(user)
        token_id, token = _issue(store, hasher, name, clock)
    details = {"organisation": organisation, "role": role.value}
    record(store, actor, "user.add", name, details, clock=clock)
    return NewUser(user, token_id, token)


def issue_token(
    store: KnowledgeBase, hasher: TokenHasher, user: str, actor: Actor, clock: Clock = utc_now
) -> tuple[str, str]:
    """A further token for `user`: its id and its text (shown once)."""
    if store.get_user(user) is None:
        raise NotFoundError(f"user {user}: no such user")
    token_id, token = _issue(store, hasher, user, clock)
    record(store, actor, "token.add", token_id, {"user": user}, clock=clock)
    return token_id, token


def revoke_token(store: KnowledgeBase, token_id: str, actor: Actor, clock: Clock = utc_now) -> None:
    found = store.get_token(token_id)
    if found is None:
        raise NotFoundError(f"token {token_id}: no such token")
    if not store.revoke_token(token_id, clock()):
        raise InputError(token_id, "this token was revoked already")
    record(store, actor, "token.revoke", token_id, {"user": found.user}, clock=clock)


def revoke_user_tokens(
    store: KnowledgeBase, user: str, actor: Actor, clock: Clock = utc_now
) -> list[str]:
    """Revoke every active token of `user`; their ids."""
    if store.get_user(user) is None:
        raise NotFoundError(f"user {user}: no such user")
    active = [token.id for token in store.tokens_of(user) if token.active]
    for token_id in active:
        revoke_token(store, token_id, actor, clock)
    return active


def add_sharing_group(
    store: KnowledgeBase, name: str, owner: str, actor: Actor, clock: Clock = utc_now
) -> SharingGroup:
    _require_handle(name, "sharing group")
    if store.get_organisation(owner) is None:
        raise NotFoundError(f"organisation {owner}: no such organisation (mosaic org add)")
    if store.get_sharing_group(name) is not None:
        raise InputError(name, "a sharing group of this name exists already")
    group = SharingGroup(name, owner, clock())
    store.add_sharing_group(group)
    record(store, actor, "group.add", name, {"owner": owner}, clock=clock)
    return group


def add_group_member(
    store: KnowledgeBase,
    group: str,
    organisation: str,
    actor: Actor,
    instance: str = LOCAL_INSTANCE,
    clock: Clock = utc_now,
) -> GroupMember:
    """Add an organisation of this instance (which must exist) or of another one."""
    member = GroupMember(instance, organisation)
    if member.local and store.get_organisation(organisation) is None:
        raise NotFoundError(f"organisation {organisation}: no such organisation on this instance")
    store.add_group_member(group, member)
    details = {"instance": instance, "organisation": organisation}
    record(store, actor, "group.member.add", group, details, clock=clock)
    return member


def remove_group_member(
    store: KnowledgeBase,
    group: str,
    organisation: str,
    actor: Actor,
    instance: str = LOCAL_INSTANCE,
    clock: Clock = utc_now,
) -> None:
    if not store.remove_group_member(group, GroupMember(instance, organisation)):
        raise NotFoundError(f"sharing group {group}: {organisation} is not a member")
    details = {"instance": instance, "organisation": organisation}
    record(store, actor, "group.member.remove", group, details, clock=clock)


def has_admin(store: KnowledgeBase) -> bool:
    return any(user.role is Role.ADMIN for user in store.list_users())


def _issue(store: KnowledgeBase, hasher: TokenHasher, user: str, clock: Clock) -> tuple[str, str]:
    issued = hasher.issue()
    store.add_token(ApiToken(issued.id, user, issued.secret_hash, clock()))
    return issued.id, issued.text


def _require_handle(name: str, what: str) -> None:
    if not is_handle(name):
        raise InputError(name, f"not a usable {what} name (letters, digits, '.', '_', '-')")
