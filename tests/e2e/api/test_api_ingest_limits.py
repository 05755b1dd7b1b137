"""The API refuses a text longer than extraction takes with a 400 that says so."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from mosaic.services.ingest import MAX_TEXT_CHARS

pytestmark = pytest.mark.e2e


def test_api_ingest_text_over_the_limit_is_400_and_stores_nothing(client: TestClient) -> None:
    before = client.get("/api/stats").json()
    assert before["reports"] > 0
    response = client.post("/api/reports", json={"text": "x" * (MAX_TEXT_CHARS + 1)})
    assert response.status_code == 400
    assert response.json()["error"] == (
        "api: text is 1,000,001 characters, over the 1,000,000 that extraction takes "
        "in one report; split it into smaller files"
    )
    assert client.get("/api/stats").json() == before
