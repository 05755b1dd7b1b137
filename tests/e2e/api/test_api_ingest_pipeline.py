"""Ingest through the API with the real spaCy pipeline, as `mosaic ingest` runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mosaic.api.app import create_app
from mosaic.store.sql import open_repository

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "reports" / "2014"


def test_api_ingest_pipeline_extracts_events_from_an_upload(tmp_path: Path) -> None:
    source = EXAMPLE / "2014-11-02-wagah-border-bombing.md"
    if not source.exists():
        pytest.skip("the example reports are not in this checkout")
    repo = open_repository(str(tmp_path / "kb.db"))
    client = TestClient(create_app(lambda: repo), base_url="http://localhost")
    response = client.post(
        "/api/reports/upload", files={"file": (source.name, source.read_bytes(), "text/markdown")}
    )
    assert response.status_code == 201, response.text
    outcome = response.json()["outcomes"][0]
    assert outcome["outcome"] == "stored" and outcome["events"] >= 1
    assert client.get("/api/events").json()["total"] >= 1
    report = client.get(f"/api/reports/{outcome['report_id']}").json()
    assert report["source_path"] == f"upload:{source.name}"
    assert report["statements"] and report["mentions"]
    repo.close()
