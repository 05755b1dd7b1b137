"""OWASP-style checks over the whole route table, two organisations on one SQLite file.

- records another organisation hides answer 404 by id, exactly as ids that do not exist;
- every state-changing route refuses a browser request without the CSRF token,
  with a wrong one, or from another site;
- a revoked token is 401 at once; a reader's every write is 403;
- SQL metacharacters, long strings and unusual unicode in every query
  parameter give no 500 and no row more than a plain unmatched value.

Routes are read from the app's route table (`support.routes`), so a route
added later is covered without changing this file.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi import FastAPI

from mosaic.api.app import create_app
from mosaic.api.guards.csrf import REFUSED
from mosaic.api.sample import ENTITIES, EVENTS, RELATIONS, REPORTS
from mosaic.model import Distribution, Marking, SubjectKind, Tlp
from mosaic.services import accounts
from mosaic.services.audit import COMMAND_LINE
from mosaic.store.sql import SqlRepository
from mosaic.web.app import install_web
from support.extractors import EmptyExtractor
from support.forms import bearer, client_for, form_token, signed_in, submit
from support.routes import RouteInfo, route_table, unsafe_routes

pytestmark = pytest.mark.e2e

EVIL = "http://evil.example"
HIDDEN = Marking("org-a", Tlp.AMBER, Distribution.ORGANISATION)


@pytest.fixture
def hidden(store: SqlRepository) -> dict[str, str]:
    """One record of each kind that org-a keeps to itself: path parameter -> its id."""
    report = REPORTS[0]
    statement = store.statements_in_report(report.id)[0]
    ids = {
        "report": report.id,
        "statement": statement.id,
        "entity": ENTITIES[0].id,
        "event": EVENTS[0].id,
        "relation": RELATIONS[0].id,
    }
    for kind, record_id in ids.items():
        assert store.set_marking(kind, record_id, HIDDEN)
    # a fact is seen through the statements behind it: hide those too
    for kind in (SubjectKind.EVENT, SubjectKind.RELATION):
        for behind in store.statements_about(kind, ids[kind.value]):
            assert store.set_marking("statement", behind.id, HIDDEN)
    return {
        "report_id": ids["report"],
        "statement_id": ids["statement"],
        "entity": ids["entity"],
        "event_id": ids["event"],
        "fact_id": ids["event"],
        "relation_id": ids["relation"],
        "kind": "report",
        "record_id": ids["report"],
    }


def unknown(value: str) -> str:
    """An id shaped like `value` that names nothing."""
    return "f" * len(value) if value.isalnum() else "no-such-" + value


def audit_head(store: SqlRepository) -> int:
    last = store.last_audit_entry()
    return last.sequence if last else 0


# -- records by id across organisations ------------------------------------------------


def id_routes(app: FastAPI) -> list[RouteInfo]:
    return [r for r in route_table(app) if "GET" in r.methods and r.parameters]


def test_owasp_every_id_route_has_a_record_to_try(app: FastAPI, hidden: dict[str, str]) -> None:
    """A new route with an id in its path must say here which record kind it reads."""
    for route in id_routes(app):
        missing = [p for p in route.parameters if p not in hidden]
        assert not missing, f"{route.path}: add {missing} to the `hidden` fixture"


def test_owasp_another_organisations_record_is_404_like_a_missing_one(
    app: FastAPI, hidden: dict[str, str], tokens: dict[str, str]
) -> None:
    client = client_for(app)
    tried = 0
    for route in id_routes(app):
        url = route.url(hidden)
        owner = client.get(url, headers=bearer(tokens["ana"]))
        assert owner.status_code == 200, (url, owner.status_code)
        other = client.get(url, headers=bearer(tokens["bob"]))
        missing_url = route.url({k: unknown(v) for k, v in hidden.items()})
        missing = client.get(missing_url, headers=bearer(tokens["bob"]))
        assert other.status_code == missing.status_code == 404, (url, other.status_code)
        if not route.is_page:
            ids = [hidden[p] for p in route.parameters]
            shown = _masked(other.json()["error"], {v: "ID" for v in ids})
            assert shown == _masked(missing.json()["error"], {unknown(v): "ID" for v in ids})
        tried += 1
    assert tried >= 12


def _masked(text: str, replacements: dict[str, str]) -> str:
    for old in sorted(replacements, key=len, reverse=True):
        text = text.replace(old, replacements[old])
    return text


@pytest.mark.parametrize("prefix", ["/api/markings", "/markings"])
def test_owasp_marking_another_organisations_record_is_404(
    app: FastAPI, hidden: dict[str, str], tokens: dict[str, str], prefix: str
) -> None:
    client = signed_in(app, tokens["bea"])
    headers = {"X-CSRF-Token": form_token(client, "/")}
    body = {"tlp": "TLP:CLEAR", "distribution": "all", "reason": "let me see it"}
    for kind, key in [("report", "report_id"), ("event", "event_id"), ("entity", "entity")]:
        for record_id in (hidden[key], unknown(hidden[key])):
            url = f"{prefix}/{kind}/{record_id}"
            sent = client.post(url, json=body, headers=headers, follow_redirects=False)
            if prefix == "/markings":
                sent = client.post(url, data=body, headers=headers, follow_redirects=False)
            assert sent.status_code == 404, (url, sent.status_code)


# -- CSRF on every state-changing route ------------------------------------------------


def fill(route: RouteInfo, hidden: dict[str, str]) -> str:
    values = {**hidden, "group": "partners", "decision_id": "d1", "kind": "report"}
    return route.url(values)


@pytest.mark.parametrize(
    "attack",
    ["no token", "wrong token", "other session's token", "cross-site origin", "cross-site fetch"],
)
def test_owasp_every_form_refuses_a_forged_request(
    app: FastAPI,
    store: SqlRepository,
    hidden: dict[str, str],
    tokens: dict[str, str],
    attack: str,
) -> None:
    routes = unsafe_routes(app)
    assert {"/login", "/logout", "/groups", "/view-as"} <= {r.path for _, r in routes}
    victim = signed_in(app, tokens["alice"])
    token = form_token(victim, "/")
    stranger = form_token(signed_in(app, tokens["ana"]), "/")
    before = audit_head(store)
    for method, route in routes:
        headers, fields = forged(attack, token, stranger)
        url = fill(route, hidden)
        answer = victim.request(method, url, data=fields, headers=headers, follow_redirects=False)
        assert answer.status_code == 403, (attack, method, url, answer.status_code)
        if attack.endswith("token"):
            assert REFUSED in answer.text
            page = route.is_page and answer.headers["content-type"].startswith("text/html")
            assert page or answer.json()["error"] == REFUSED
    assert audit_head(store) == before, "a refused request changed something"
    assert victim.get("/api/stats").status_code == 200, "the victim's session was ended"


def forged(attack: str, token: str, stranger: str) -> tuple[dict[str, str], dict[str, str]]:
    """Headers and form fields of a request a hostile page could make the browser send."""
    fields = {"name": "forged", "owner": "org-a", "organisation": "org-b", "token": "x"}
    fields |= {"tlp": "TLP:CLEAR", "distribution": "all", "reason": "forged"}
    if attack == "wrong token":
        return {"X-CSRF-Token": "0" * 64}, {**fields, "csrf_token": "0" * 64}
    if attack == "other session's token":
        return {}, {**fields, "csrf_token": stranger}
    if attack == "cross-site origin":
        return {"Origin": EVIL, "X-CSRF-Token": token}, {**fields, "csrf_token": token}
    if attack == "cross-site fetch":
        return {"Sec-Fetch-Site": "cross-site"}, {**fields, "csrf_token": token}
    return {}, fields


def test_owasp_every_form_accepts_its_own_token(
    app: FastAPI, hidden: dict[str, str], tokens: dict[str, str]
) -> None:
    """The control of the test above: with the page's token, no route says CSRF."""
    for method, route in unsafe_routes(app):
        client = signed_in(app, tokens["alice"])
        token = form_token(client, "/")
        url = fill(route, hidden)
        fields = {"csrf_token": token, "name": "g2", "owner": "org-a", "organisation": "org-b"}
        answer = client.request(
            method, url, data=fields, headers={"X-CSRF-Token": token}, follow_redirects=False
        )
        refused = answer.status_code == 403 and "CSRF" in answer.text
        assert not refused, (method, url)


