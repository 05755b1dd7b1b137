"""Reports, entities, events, relations, statements and evidence through the HTTP API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.e2e


def test_api_reports_lists_with_paging(client: TestClient) -> None:
    first = client.get("/api/reports?limit=2").json()
    second = client.get("/api/reports?limit=2&offset=2").json()
    assert len(first["items"]) == 2 and len(second["items"]) == 2
    assert {r["id"] for r in first["items"]}.isdisjoint(r["id"] for r in second["items"])


def test_api_report_has_text_mentions_and_statements(client: TestClient) -> None:
    listed = client.get("/api/reports?limit=50").json()["items"]
    report_id = next(r["id"] for r in listed if r["title"] == "Bombing at Wagah border")
    report = client.get(f"/api/reports/{report_id}").json()
    assert report["text"].startswith("A suicide bomber struck")
    assert {"text": "Jamaat-ul-Ahrar", "entity_id": "jua"}.items() <= report["mentions"][-1].items()
    assert any(s["property"] == "killed" and s["value"] == 55 for s in report["statements"])


def test_api_entities_filter_by_kind_and_text(client: TestClient) -> None:
    people = client.get("/api/entities?kind=person").json()["items"]
    assert [p["id"] for p in people] == ["khorasani"]
    found = client.get("/api/entities?q=taliban").json()["items"]
    assert [e["id"] for e in found] == ["ttp"]


def test_api_entity_profile_by_alias(client: TestClient) -> None:
    profile = client.get("/api/entities/JuA").json()
    assert profile["id"] == "jua"
    assert {r["id"] for r in profile["relations"]} == {"rel-split", "rel-leader"}
    assert [e["id"] for e in profile["events"]] == ["ev-wagah"]
    assert {s["title"] for s in profile["sources"]} >= {"Bombing at Wagah border"}


def test_api_timeline_is_in_date_order(client: TestClient) -> None:
    entries = client.get("/api/entities/ttp/timeline").json()["entries"]
    dates = [e["date"] for e in entries if e["date"]]
    assert dates == sorted(dates)
    assert {"ev-karachi", "ev-peshawar", "rel-split"} <= {e["fact_id"] for e in entries}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["ev-karachi", "ev-wagah", "ev-peshawar"]),
        ("?sort=-date", ["ev-peshawar", "ev-wagah", "ev-karachi"]),
        ("?group=Pakistani%20Taliban", ["ev-karachi", "ev-peshawar"]),
        ("?since=2014-11&until=2014-11", ["ev-wagah"]),
        ("?country=pk&type=attack&limit=1&offset=1", ["ev-wagah"]),
        ("?marking=clear", ["ev-karachi", "ev-wagah", "ev-peshawar"]),
    ],
)
def test_api_events_filters_and_sorting(
    client: TestClient, query: str, expected: list[str]
) -> None:
    page = client.get(f"/api/events{query}").json()
    assert [e["id"] for e in page["items"]] == expected


def test_api_events_total_counts_all_matches(client: TestClient) -> None:
    page = client.get("/api/events?limit=1").json()
    assert page["total"] == 3 and len(page["items"]) == 1


def test_api_event_shows_conflicting_tolls_with_sources(client: TestClient) -> None:
    event = client.get("/api/events/ev-wagah").json()
    tolls = {v["value"]: v["reports"] for v in event["values"]["killed"]}
    assert set(tolls) == {55, 60}
    assert tolls[55] != tolls[60]
    assert any("55 people" in e["sentence"] for e in event["evidence"])


def test_api_relations_as_of_a_date(client: TestClient) -> None:
    before = client.get("/api/relations?as_of=2014-07-01").json()["items"]
    after = client.get("/api/relations?as_of=2014-09-01").json()["items"]
    assert "rel-split" not in {r["id"] for r in before}
    assert "rel-split" in {r["id"] for r in after}
    split = next(r for r in after if r["id"] == "rel-split")
    assert split["subject"]["name"] == "Jamaat-ul-Ahrar" and len(split["statement_ids"]) == 2


def test_api_relations_filter_by_entity_and_type(client: TestClient) -> None:
    items = client.get("/api/relations?entity=ttp&type=alliance").json()["items"]
    assert [r["id"] for r in items] == ["rel-alliance"]


def test_api_relation_has_evidence(client: TestClient) -> None:
    relation = client.get("/api/relations/rel-alliance").json()
    assert relation["end"] == "2014-10"
    assert any("October 2014" in e["sentence"] for e in relation["evidence"])


def test_api_statement_and_evidence_agree(client: TestClient) -> None:
    evidence = client.get("/api/evidence/ev-peshawar").json()
    first = evidence["evidence"][0]
    statement = client.get(f"/api/statements/{first['statement_id']}").json()
    assert statement["sentence"] == first["sentence"]
    assert statement["report"]["title"] == "School attack in Peshawar"
