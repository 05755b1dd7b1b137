"""Ingesting a text another organisation holds tells nothing of it: each keeps its own copy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mosaic.api.app import create_app
from mosaic.model.accounts import Role
from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE
from mosaic.store.sql import SqlRepository, open_repository
from mosaic.web.app import install_web
from support.accounts import CHEAP_HASHER
from support.extractors import EmptyExtractor

pytestmark = pytest.mark.e2e

TEXT = "A raid near the border, reported by both organisations."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlRepository]:
    repo = open_repository(str(tmp_path / "kb.db"))
    for org in ("org-a", "org-b"):
        accounts.add_organisation(repo, org, COMMAND_LINE)
    yield repo
    repo.close()


def _client(store: SqlRepository) -> TestClient:
    app = install_web(create_app(lambda: store, EmptyExtractor))
    return TestClient(app, base_url="http://localhost")


def _token(store: SqlRepository, name: str, org: str) -> dict[str, str]:
    token = accounts.add_user(store, CHEAP_HASHER, name, org, Role.ANALYST, COMMAND_LINE).token
    return {"Authorization": f"Bearer {token}"}


def test_api_sharing_copies_the_same_text_is_new_to_each_organisation(
    store: SqlRepository,
) -> None:
    ana, bea = _token(store, "ana", "org-a"), _token(store, "bea", "org-b")
    client = _client(store)
    body = {"text": TEXT, "marking": "TLP:AMBER"}
    first = client.post("/api/reports", json=body, headers=ana).json()["outcomes"][0]
    second = client.post("/api/reports", json=body, headers=bea)
    outcome = second.json()["outcomes"][0]
    assert (second.status_code, outcome["outcome"]) == (201, "stored")
    assert outcome["report_id"] != first["report_id"]
    assert outcome["near_duplicates"] == []
    assert client.get(f"/api/reports/{first['report_id']}", headers=bea).status_code == 404
    again = client.post("/api/reports", json=body, headers=bea).json()["outcomes"][0]
    assert again["outcome"] == "duplicate"