def test_owasp_two_browsers_first_pages_never_share_a_token(store: SqlRepository) -> None:
    """With the response cache on, each new browser's first page still has its own token."""
    cached = install_web(create_app(lambda: store, EmptyExtractor, cache_seconds=60))
    first, second = client_for(cached), client_for(cached)
    tokens = [form_token(first), form_token(second)]
    assert tokens[0] != tokens[1]
    assert first.cookies["mosaic_csrf"] != second.cookies["mosaic_csrf"]
    for client, token in zip((first, second), tokens, strict=True):
        sent = client.post("/login", data={"token": "wrong", "csrf_token": token})
        assert sent.status_code == 401  # past the CSRF check, refused as a wrong token
    assert "set-cookie" not in client_for(cached).get("/api/stats").headers


def test_owasp_login_form_needs_the_token_too(app: FastAPI, tokens: dict[str, str]) -> None:
    client = client_for(app)
    refused = client.post("/login", data={"token": tokens["ana"]}, follow_redirects=False)
    assert refused.status_code == 403 and "mosaic_session" not in refused.cookies


# -- tokens and roles ------------------------------------------------------------------


def test_owasp_revoked_token_is_401_everywhere_at_once(
    app: FastAPI, store: SqlRepository, tokens: dict[str, str]
) -> None:
    client = client_for(app)
    reads = [r.path for r in route_table(app) if "GET" in r.methods and not r.parameters]
    reads = [p for p in reads if not p.startswith(("/login", "/api/docs"))]
    assert client.get("/api/stats", headers=bearer(tokens["bea"])).status_code == 200
    browser = signed_in(app, tokens["bea"])
    accounts.revoke_user_tokens(store, "bea", COMMAND_LINE)
    assert browser.get("/api/stats").status_code == 401, "the session outlived its tokens"
    for path in reads:
        assert client.get(path, headers=bearer(tokens["bea"])).status_code == 401, path
    sent = client.post("/api/reports", json={"text": "x"}, headers=bearer(tokens["bea"]))
    assert sent.status_code == 401
    again = client_for(app)
    assert submit(again, "/login", {"token": tokens["bea"]}).status_code == 401


