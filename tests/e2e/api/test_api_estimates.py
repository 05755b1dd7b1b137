"""An entity's strength estimates through the API: every source's figure, with its source."""

from __future__ import annotations

from fastapi.testclient import TestClient

from mosaic.model import (
    Count,
    EntityKind,
    EntityRef,
    Evidence,
    Report,
    ReportExtraction,
    StrengthFinding,
)
from mosaic.services.ingest import store_report
from mosaic.store.ports import Repository


def test_api_entity_lists_each_sources_estimate(client: TestClient, repo: Repository) -> None:
    group = EntityRef("Tehreek-i-Taliban Pakistan", EntityKind.ORGANIZATION, key="org:ttp")
    text = "A UN team put the TTP at between 4,000 and 6,500 fighters."
    report = Report(text=text)
    finding = StrengthFinding(group, Count(4000, 6500), Evidence(0, len(text), text), "t", "UN")
    store_report(repo, report, ReportExtraction(report.id, "t", strengths=[finding]))
    profile = client.get("/api/entities/org:ttp").json()
    assert [(e["value"], e["attributed_to"]) for e in profile["estimates"]] == [
        ([4000, 6500], "UN")
    ]
    page = client.get("/entities/org:ttp")
    assert page.status_code == 200 and "Estimates" in page.text and "4000–6500" in page.text
