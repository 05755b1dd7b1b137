"""`mosaic export --user`: the knowledge base as that user may see it."""

from __future__ import annotations

import datetime as dt

import pytest

from mosaic.cli.exporting import seen_by
from mosaic.errors import NotFoundError
from mosaic.model import Distribution, Marking, Tlp, Visibility
from mosaic.model.accounts import Organisation, Role, User
from mosaic.model.sharing import GroupMember, SharingGroup
from support.memory import MemoryRepository

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.fixture
def store() -> MemoryRepository:
    store = MemoryRepository()
    for name in ("alpha", "bravo"):
        store.add_organisation(Organisation(name, NOW))
    store.add_user(User("ben", "bravo", Role.READER, NOW))
    members = frozenset({GroupMember("local", "bravo")})
    store.add_sharing_group(SharingGroup("partners", "alpha", NOW, members))
    return store


def test_cli_exporting_a_user_sees_through_their_organisations_groups(
    store: MemoryRepository,
) -> None:
    repo = seen_by(store, "ben")
    assert repo.visibility == Visibility("bravo", frozenset({"partners"}))
    shared = Marking("alpha", Tlp.AMBER, Distribution.GROUP, "partners")
    assert repo.policy.allows(shared)
    assert not repo.policy.allows(Marking("alpha", Tlp.AMBER))


def test_cli_exporting_without_a_user_exports_everything(store: MemoryRepository) -> None:
    assert seen_by(store, None).visibility is None


def test_cli_exporting_an_unknown_user_is_an_error(store: MemoryRepository) -> None:
    with pytest.raises(NotFoundError, match="no such user"):
        seen_by(store, "nobody")
