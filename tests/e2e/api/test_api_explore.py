"""Search, network, statistics and the map through the HTTP API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.e2e


def test_api_search_finds_entities_by_alias_with_events_and_reports(client: TestClient) -> None:
    found = client.get("/api/search?q=Pakistani Taliban").json()
    assert found["entities"][0]["id"] == "ttp"
    assert found["entities"][0]["matched_name"] == "Pakistani Taliban"
    assert {e["id"] for e in found["events"]} == {"ev-karachi", "ev-peshawar"}


def test_api_search_finds_reports_by_title(client: TestClient) -> None:
    found = client.get("/api/search?q=wagah").json()
    assert {r["title"] for r in found["reports"]} == {"Bombing at Wagah border", "Wagah toll rises"}
    assert [e["id"] for e in found["events"]] == ["ev-wagah"]


def test_api_network_changes_with_the_date(client: TestClient) -> None:
    july = client.get("/api/network?as_of=2014-07-01").json()
    september = client.get("/api/network?as_of=2014-09-01").json()
    november = client.get("/api/network?as_of=2014-11-01").json()
    assert {e["id"] for e in july["edges"]} == {"rel-alliance"}
    assert {e["id"] for e in september["edges"]} == {"rel-alliance", "rel-split", "rel-leader"}
    assert {e["id"] for e in november["edges"]} == {"rel-split", "rel-leader"}
    assert all(edge["statement_ids"] for edge in september["edges"])
    assert {n["id"] for n in september["nodes"]} == {"imu", "ttp", "jua", "khorasani"}


def test_api_stats_counts_records(client: TestClient) -> None:
    counts = client.get("/api/stats").json()
    assert counts["events"] == 3 and counts["relations"] == 3 and counts["reports"] == 5


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("country", [{"country": "PK", "count": 3}]),
        (
            "month",
            [
                {"month": "2014-06", "count": 1},
                {"month": "2014-11", "count": 1},
                {"month": "2014-12", "count": 1},
            ],
        ),
        ("type", [{"type": "attack", "count": 3}]),
    ],
)
def test_api_stats_by_dimension(
    client: TestClient, by: str, expected: list[dict[str, object]]
) -> None:
    assert client.get(f"/api/stats/events?by={by}").json()["rows"] == expected


def test_api_stats_by_group_and_month_with_filter(client: TestClient) -> None:
    rows = client.get("/api/stats/events?by=group&group=ttp").json()["rows"]
    by_group = {r["group"]: r["count"] for r in rows}
    assert by_group == {"ttp": 2, "imu": 1}
    assert rows[0]["group_name"] == "Tehrik-i-Taliban Pakistan"
    both = client.get("/api/stats/events?by=month,group&since=2014-11").json()["rows"]
    assert {(r["month"], r["group"]) for r in both} == {("2014-11", "jua"), ("2014-12", "ttp")}


def test_api_map_gives_geojson_points(client: TestClient) -> None:
    data = client.get("/api/map/events?until=2014-11").json()
    assert data["type"] == "FeatureCollection"
    places = {f["properties"]["place"]: f["geometry"]["coordinates"] for f in data["features"]}
    assert places == {"Karachi": [67.01, 24.86], "Wagah": [74.57, 31.6]}


def test_api_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/network", "/api/stats/events", "/api/review/queue"):
        assert path in paths
    assert "/" not in paths
