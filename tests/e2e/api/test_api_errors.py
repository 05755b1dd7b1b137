"""Bad parameters get a JSON error that names the problem, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/events?since=yesterday", 400, "since: not a date"),
        ("/api/events?until=2014-13", 400, "until: not a date"),
        ("/api/events?country=Pakistan", 400, "country"),
        ("/api/events?type=riot", 400, "unknown value 'riot'"),
        ("/api/events?marking=purple", 400, "marking"),
        ("/api/events?sort=killed", 400, "cannot sort by 'killed'"),
        ("/api/events?group=nobody-at-all", 404, "no entity named"),
        ("/api/events?limit=0", 422, "limit"),
        ("/api/events?limit=100000", 422, "less than or equal to 500"),
        ("/api/events?offset=-1", 422, "offset"),
        ("/api/events?limit=ten", 422, "limit"),
        ("/api/entities?kind=alien", 400, "kind"),
        ("/api/relations?type=friendship", 400, "type"),
        ("/api/relations?as_of=20140901", 400, "as_of"),
        ("/api/network?as_of=2014-02-30", 400, "as_of"),
        ("/api/stats/events?by=weather", 400, "by"),
        ("/api/stats/events?by=month,month", 400, "by"),
        ("/api/stats/events", 422, "by"),
        ("/api/search?q=", 422, "q"),
        ("/api/search?q=%20%20", 400, "empty"),
        ("/api/map/events?limit=999999", 422, "limit"),
        ("/api/events/no-such-event", 404, "no event"),
        ("/api/entities/no-such-entity", 404, "no entity"),
        ("/api/reports/no-such-report", 404, "no report"),
        ("/api/relations/no-such-relation", 404, "no relation"),
        ("/api/statements/no-such-statement", 404, "no statement"),
        ("/api/evidence/no-such-fact", 404, "no event, relation or entity"),
        ("/api/no-such-endpoint", 404, "Not Found"),
    ],
)
def test_api_errors_are_json_with_a_message(
    client: TestClient, url: str, status: int, words: str
) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]


@pytest.mark.parametrize(
    ("url", "body", "status", "words"),
    [
        ("/api/reports", {"title": "no text"}, 422, "text"),
        ("/api/reports", {"text": "x", "published": "soon"}, 422, "published"),
        ("/api/review/statements/nope", {"action": "confirm"}, 404, "no statement"),
        ("/api/review/merge", {"keep": "ttp", "absorb": "ttp"}, 400, "itself"),
        ("/api/review/merge", {"keep": "ttp", "absorb": "nobody"}, 404, "no entity"),
        ("/api/review/split", {"entity": "ttp", "name": "Tehrik-i-Taliban Pakistan"}, 400, "name"),
        ("/api/review/decisions/nope/undo", {}, 404, "no review decision"),
    ],
)
def test_api_errors_on_writes(
    client: TestClient, url: str, body: dict[str, object], status: int, words: str
) -> None:
    response = client.post(url, json=body)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]


def test_api_errors_review_action_must_be_known(client: TestClient) -> None:
    statement = client.get("/api/review/queue?limit=1").json()["items"][0]["id"]
    response = client.post(f"/api/review/statements/{statement}", json={"action": "approve"})
    assert response.status_code == 400
    assert "unknown action 'approve'" in response.json()["error"]


def test_api_errors_correction_must_fit_the_field(client: TestClient) -> None:
    evidence = client.get("/api/evidence/ev-wagah").json()["evidence"]
    date = next(e["statement_id"] for e in evidence if e["property"] == "date")
    response = client.post(
        f"/api/review/statements/{date}", json={"action": "correct", "value": "soon"}
    )
    assert response.status_code == 400
    assert "not a valid date" in response.json()["error"]
    assert client.get("/api/events/ev-wagah").json()["date"] == "2014-11-02"


def test_api_errors_pages_render_html(client: TestClient) -> None:
    response = client.get("/events?since=someday")
    assert response.status_code == 400
    assert "text/html" in response.headers["content-type"]
    assert "since: not a date" in response.text