def test_owasp_a_reader_may_write_nothing(
    app: FastAPI, store: SqlRepository, hidden: dict[str, str], tokens: dict[str, str]
) -> None:
    api, browser = client_for(app), signed_in(app, tokens["bob"])
    token = form_token(browser, "/")
    before = audit_head(store)
    for method, route in unsafe_routes(app):
        if route.path in ("/login", "/logout"):
            continue
        url = fill(route, hidden)
        if route.is_page:
            fields = {"csrf_token": token, "name": "g3", "owner": "org-b", "organisation": "org-b"}
            answer = browser.request(method, url, data=fields, follow_redirects=False)
        else:
            answer = api.request(method, url, json={}, headers=bearer(tokens["bob"]))
        assert answer.status_code == 403, (method, url, answer.status_code)
    assert audit_head(store) == before


# -- injection in search and filters ---------------------------------------------------

PAYLOADS = [
    "' OR '1'='1",
    "1; DROP TABLE reports; --",
    '" OR ""="',
    "') UNION SELECT id, text FROM reports --",
    "%",
    "_",
    "\\",
    "%' --",
    "داعش خراسان",
    "\u202eevil\u202c",
    "𝕏𝕐ℤ 🧨",
    "Ｏ'Ｒ",
    "a" * 4000,
]
PLAIN = "zzqqxx"
SECRET_IDS = ("report_id", "statement_id", "event_id", "relation_id")


def list_size(answer: Any) -> int | None:
    """How many rows a JSON answer lists (items, entities, events, features, nodes...)."""
    data = answer.json()
    if isinstance(data, list):
        return len(data)
    if not isinstance(data, dict):
        return None
    sizes = [len(v) for v in data.values() if isinstance(v, list)]
    sizes += [list_size_of(v) for v in data.values() if isinstance(v, dict)]
    return sum(sizes)


def list_size_of(data: dict[str, Any]) -> int:
    return sum(len(v) for v in data.values() if isinstance(v, list))


def test_owasp_injection_in_every_query_parameter_gives_no_error_and_no_extra_rows(
    app: FastAPI, hidden: dict[str, str], tokens: dict[str, str]
) -> None:
    client = client_for(app)
    headers = bearer(tokens["bob"])
    tried = 0
    for route in route_table(app):
        if "GET" not in route.methods or route.parameters or route.path == "/api/export":
            continue
        for name in route.query:
            baseline = client.get(route.path, params={name: PLAIN}, headers=headers)
            assert baseline.status_code < 500
            for payload in PAYLOADS:
                answer = client.get(route.path, params={name: payload}, headers=headers)
                tried += 1
                assert answer.status_code < 500, (route.path, name, payload[:40])
                if route.is_page or answer.status_code != 200 or baseline.status_code != 200:
                    continue
                assert (list_size(answer) or 0) <= (list_size(baseline) or 0), (
                    route.path,
                    name,
                    payload[:40],
                )
                assert not any(hidden[k] in answer.text for k in SECRET_IDS), (route.path, name)
    assert tried > 300


@pytest.mark.parametrize("payload", PAYLOADS)
def test_owasp_injection_in_search_pages_lists_nothing(
    app: FastAPI, tokens: dict[str, str], payload: str
) -> None:
    client = client_for(app)
    answer = client.get("/search", params={"q": payload}, headers=bearer(tokens["bob"]))
    assert answer.status_code == 200
    assert not re.search(r'href="/(entities|events|reports)/', answer.text.split("<main>")[1])
