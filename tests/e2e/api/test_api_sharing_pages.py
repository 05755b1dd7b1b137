"""The sharing pages over HTTP: markings on record pages, groups, the audit log, view-as,
and sign-in throttling; two organisations on one SQLite file (fixtures in conftest)."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from mosaic.api.sample import EVENTS, REPORTS
from mosaic.model import Distribution, Marking, Tlp
from mosaic.services.audit import COMMAND_LINE, record
from mosaic.store.sql import SqlRepository
from support.forms import client_for, form_token, signed_in, submit

pytestmark = pytest.mark.e2e

OWN_AMBER = Marking("org-a", Tlp.AMBER, Distribution.ORGANISATION)


def actions(store: SqlRepository) -> list[str]:
    return [entry.event.action for entry in store.audit_entries(limit=10_000)]


@pytest.mark.parametrize(
    ("kind", "path"),
    [
        ("report", f"/reports/{REPORTS[0].id}"),
        ("event", f"/events/{EVENTS[0].id}"),
        ("entity", "/entities/ttp"),
    ],
)
def test_sharing_pages_marking_form_for_the_owner_only(
    app: FastAPI, store: SqlRepository, tokens: dict[str, str], kind: str, path: str
) -> None:
    record_id = path.rsplit("/", 1)[1]
    store.set_marking(kind, record_id, Marking("org-a", Tlp.GREEN))
    owner = signed_in(app, tokens["ana"]).get(path)
    assert owner.status_code == 200
    assert f'action="/markings/{kind}/{record_id}"' in owner.text
    assert 'id="marking-tlp">TLP:GREEN' in owner.text
    for other in ("bea", "rita"):
        page = signed_in(app, tokens[other]).get(path)
        assert page.status_code == 200 and 'id="marking-tlp">TLP:GREEN' in page.text
        assert "/markings/" not in page.text, other


def test_sharing_pages_release_needs_a_reason_and_is_audited(
    app: FastAPI, store: SqlRepository, tokens: dict[str, str]
) -> None:
    report = REPORTS[0].id
    store.set_marking("report", report, OWN_AMBER)
    client = signed_in(app, tokens["ana"])
    page = f"/reports/{report}"
    release = {"tlp": "TLP:GREEN", "distribution": "partners"}
    refused = submit(client, f"/markings/report/{report}", release, page)
    assert refused.status_code == 400 and "needs a reason" in refused.text
    done = submit(client, f"/markings/report/{report}", {**release, "reason": "for partners"}, page)
    assert done.status_code == 303 and done.headers["location"] == f"/reports/{report}#marking"
    stored = store.get_report(report)
    assert stored is not None and stored.marking == Marking(
        "org-a", Tlp.GREEN, Distribution.GROUP, "partners"
    )
    entry = store.last_audit_entry()
    assert entry is not None
    assert (entry.event.action, entry.event.actor) == ("marking.release", "ana")
    assert entry.event.details["reason"] == "for partners"
    shown = client.get(page).text
    assert 'id="marking-tlp">TLP:GREEN' in shown and 'id="marking-group">(partners)' in shown


def test_sharing_pages_statement_page_shows_and_changes_its_marking(
    app: FastAPI, store: SqlRepository, tokens: dict[str, str]
) -> None:
    statement = store.statements_in_report(REPORTS[1].id)[0]
    store.set_marking("statement", statement.id, Marking("org-a", Tlp.GREEN))
    client = signed_in(app, tokens["alice"])
    page = f"/statements/{statement.id}"
    assert statement.sentence in client.get(page).text
    changed = submit(
        client,
        f"/markings/statement/{statement.id}",
        {"tlp": "RED", "distribution": "organisation"},
        page,
    )
    assert changed.status_code == 303
    stored = store.get_statement(statement.id)
    assert stored is not None and stored.marking.tlp is Tlp.RED
    assert actions(store)[-1] == "marking.change"


def test_sharing_pages_groups_admin_creates_and_edits_others_only_see(
    app: FastAPI, store: SqlRepository, tokens: dict[str, str]
) -> None:
    admin = signed_in(app, tokens["alice"])
    assert (
        submit(admin, "/groups", {"name": "border", "owner": "org-a"}, "/groups").status_code == 303
    )
    added = submit(admin, "/groups/border/members", {"organisation": "org-b"}, "/groups")
    assert added.status_code == 303
    remote = {"organisation": "cert-c", "instance": "https://mosaic.cert-c.example"}
    assert submit(admin, "/groups/border/members", remote, "/groups").status_code == 303
    page = admin.get("/groups").text
    assert (
        'data-member="org-b"' in page
        and 'data-member="cert-c@https://mosaic.cert-c.example"' in page
    )
    removed = submit(admin, "/groups/border/members/remove", {"organisation": "org-b"}, "/groups")
    assert removed.status_code == 303
    group = store.get_sharing_group("border")
    assert group is not None and not group.includes("org-b") and group.includes("org-a")
    assert actions(store)[-4:] == [
        "group.add",
        "group.member.add",
        "group.member.add",
        "group.member.remove",
    ]
    analyst = signed_in(app, tokens["bea"])
    seen = analyst.get("/groups").text
    assert 'data-group="border"' not in seen and 'action="/groups"' not in seen
    refused = submit(analyst, "/groups", {"name": "mine", "owner": "org-b"}, "/groups")
    assert refused.status_code == 403 and store.get_sharing_group("mine") is None


def test_sharing_pages_audit_log_for_admins_with_its_verification(
    app: FastAPI, store: SqlRepository, tokens: dict[str, str]
) -> None:
    admin = signed_in(app, tokens["alice"])
    page = admin.get("/audit")
    assert page.status_code == 200
    assert re.search(r"Intact: \d+ entries", page.text)
    rows = re.findall(r"<tr class=\"action-([\w-]+)\">", page.text)
    assert rows[0] == "login" and "user-add" in rows
    assert signed_in(app, tokens["ana"]).get("/audit").status_code == 403
    assert 'href="/audit"' not in signed_in(app, tokens["ana"]).get("/").text
    _tamper(store)
    assert "BROKEN" in admin.get("/audit").text


def _tamper(store: SqlRepository) -> None:
    """Edit the first entry behind the store's back, as someone with the database file could."""
    with store.engine.begin() as connection:
        connection.execute(sa.text("UPDATE audit_log SET target = 'edited' WHERE sequence = 1"))


