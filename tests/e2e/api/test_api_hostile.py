"""Hostile and careless requests: each gets the documented JSON error, and nothing else is lost."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mosaic.api.app import create_app
from mosaic.api.guards.limits import MAX_BODY
from mosaic.errors import StoreError
from mosaic.store.ports import Repository

pytestmark = pytest.mark.e2e
HUGE = str(2**63)
EVIL = "http://evil.example"
JSON = {"content-type": "application/json"}


def paged_lists(client: TestClient) -> list[str]:
    """Every API path without a path parameter that takes `offset`, from the OpenAPI schema."""
    schema = client.get("/openapi.json").json()
    return [
        path
        for path, operations in schema["paths"].items()
        if "{" not in path
        and any(p["name"] == "offset" for p in operations.get("get", {}).get("parameters", []))
    ]


def report_count(client: TestClient) -> int:
    total: int = client.get("/api/reports?limit=1").json()["total"]
    return total


def test_api_hostile_offset_past_any_integer_is_422_on_every_paged_list(
    client: TestClient,
) -> None:
    paths = paged_lists(client)
    assert "/api/events" in paths and "/api/reports" in paths
    for path in paths:
        response = client.get(path, params={"offset": HUGE, "q": "x", "by": "year"})
        assert response.status_code == 422, (path, response.text)
        assert "offset" in response.json()["error"]


@pytest.mark.parametrize("path", ["/events", "/reports", "/review"])
def test_api_hostile_offset_past_any_integer_on_pages_is_an_error_page(
    client: TestClient, path: str
) -> None:
    response = client.get(path, params={"offset": HUGE})
    assert response.status_code == 422
    assert "offset" in response.text


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/api/events?since=0000", "since: not a date"),
        ("/api/events?until=0000", "until: not a date"),
        ("/api/network?as_of=0000", "as_of: not a date"),
        ("/api/relations?as_of=0000", "as_of: not a date"),
    ],
)
def test_api_hostile_year_zero_is_400(client: TestClient, url: str, words: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    assert words in response.json()["error"]


def test_api_hostile_long_query_is_414_without_the_database_url(client: TestClient) -> None:
    response = client.get("/api/events", params={"group": "x" * 50_000})
    assert response.status_code == 414
    assert "query string" in response.json()["error"]
    assert "sqlite" not in response.text


def test_api_hostile_store_error_hides_the_database_url() -> None:
    def broken() -> Repository:
        raise StoreError("sqlite:////secret/place/kb.db: disk I/O error")

    client = TestClient(create_app(broken), base_url="http://localhost")
    response = client.get("/api/events")
    assert response.status_code == 503
    assert "secret" not in response.text
    assert "knowledge base" in response.json()["error"]


def test_api_hostile_unexpected_error_is_a_json_500_with_the_headers(
    repo: Repository,
) -> None:
    def failing_extractor() -> Any:
        raise RuntimeError("model missing at /opt/secret")

    client = TestClient(create_app(lambda: repo, failing_extractor), base_url="http://localhost")
    response = client.post("/api/reports", json={"text": "A report nobody has seen before."})
    assert response.status_code == 500
    assert response.json() == {"error": "internal error; the server's log says more"}
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("name", ["..", ".", "/", "a/.."])
def test_api_hostile_upload_without_a_file_name_is_400(client: TestClient, name: str) -> None:
    before = report_count(client)
    response = client.post("/api/reports/upload", files={"file": (name, b"Some text.")})
    assert response.status_code == 400, response.text
    assert "not a file name" in response.json()["error"]
    assert report_count(client) == before


def test_api_hostile_upload_with_a_300_character_name_is_stored_under_a_shorter_one(
    client: TestClient,
) -> None:
    name = "é" * 300 + ".txt"
    response = client.post(
        "/api/reports/upload", files={"file": (name, b"A report with a long name.")}
    )
    assert response.status_code == 201, response.text
    report = client.get(f"/api/reports/{response.json()['outcomes'][0]['report_id']}").json()
    assert report["source_path"].endswith("éé.txt")
    assert len(report["source_path"].removeprefix("upload:").encode()) <= 200


@pytest.mark.parametrize("field", ["title", "text", "publisher"])
def test_api_hostile_lone_surrogate_in_json_is_422_and_stores_nothing(
    client: TestClient, field: str
) -> None:
    before = report_count(client)
    body = {"text": "A report about nothing.", field: "bad \ud800 text"}
    raw = json.dumps(body).encode()  # ASCII, with the surrogate escaped as JSON allows
    response = client.post("/api/reports", content=raw, headers=JSON)
    assert response.status_code == 422, response.text
    assert response.json()["error"].startswith(f"{field}: ")
    assert report_count(client) == before


@pytest.mark.parametrize("url", ["/api/reports", "/api/reports/upload"])
def test_api_hostile_body_over_the_limit_is_413(client: TestClient, url: str) -> None:
    before = report_count(client)
    response = client.post(url, content=b"x" * (MAX_BODY + 1), headers=JSON)
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]
    assert report_count(client) == before


def test_api_hostile_merging_a_place_into_a_group_is_400(client: TestClient) -> None:
    response = client.post("/api/review/merge", json={"keep": "ttp", "absorb": "karachi"})
    assert response.status_code == 400
    assert "a place cannot be merged into a organization" in response.json()["error"]
    assert client.get("/api/entities/karachi").json()["name"] == "Karachi"


@pytest.mark.parametrize(
    ("field", "ids"),
    [("events", ["ev-karachi", "no-such-event"]), ("events", ["ev-wagah"]), ("relations", ["x"])],
)
def test_api_hostile_split_with_unknown_or_foreign_ids_is_400(
    client: TestClient, field: str, ids: list[str]
) -> None:
    body = {"entity": "ttp", "name": "TTP splinter", field: ids}
    response = client.post("/api/review/split", json=body)
    assert response.status_code == 400
    assert "unknown or not naming" in response.json()["error"]
    assert ids[-1] in response.json()["error"]
    assert "ev-karachi" in {e["id"] for e in client.get("/api/entities/ttp").json()["events"]}


@pytest.mark.parametrize(
    "headers",
    [{"origin": EVIL}, {"sec-fetch-site": "cross-site"}, {"sec-fetch-site": "same-site"}],
)
def test_api_hostile_cross_site_upload_is_403_and_stores_nothing(
    client: TestClient, headers: dict[str, str]
) -> None:
    before = report_count(client)
    response = client.post(
        "/api/reports/upload", files={"file": ("a.txt", b"Planted text.")}, headers=headers
    )
    assert response.status_code == 403
    assert "cross-site POST refused" in response.json()["error"]
    assert report_count(client) == before


@pytest.mark.parametrize(
    "headers",
    [{}, {"origin": "http://localhost"}, {"sec-fetch-site": "same-origin"}],
)
def test_api_hostile_same_origin_and_scripted_writes_pass(
    client: TestClient, headers: dict[str, str]
) -> None:
    response = client.post(
        "/api/reports", json={"text": f"A report sent with {headers}."}, headers=headers
    )
    assert response.status_code == 201, response.text


def test_api_hostile_foreign_host_is_400(client: TestClient) -> None:
    response = client.get("/api/events", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert "not served here" in response.json()["error"]
    assert client.get("/api/events", headers={"host": "127.0.0.1:8000"}).status_code == 200


@pytest.mark.parametrize("url", ["/", "/api/events", "/api/nothing-here", "/static/js/app.js"])
def test_api_hostile_every_response_carries_the_security_headers(
    client: TestClient, url: str
) -> None:
    headers = client.get(url).headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("url", ["javascript:alert(document.domain)", "data:text/html,<b>x</b>"])
def test_api_hostile_report_url_that_runs_code_is_not_a_link(client: TestClient, url: str) -> None:
    text = f"---\ntitle: Planted\nurl: {url}\n---\n\nA planted report.\n".encode()
    response = client.post("/api/reports/upload", files={"file": ("planted.md", text)})
    report_id = response.json()["outcomes"][0]["report_id"]
    page = client.get(f"/reports/{report_id}").text
    assert "Planted" in page
    assert 'href="javascript:' not in page and 'href="data:' not in page
