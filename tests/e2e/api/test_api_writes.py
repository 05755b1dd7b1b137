"""Ingest and review through the HTTP API: what is written, and that undo puts it back."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from mosaic.api.app import create_app
from mosaic.store.ports import Repository

pytestmark = pytest.mark.e2e


def _statement(client: TestClient, fact: str, prop: str, value: object) -> str:
    evidence = client.get(f"/api/evidence/{fact}").json()["evidence"]
    return next(
        e["statement_id"] for e in evidence if e["property"] == prop and e["value"] == str(value)
    )


def test_api_ingest_json_text_stores_a_report(client: TestClient) -> None:
    body = {
        "text": "A new report about nothing in particular.",
        "title": "Quiet day",
        "published": "2015-01-02",
        "publisher": "Test Desk",
    }
    response = client.post("/api/reports", json=body)
    assert response.status_code == 201
    outcome = response.json()["outcomes"][0]
    assert outcome["outcome"] == "stored"
    stored = client.get(f"/api/reports/{outcome['report_id']}").json()
    assert stored["title"] == "Quiet day" and stored["published"] == "2015-01-02"
    again = client.post("/api/reports", json=body)
    assert again.status_code == 200 and again.json()["outcomes"][0]["outcome"] == "duplicate"


def test_api_ingest_upload_reads_the_file(client: TestClient) -> None:
    text = b"# Night raid\n\nSecurity forces raided a compound near the border.\n"
    response = client.post(
        "/api/reports/upload",
        files={"file": ("raid.md", text, "text/markdown")},
        data={"published": "2015-03-04"},
    )
    assert response.status_code == 201, response.text
    report_id = response.json()["outcomes"][0]["report_id"]
    stored = client.get(f"/api/reports/{report_id}").json()
    assert "raided a compound" in stored["text"]
    assert stored["source_path"] == "upload:raid.md"


def test_api_ingest_upload_of_unreadable_file_is_400(client: TestClient) -> None:
    response = client.post("/api/reports/upload", files={"file": ("empty.txt", b"", "text/plain")})
    assert response.status_code == 400
    assert "empty.txt" in response.json()["error"]


def test_api_review_confirm_ranks_first_and_undo_restores(client: TestClient) -> None:
    sixty = _statement(client, "ev-wagah", "killed", 60)
    decision = client.post(f"/api/review/statements/{sixty}", json={"action": "confirm"}).json()
    assert decision["action"] == "confirm" and decision["reviewer"] == "analyst"
    evidence = client.get("/api/evidence/ev-wagah").json()["evidence"]
    assert evidence[0]["statement_id"] == sixty and evidence[0]["status"] == "confirmed"
    assert sixty not in {s["id"] for s in client.get("/api/review/queue?limit=500").json()["items"]}
    client.post(f"/api/review/decisions/{decision['id']}/undo")
    assert client.get(f"/api/statements/{sixty}").json()["status"] == "unreviewed"
    history = client.get(f"/api/review/decisions?target={sixty}").json()["items"]
    assert history[0]["undone_by"] == "analyst"
    again = client.post(f"/api/review/decisions/{decision['id']}/undo")
    assert again.status_code == 400


def test_api_review_reject_hides_the_statement_from_evidence(client: TestClient) -> None:
    fifty_five = _statement(client, "ev-wagah", "killed", 55)
    client.post(f"/api/review/statements/{fifty_five}", json={"action": "reject"})
    values = client.get("/api/events/ev-wagah").json()["values"]["killed"]
    assert [v["value"] for v in values] == [60]


def test_api_review_correct_changes_the_field_and_undo_restores_it(client: TestClient) -> None:
    toll = _statement(client, "ev-peshawar", "killed", 141)
    made = client.post(
        f"/api/review/statements/{toll}", json={"action": "correct", "value": 148}
    ).json()
    event = client.get("/api/events/ev-peshawar").json()
    assert event["killed"] == 148
    assert [v["value"] for v in event["values"]["killed"]] == [148]
    corrected = client.get(f"/api/statements/{made['after']['statement']}").json()
    assert corrected["status"] == "corrected" and corrected["extractor"] == "review:analyst"
    client.post(f"/api/review/decisions/{made['id']}/undo")
    assert client.get("/api/events/ev-peshawar").json()["killed"] == 141
    assert client.get(f"/api/statements/{toll}").json()["status"] == "unreviewed"


def test_api_review_merge_moves_facts_and_undo_restores(client: TestClient) -> None:
    made = client.post("/api/review/merge", json={"keep": "ttp", "absorb": "jua"}).json()
    ttp = client.get("/api/entities/ttp").json()
    assert "Jamaat-ul-Ahrar" in ttp["aliases"]
    assert "ev-wagah" in {e["id"] for e in ttp["events"]}
    assert client.get("/api/entities/jua").json()["external_ids"]["mosaic:merged_into"] == "ttp"
    client.post(f"/api/review/decisions/{made['id']}/undo")
    ttp = client.get("/api/entities/ttp").json()
    assert "Jamaat-ul-Ahrar" not in ttp["aliases"]
    assert [e["id"] for e in client.get("/api/entities/jua").json()["events"]] == ["ev-wagah"]


def test_api_review_split_gives_the_new_entity_its_events(client: TestClient) -> None:
    made = client.post(
        "/api/review/split",
        json={
            "entity": "ttp",
            "name": "TTP Karachi chapter",
            "aliases": ["Pakistani Taliban"],
            "events": ["ev-karachi"],
        },
    ).json()
    new_id = made["after"]["new"]
    assert [e["id"] for e in client.get(f"/api/entities/{new_id}").json()["events"]] == [
        "ev-karachi"
    ]
    assert "Pakistani Taliban" not in client.get("/api/entities/ttp").json()["aliases"]
    client.post(f"/api/review/decisions/{made['id']}/undo")
    assert "Pakistani Taliban" in client.get("/api/entities/ttp").json()["aliases"]
    assert "ev-karachi" in {e["id"] for e in client.get("/api/entities/ttp").json()["events"]}


def test_api_review_shows_at_once_through_the_response_cache(repo: Repository) -> None:
    cached = TestClient(create_app(lambda: repo, cache_seconds=60), base_url="http://localhost")
    assert "Jamaat-ul-Ahrar" not in cached.get("/api/entities/ttp").json()["aliases"]
    cached.post("/api/review/merge", json={"keep": "ttp", "absorb": "jua"})
    assert "Jamaat-ul-Ahrar" in cached.get("/api/entities/ttp").json()["aliases"]