def test_sharing_pages_audit_log_pages_newest_first(
    app: FastAPI, store: SqlRepository, tokens: dict[str, str]
) -> None:
    for n in range(60):
        record(store, COMMAND_LINE, "test.entry", f"t{n}")
    admin = signed_in(app, tokens["alice"])
    total = store.last_audit_entry().sequence  # type: ignore[union-attr]
    first, second = (sequences(admin.get(f"/audit?offset={o}").text) for o in (0, 50))
    assert first == list(range(total, total - 50, -1))
    assert second == list(range(total - 50, 0, -1))


def sequences(page: str) -> list[int]:
    return [int(n) for n in re.findall(r"<tr class=\"action-[\w-]+\">\s*<td>(\d+)</td>", page)]


def test_sharing_pages_view_as_is_read_only_and_audited(
    app: FastAPI, store: SqlRepository, tokens: dict[str, str]
) -> None:
    report = REPORTS[0].id
    store.set_marking("report", report, OWN_AMBER)
    admin = signed_in(app, tokens["alice"])
    assert admin.get(f"/api/reports/{report}").status_code == 200
    switched = submit(admin, "/view-as", {"organisation": "org-b"}, "/view-as")
    assert switched.status_code == 303
    home = admin.get("/").text
    assert 'id="viewing-as"' in home and "read-only" in home
    assert admin.get(f"/api/reports/{report}").status_code == 404
    assert admin.get(f"/reports/{report}").status_code == 404
    token = form_token(admin, "/")
    change = {"tlp": "TLP:CLEAR", "distribution": "all", "reason": "x", "csrf_token": token}
    refused = admin.post(f"/markings/report/{EVENTS[0].id}", data=change, follow_redirects=False)
    assert refused.status_code == 403 and "viewing as org-b" in refused.text
    api = admin.post("/api/reports", json={"text": "x"}, headers={"X-CSRF-Token": token})
    assert api.status_code == 403
    stopped = submit(admin, "/view-as", {"organisation": ""}, "/")
    assert stopped.status_code == 303
    assert admin.get(f"/api/reports/{report}").status_code == 200
    assert 'id="viewing-as"' not in admin.get("/").text
    trail = [e for e in store.audit_entries(limit=10_000) if e.event.action.startswith("imp")]
    assert [(e.event.action, e.event.target, e.event.actor) for e in trail] == [
        ("impersonation.start", "org-b", "alice"),
        ("impersonation.stop", "org-b", "alice"),
    ]


def test_sharing_pages_only_admins_may_view_as(
    app: FastAPI, store: SqlRepository, tokens: dict[str, str]
) -> None:
    analyst = signed_in(app, tokens["ana"])
    assert analyst.get("/view-as").status_code == 403
    refused = submit(analyst, "/view-as", {"organisation": "org-b"}, "/")
    assert refused.status_code == 403
    analyst.cookies.set("mosaic_view_as", "org-b")
    assert 'id="viewing-as"' not in analyst.get("/").text
    assert "impersonation.start" not in actions(store)


def test_sharing_pages_sign_in_throttled_per_user_then_refused_even_with_the_token(
    app: FastAPI, store: SqlRepository, tokens: dict[str, str]
) -> None:
    client = client_for(app)
    wrong = tokens["ana"][:-4] + "AAAA"
    for _ in range(5):
        assert submit(client, "/login", {"token": wrong}).status_code == 401
    refused = submit(client, "/login", {"token": tokens["ana"]})
    assert refused.status_code == 429
    assert "Too many failed sign-ins for this user" in refused.text
    assert int(refused.headers["retry-after"]) > 800
    assert "mosaic_session" not in refused.cookies
    assert submit(client, "/login", {"token": tokens["bea"]}).status_code == 303
    trail = actions(store)
    assert trail.count("login.failed") == 5 and "login.locked" in trail
    assert trail[-2:] == ["login.throttled", "login"]
    locked = next(e for e in store.audit_entries(limit=10_000) if e.event.action == "login.locked")
    assert locked.event.target == "user:ana"


def test_sharing_pages_sign_in_throttled_per_client(
    app: FastAPI, store: SqlRepository, tokens: dict[str, str]
) -> None:
    client = client_for(app)
    for attempt in range(20):
        guess = f"mosaic_{attempt:016x}_guess"
        assert submit(client, "/login", {"token": guess}).status_code == 401
    refused = submit(client, "/login", {"token": tokens["bea"]})
    assert refused.status_code == 429 and "from this address" in refused.text
    assert actions(store)[-1] == "login.throttled"
