"""Sign-in over HTTP: tokens, sessions, roles, revocation and the audit trail of writes.

Runs on a real SQLite file; the users' tokens are hashed with a cheap argon2id
(the parameters travel in the hash, so the app's own hasher checks them).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mosaic.api.app import create_app
from mosaic.model.accounts import Role
from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE, verify
from mosaic.store.sql import SqlRepository, open_repository
from mosaic.web.app import install_web
from support.accounts import CHEAP_HASHER
from support.forms import submit

from .conftest import EmptyExtractor

pytestmark = pytest.mark.e2e

AMBER_TEXT = "Org A's own reporting on a raid near the border, not for others."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlRepository]:
    repo = open_repository(str(tmp_path / "kb.db"))
    yield repo
    repo.close()


@pytest.fixture
def tokens(store: SqlRepository) -> dict[str, str]:
    """An analyst and a reader of each of org-a and org-b: their tokens by name."""
    for org in ("org-a", "org-b"):
        accounts.add_organisation(store, org, COMMAND_LINE)
    users = {"ana": ("org-a", Role.ANALYST), "rita": ("org-a", Role.READER)}
    users |= {"bob": ("org-b", Role.READER), "bea": ("org-b", Role.ANALYST)}
    return {
        name: accounts.add_user(store, CHEAP_HASHER, name, org, role, COMMAND_LINE).token
        for name, (org, role) in users.items()
    }


@pytest.fixture
def client(store: SqlRepository) -> TestClient:
    return TestClient(
        install_web(create_app(lambda: store, EmptyExtractor)), base_url="http://localhost"
    )


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_api_authentication_no_users_serves_the_lone_analyst(client: TestClient) -> None:
    assert client.get("/api/reports").status_code == 200
    assert client.get("/").status_code == 200
    proxied = client.get("/api/reports", headers={"X-Forwarded-For": "203.0.113.9"})
    assert proxied.status_code == 401


@pytest.mark.parametrize("path", ["/api/reports", "/api/events", "/api/stats", "/openapi.json"])
def test_api_authentication_once_users_exist_requests_need_a_token(
    client: TestClient, tokens: dict[str, str], path: str
) -> None:
    refused = client.get(path)
    assert refused.status_code == 401
    assert "error" in refused.json() and refused.headers["www-authenticate"] == "Bearer"
    assert client.get(path, headers=bearer(tokens["ana"] + "x")).status_code == 401
    assert client.get(path, headers=bearer("mosaic_0123456789abcdef_guess")).status_code == 401
    assert client.get(path, headers=bearer(tokens["ana"])).status_code == 200


def test_api_authentication_readers_may_not_write(
    client: TestClient, tokens: dict[str, str]
) -> None:
    body = {"text": "A report a reader tries to add."}
    refused = client.post("/api/reports", json=body, headers=bearer(tokens["rita"]))
    assert refused.status_code == 403 and "reader" in refused.json()["error"]
    assert client.post("/api/reports", json=body, headers=bearer(tokens["ana"])).status_code == 201


def test_api_authentication_revoked_token_is_refused_at_once(
    client: TestClient, store: SqlRepository, tokens: dict[str, str]
) -> None:
    assert client.get("/api/reports", headers=bearer(tokens["ana"])).status_code == 200
    accounts.revoke_user_tokens(store, "ana", COMMAND_LINE)
    assert client.get("/api/reports", headers=bearer(tokens["ana"])).status_code == 401


def test_api_authentication_ingest_is_owned_marked_and_audited(
    client: TestClient, store: SqlRepository, tokens: dict[str, str]
) -> None:
    accounts.add_sharing_group(store, "partners", "org-a", COMMAND_LINE)
    body = {"text": AMBER_TEXT, "marking": "TLP:AMBER", "distribution": "partners"}
    response = client.post("/api/reports", json=body, headers=bearer(tokens["ana"]))
    report_id = response.json()["outcomes"][0]["report_id"]
    report = store.get_report(report_id)
    assert report is not None
    assert (report.marking.owner, report.marking.sharing_group) == ("org-a", "partners")
    entry = store.last_audit_entry()
    assert entry is not None and entry.event.action == "report.ingest"
    assert (entry.event.actor, entry.event.organisation) == ("ana", "org-a")
    assert (
        entry.target == report_id if hasattr(entry, "target") else entry.event.target == report_id
    )
    other_org = {"text": "Another.", "org": "org-b"}
    refused = client.post("/api/reports", json=other_org, headers=bearer(tokens["ana"]))
    assert refused.status_code == 403
    assert verify(store).intact


def test_api_authentication_upload_takes_tlp_and_distribution(
    client: TestClient, store: SqlRepository, tokens: dict[str, str]
) -> None:
    response = client.post(
        "/api/reports/upload",
        files={"file": ("raid.txt", b"Security forces raided a compound.\n", "text/plain")},
        data={"tlp": "amber+strict", "distribution": "organisation"},
        headers=bearer(tokens["ana"]),
    )
    assert response.status_code == 201
    report = store.get_report(response.json()["outcomes"][0]["report_id"])
    assert report is not None
    assert (report.marking.owner, report.marking.tlp.value, report.marking.distribution.value) == (
        "org-a",
        "TLP:AMBER+STRICT",
        "organisation",
    )


def test_api_authentication_other_organisations_amber_report_is_not_found(
    client: TestClient, tokens: dict[str, str]
) -> None:
    body = {"text": AMBER_TEXT, "marking": "TLP:AMBER"}
    posted = client.post("/api/reports", json=body, headers=bearer(tokens["ana"]))
    report_id = posted.json()["outcomes"][0]["report_id"]
    path = f"/api/reports/{report_id}"
    assert client.get(path, headers=bearer(tokens["rita"])).status_code == 200
    assert client.get(path, headers=bearer(tokens["bob"])).status_code == 404


def test_web_authentication_login_page_session_cookie_and_logout(
    client: TestClient, store: SqlRepository, tokens: dict[str, str]
) -> None:
    page = client.get("/")
    assert page.status_code == 401 and 'action="/login"' in page.text
    failed = submit(client, "/login", {"token": "wrong"})
    assert failed.status_code == 401
    signed_in = submit(client, "/login", {"token": tokens["rita"]})
    assert signed_in.status_code == 303
    cookie = signed_in.headers["set-cookie"]
    assert "mosaic_session=" in cookie and "HttpOnly" in cookie
    assert "samesite=strict" in cookie.lower()
    dashboard = client.get("/")
    assert dashboard.status_code == 200
    assert "rita · org-a (reader)" in dashboard.text and 'action="/logout"' in dashboard.text
    assert client.get("/api/reports").status_code == 200
    submit(client, "/logout", {}, page="/")
    client.cookies.clear()
    assert client.get("/").status_code == 401
    actions = [entry.event.action for entry in store.audit_entries()]
    assert actions[-2:] == ["login.failed", "login"]


def test_web_authentication_stolen_session_cookie_stops_at_logout(
    client: TestClient, tokens: dict[str, str]
) -> None:
    signed_in = submit(client, "/login", {"token": tokens["rita"]})
    session = signed_in.cookies["mosaic_session"]
    submit(client, "/logout", {}, page="/")
    client.cookies.clear()
    client.cookies.set("mosaic_session", session)
    assert client.get("/api/reports").status_code == 401


def test_web_authentication_revoking_one_token_ends_its_sessions_only(
    client: TestClient, store: SqlRepository, tokens: dict[str, str]
) -> None:
    second_id, second = accounts.issue_token(store, CHEAP_HASHER, "rita", COMMAND_LINE)
    first_session = submit(client, "/login", {"token": tokens["rita"]}).cookies["mosaic_session"]
    client.cookies.clear()
    second_session = submit(client, "/login", {"token": second}).cookies["mosaic_session"]
    client.cookies.clear()
    accounts.revoke_token(store, second_id, COMMAND_LINE)
    client.cookies.set("mosaic_session", second_session)
    assert client.get("/api/reports").status_code == 401
    client.cookies.set("mosaic_session", first_session)
    assert client.get("/api/reports").status_code == 200


def test_api_markings_owner_releases_with_a_reason_others_may_not(
    client: TestClient, store: SqlRepository, tokens: dict[str, str]
) -> None:
    body = {"text": AMBER_TEXT, "marking": "TLP:GREEN"}
    posted = client.post("/api/reports", json=body, headers=bearer(tokens["ana"]))
    path = f"/api/markings/report/{posted.json()['outcomes'][0]['report_id']}"
    release = {"tlp": "TLP:CLEAR", "reason": "published by the ministry"}
    assert client.post(path, json=release, headers=bearer(tokens["bea"])).status_code == 403
    assert client.post(path, json=release, headers=bearer(tokens["rita"])).status_code == 403
    no_reason = client.post(path, json={"tlp": "TLP:CLEAR"}, headers=bearer(tokens["ana"]))
    assert no_reason.status_code == 400
    done = client.post(path, json=release, headers=bearer(tokens["ana"]))
    assert done.status_code == 200
    assert done.json()["action"] == "marking.release"
    assert done.json()["marking"]["tlp"] == "TLP:CLEAR"
    entry = store.last_audit_entry()
    assert entry is not None and entry.event.details["reason"] == "published by the ministry"
    assert (entry.event.actor, entry.event.action) == ("ana", "marking.release")


def test_api_markings_hidden_record_is_not_found(
    client: TestClient, tokens: dict[str, str]
) -> None:
    body = {"text": AMBER_TEXT, "marking": "TLP:AMBER"}
    posted = client.post("/api/reports", json=body, headers=bearer(tokens["ana"]))
    path = f"/api/markings/report/{posted.json()['outcomes'][0]['report_id']}"
    release = {"tlp": "TLP:CLEAR", "reason": "let me see it"}
    hidden = client.post(path, json=release, headers=bearer(tokens["bea"]))
    missing = client.post("/api/markings/report/nope", json=release, headers=bearer(tokens["bea"]))
    assert hidden.status_code == missing.status_code == 404


def test_api_audit_every_export_is_recorded_with_its_filters(
    client: TestClient, store: SqlRepository, tokens: dict[str, str]
) -> None:
    response = client.get("/api/export?format=csv-gtd&country=af", headers=bearer(tokens["bob"]))
    assert response.status_code == 200
    entry = store.last_audit_entry()
    assert entry is not None
    assert (entry.event.action, entry.event.target, entry.event.actor) == (
        "export",
        "csv-gtd",
        "bob",
    )
    assert entry.event.organisation == "org-b" and entry.event.details["country"] == "AF"


def audited(store: SqlRepository) -> list[str]:
    return [entry.event.action for entry in store.audit_entries(limit=10_000)]


def test_api_authentication_wrong_secrets_lock_the_user_even_for_the_right_token(
    client: TestClient, store: SqlRepository, tokens: dict[str, str]
) -> None:
    wrong = tokens["ana"][:-4] + "AAAA"
    for _ in range(5):
        assert client.get("/api/reports", headers=bearer(wrong)).status_code == 401
    refused = client.get("/api/reports", headers=bearer(tokens["ana"]))
    assert refused.status_code == 429
    assert "for this user" in refused.json()["error"]
    assert int(refused.headers["retry-after"]) > 800
    assert client.get("/api/reports", headers=bearer(tokens["bea"])).status_code == 200
    trail = audited(store)
    assert trail.count("token.failed") == 5 and trail.count("token.locked") == 1


def test_api_authentication_guesses_from_one_client_are_throttled(
    client: TestClient, store: SqlRepository, tokens: dict[str, str]
) -> None:
    for attempt in range(20):
        guess = bearer(f"mosaic_{attempt:016x}_guess")
        assert client.get("/api/events", headers=guess).status_code == 401
    refused = client.get("/api/events", headers=bearer(tokens["bea"]))
    assert refused.status_code == 429 and "from this address" in refused.json()["error"]
    assert audited(store).count("token.failed") == 20


def test_api_authentication_a_revoked_token_sent_again_locks_no_one(
    client: TestClient, store: SqlRepository, tokens: dict[str, str]
) -> None:
    second_id, second = accounts.issue_token(store, CHEAP_HASHER, "ana", COMMAND_LINE)
    accounts.revoke_token(store, second_id, COMMAND_LINE)
    for _ in range(25):
        assert client.get("/api/reports", headers=bearer(second)).status_code == 401
    assert client.get("/api/reports", headers=bearer(tokens["ana"])).status_code == 200
    assert "token.failed" not in audited(store)
