"""An API client over the sample knowledge base, once in memory and once in a SQLite file;
and the sample on a SQLite file shared by two organisations (`store`, `tokens`, `app`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from mosaic.api.app import create_app
from mosaic.api.sample import build_sample
from mosaic.model.accounts import Role
from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE
from mosaic.store.ports import Repository
from mosaic.store.sql import SqlRepository, open_repository
from mosaic.web.app import install_web
from support.accounts import CHEAP_HASHER
from support.extractors import EmptyExtractor
from support.memory import MemoryRepository

LOCAL = "http://localhost"  # the app answers loopback names only, not TestClient's "testserver"


@pytest.fixture(params=["memory", "sqlite"])
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    store: Repository = (
        MemoryRepository()
        if request.param == "memory"
        else open_repository(str(tmp_path / "kb.db"))
    )
    build_sample(store)
    yield store
    close = getattr(store, "close", None)
    if close is not None:
        close()


@pytest.fixture
def client(repo: Repository) -> TestClient:
    return TestClient(install_web(create_app(lambda: repo, EmptyExtractor)), base_url=LOCAL)


USERS = {
    "alice": ("org-a", Role.ADMIN),
    "ana": ("org-a", Role.ANALYST),
    "rita": ("org-a", Role.READER),
    "bob": ("org-b", Role.READER),
    "bea": ("org-b", Role.ANALYST),
}
"""Who uses the two-organisation instance: name -> (organisation, role)."""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlRepository]:
    """The sample, organisations org-a and org-b, and org-a's sharing group `partners`."""
    repo = open_repository(str(tmp_path / "kb.db"))
    build_sample(repo)
    for org in ("org-a", "org-b"):
        accounts.add_organisation(repo, org, COMMAND_LINE)
    accounts.add_sharing_group(repo, "partners", "org-a", COMMAND_LINE)
    yield repo
    repo.close()


@pytest.fixture
def tokens(store: SqlRepository) -> dict[str, str]:
    """The USERS' API tokens by name."""
    return {
        name: accounts.add_user(store, CHEAP_HASHER, name, org, role, COMMAND_LINE).token
        for name, (org, role) in USERS.items()
    }


@pytest.fixture
def app(store: SqlRepository) -> FastAPI:
    return install_web(create_app(lambda: store, EmptyExtractor))
